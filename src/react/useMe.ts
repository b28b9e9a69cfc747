import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ExhError } from '../core/index.js';
import { scopeOf } from './queryKeys.js';
import { useAuth } from './useAuth.js';
import { requestOptions, useExhContext } from './context.js';
import type { ExhQueryOptions, User } from './options.js';

/**
 * The signed-in user (`GET /users/v1/me`), typed by the app's `Register` (see `User`). Takes TanStack's query
 * options but the key and the function, e.g. `useMe({ select: (user) => user.firstName })`.
 */
export function useMe<TData = User>({ enabled = true, ...options }: ExhQueryOptions<User, TData> = {}): UseQueryResult<TData, ExhError> {
  const { client, queryClient } = useExhContext();
  const session = useAuth((s) => s.session);
  return useQuery<User, ExhError, TData>(
    {
      ...options,
      queryKey: scopeOf(client, session?.tokenId ?? null, 'me'),
      queryFn: () => client.me() as Promise<User>,
      // Signed out, never; signed in, the app's `enabled` (a boolean or a function of the query).
      enabled: session !== null && enabled,
      ...requestOptions,
    },
    queryClient,
  );
}
