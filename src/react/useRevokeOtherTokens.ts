import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { UserNotAuthenticatedError, type ExhError, type OAuth1Token } from '../core/index.js';
import { removeFromTokenLists, restoreTokenLists } from './tokenCache.js';
import { requestOptions, useExhContext } from './context.js';

const PAGE = 50;

/** Signs out every other device: revokes all of the user's tokens but this session's own. */
export function useRevokeOtherTokens(): UseMutationResult<{ revoked: number }, ExhError, void> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationFn: async () => {
        const current = client.getSession();
        if (!current) throw new UserNotAuthenticatedError('Not signed in', { code: 104 });
        const others: OAuth1Token[] = [];
        for (let offset = 0; ; offset += PAGE) {
          const { data, page } = await client.tokens.find({ rql: `limit(${PAGE},${offset})` });
          others.push(...data.filter((token) => token.id !== current.tokenId));
          if (data.length === 0 || offset + PAGE >= page.total) break;
        }
        const lists = await removeFromTokenLists(queryClient, client, current, (id) => id !== current.tokenId);
        const results = await Promise.allSettled(others.map((token) => client.tokens.remove(token.id)));
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) {
          restoreTokenLists(queryClient, lists);
          throw failed.reason;
        }
        return { revoked: others.length };
      },
    },
    queryClient,
  );
}
