import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { accountApi, type ExhError, type PasswordPolicy } from '../../core/index.js';
import { accountQueryKeys } from './accountQueryKeys.js';
import { requestOptions, useExhContext } from '../context.js';

/** The environment's password policy, fetched once for the page (for `checkPassword`'s live checklist). */
export function usePasswordPolicy({ enabled = true }: { enabled?: boolean } = {}): UseQueryResult<PasswordPolicy, ExhError> {
  const { client, queryClient } = useExhContext();
  return useQuery(
    {
      queryKey: accountQueryKeys.passwordPolicy(client.host),
      queryFn: () => accountApi(client).passwordPolicy(),
      enabled,
      staleTime: Infinity,
      gcTime: Infinity,
      ...requestOptions,
    },
    queryClient,
  );
}
