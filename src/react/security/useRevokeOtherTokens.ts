import type { QueryClient, UseMutationResult } from '@tanstack/react-query';
import type { ExhClient, ExhError, OAuth1Token } from '../../core/index.js';
import { putBack, removeFromTokenLists, revokedAnyway, revokeKey, revoking } from './tokenCache.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';

const PAGE = 50;

/** Revokes every token of the user but this session's own; the ones that failed come back to the lists. */
async function revokeOthers(queryClient: QueryClient, client: ExhClient): Promise<{ revoked: number }> {
  // Signed out, the first listing fails (UserNotAuthenticatedError, no request).
  const current = client.getSession()?.tokenId;
  const others: OAuth1Token[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data, page } = await client.tokens.find({ rql: `limit(${PAGE},${offset})` });
    others.push(...data.filter((token) => token.id !== current));
    if (data.length === 0 || offset + PAGE >= page.total) break;
  }
  const lists = await removeFromTokenLists(queryClient, client, (id) => id !== current);
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
}

/**
 * Signs out every other device: revokes all of the user's tokens but this session's own. When some
 * revokes fail, only those tokens come back to the lists (then refetched) and the mutation fails.
 */
export function useRevokeOtherTokens<TContext = unknown>(
  options?: ExhMutationOptions<{ revoked: number }, void, TContext>,
): UseMutationResult<{ revoked: number }, ExhError, void, TContext> {
  const { client, queryClient } = useExhContext();
  return useExhMutation(options, {
    mutationKey: revokeKey(client),
    mutationFn: () => revoking(queryClient, client, () => revokeOthers(queryClient, client)),
  });
}
