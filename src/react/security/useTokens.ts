import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ExhError, OAuth1Token, PagedResult } from '../../core/index.js';
import { tokensKey } from '../queryKeys.js';
import { useAuth } from '../useAuth.js';
import { requestOptions, useExhContext } from '../context.js';
import type { ExhQueryOptions } from '../options.js';

export interface ListedToken extends OAuth1Token {
  /** This session's own token (matched by id: listed tokens may have no secret). */
  current: boolean;
}

/** TanStack's query options (`select` types `data`), and the list's RQL. */
export interface UseTokensOptions<TData = PagedResult<ListedToken>> extends ExhQueryOptions<PagedResult<ListedToken>, TData> {
  /** An RQL query, e.g. `limit(10,0)`. */
  rql?: string;
}

/** The signed-in user's active tokens, each marked `current` when it is this session's. */
export function useTokens<TData = PagedResult<ListedToken>>({
  rql,
  enabled = true,
  ...options
}: UseTokensOptions<TData> = {}): UseQueryResult<TData, ExhError> {
  const { client, queryClient } = useExhContext();
  const session = useAuth((s) => s.session);
  return useQuery<PagedResult<ListedToken>, ExhError, TData>(
    {
      ...options,
      queryKey: tokensKey(client, session?.tokenId ?? null, rql),
      queryFn: async () => {
        const result = await client.tokens.find({ rql });
        return { ...result, data: result.data.map((token) => ({ ...token, current: token.id === session?.tokenId })) };
      },
      enabled: session !== null && enabled,
      // ky already retried idempotent calls once; an auth error does not get better by asking again.
      ...requestOptions,
    },
    queryClient,
  );
}
