import { useMemo } from 'react';
import { scopeOf, tokensKey, type ExhQueryKey } from './queryKeys.js';
import { useAuth } from './useAuth.js';
import { useExhContext } from './context.js';

export interface ExhQueryKeys {
  /** Every query of this provider's current session. */
  all: ExhQueryKey;
  /** Without `rql`: every `useTokens` list of the session; with it: the list of `useTokens({ rql })` (`''` for the default list). */
  tokens(rql?: string): ExhQueryKey;
  /** The query of `useMe()`. */
  me(): ExhQueryKey;
}

/**
 * The query keys of this provider's current session, for `queryClient.invalidateQueries`, `getQueryData`
 * or `setQueryData`: `invalidateQueries({ queryKey: keys.tokens() })`. Another provider's data never matches.
 */
export function useExhQueryKeys(): ExhQueryKeys {
  const { client } = useExhContext();
  const tokenId = useAuth((s) => s.session?.tokenId ?? null);
  return useMemo(
    () => ({
      all: scopeOf(client, tokenId),
      tokens: (rql) => (rql === undefined ? scopeOf(client, tokenId, 'tokens') : tokensKey(client, tokenId, rql)),
      me: () => scopeOf(client, tokenId, 'me'),
    }),
    [client, tokenId],
  );
}
