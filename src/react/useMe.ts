import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ExhError, ExhUser } from '../core/index.js';
import { scopeOf } from './queryKeys.js';
import { useAuth } from './useAuth.js';
import { requestOptions, useExhContext } from './context.js';

/** The signed-in user (`GET /users/v1/me`). */
export function useMe({ enabled = true }: { enabled?: boolean } = {}): UseQueryResult<ExhUser, ExhError> {
  const { client, queryClient } = useExhContext();
  const session = useAuth((s) => s.session);
  return useQuery(
    {
      queryKey: scopeOf(client, session?.tokenId ?? null, 'me'),
      queryFn: () => client.me(),
      enabled: enabled && session !== null,
      ...requestOptions,
    },
    queryClient,
  );
}
