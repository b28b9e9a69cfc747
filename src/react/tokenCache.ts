import type { QueryClient } from '@tanstack/react-query';
import { ResourceUnknownError, type ExhClient, type PagedResult } from '../core/index.js';
import { mutationKey, scopeOf } from './queryKeys.js';
import type { ListedToken } from './useTokens.js';

type TokenList = PagedResult<ListedToken>;
export type TokenLists = Array<[readonly unknown[], TokenList | undefined]>;

/** The mutation key of both revoke hooks: a refetch waits until the last revoke of the client settles. */
export const revokeKey = (client: ExhClient) => mutationKey(client, 'revoke');

/** A DELETE answered 16 (unknown token) finds the token already revoked, e.g. by a retried DELETE's first attempt. */
export const revokedAnyway = (error: unknown) => error instanceof ResourceUnknownError;

const listsOf = (client: ExhClient, tokenId: string | null) => ({ queryKey: scopeOf(client, tokenId, 'tokens') });

/**
 * Takes tokens out of this session's cached `useTokens` lists at once (another provider's lists under the
 * same QueryClient stay as they are); returns the lists as they were, for `putBack`.
 */
export async function removeFromTokenLists(
  queryClient: QueryClient,
  client: ExhClient,
  isRemoved: (id: string) => boolean,
): Promise<TokenLists> {
  const lists = listsOf(client, client.getSession()?.tokenId ?? null);
  await queryClient.cancelQueries(lists);
  const before = queryClient.getQueriesData<TokenList>(lists);
  queryClient.setQueriesData<TokenList>(lists, (list) => {
    if (!list) return list;
    const data = list.data.filter((token) => !isRemoved(token.id));
    return { data, page: { ...list.page, total: list.page.total - (list.data.length - data.length) } };
  });
  return before;
}

/**
 * Puts back the tokens whose revoke failed, and only them: a snapshot would also bring back tokens that a
 * concurrent revoke (or the other half of "sign out other devices") did revoke.
 */
export function putBack(queryClient: QueryClient, lists: TokenLists | undefined, failed: ReadonlySet<string>): void {
  for (const [queryKey, before] of lists ?? []) {
    queryClient.setQueryData<TokenList>(queryKey, (now) => {
      if (!now || !before) return now;
      const ids = new Set(now.data.map((token) => token.id));
      const back = before.data.filter((token) => failed.has(token.id) && !ids.has(token.id));
      if (back.length === 0) return now;
      for (const token of back) ids.add(token.id);
      const wasListed = new Set(before.data.map((token) => token.id));
      // The list's order as it was; tokens that arrived since come after.
      const data = [...before.data.filter((token) => ids.has(token.id)), ...now.data.filter((token) => !wasListed.has(token.id))];
      return { data, page: { ...now.page, total: now.page.total + back.length } };
    });
  }
}

const needsRefetch = new WeakSet<ExhClient>();

/**
 * After a failed revoke the lists are refetched, once the last revoke of the client has settled: an earlier
 * refetch would bring back tokens still being revoked. A successful revoke alone refetches nothing.
 */
export function settleRevoke(queryClient: QueryClient, client: ExhClient, failed: boolean): Promise<void> | undefined {
  if (failed) needsRefetch.add(client);
  // This mutation is still counted as pending while its onSettled runs.
  if (!needsRefetch.has(client) || queryClient.isMutating({ mutationKey: revokeKey(client) }) > 1) return undefined;
  needsRefetch.delete(client);
  return queryClient.invalidateQueries(listsOf(client, client.getSession()?.tokenId ?? null));
}
