import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { accountApi, type ExhError, type PasswordPolicy } from '../../core/index.js';
import { accountQueryKeys } from './accountQueryKeys.js';
import { requestOptions, useExhContext } from '../context.js';
import type { ExhQueryOptions } from '../options.js';

/** The environment's password policy, fetched once for the page (for `checkPassword`'s live checklist). */
export function usePasswordPolicy<TData = PasswordPolicy>(options: ExhQueryOptions<PasswordPolicy, TData> = {}): UseQueryResult<TData, ExhError> {
  const { client, queryClient } = useExhContext();
  return useQuery<PasswordPolicy, ExhError, TData>(
    {
      // Defaults the app may change.
      staleTime: Infinity,
      gcTime: Infinity,
      ...options,
      queryKey: accountQueryKeys.passwordPolicy(client.host),
      queryFn: () => accountApi(client).passwordPolicy(),
      ...requestOptions,
    },
    queryClient,
  );
}
