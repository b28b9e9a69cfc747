import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { UserNotAuthenticatedError, type ExhError, type OAuth1Token } from '../../core/index.js';
import { putBack, removeFromTokenLists, revokedAnyway, revokeKey, settleRevoke } from './tokenCache.js';
import { requestOptions, useExhContext } from '../context.js';

const PAGE = 50;

/**
 * Signs out every other device: revokes all of the user's tokens but this session's own. When some
 * revokes fail, only those tokens come back to the lists (then refetched) and the mutation fails.
 */
export function useRevokeOtherTokens(): UseMutationResult<{ revoked: number }, ExhError, void> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationKey: revokeKey(client),
      mutationFn: async () => {
        const current = client.getSession();
        if (!current) throw new UserNotAuthenticatedError('Not signed in', { code: 104 });
        const others: OAuth1Token[] = [];
        for (let offset = 0; ; offset += PAGE) {
          const { data, page } = await client.tokens.find({ rql: `limit(${PAGE},${offset})` });
          others.push(...data.filter((token) => token.id !== current.tokenId));
          if (data.length === 0 || offset + PAGE >= page.total) break;
        }
        const lists = await removeFromTokenLists(queryClient, client, (id) => id !== current.tokenId);
        const results = await Promise.allSettled(others.map((token) => client.tokens.remove(token.id)));
        const failed = new Set<string>();
        let firstError: unknown;
        results.forEach((result, i) => {
          if (result.status === 'fulfilled' || revokedAnyway(result.reason)) return;
          failed.add(others[i]!.id);
          firstError ??= result.reason;
        });
        if (failed.size > 0) {
          putBack(queryClient, lists, failed);
          throw firstError;
        }
        return { revoked: others.length };
      },
      onSettled: (_data, error) => settleRevoke(queryClient, client, error !== null),
    },
    queryClient,
  );
}
