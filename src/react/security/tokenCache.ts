import type { QueryClient } from '@tanstack/react-query';
import { ResourceUnknownError, type ExhClient, type PagedResult } from '../../core/index.js';
import { mutationKey, scopeOf } from '../queryKeys.js';
import type { ListedToken } from './useTokens.js';

type TokenList = PagedResult<ListedToken>;
export type TokenLists = Array<[readonly unknown[], TokenList | undefined]>;

/** The mutation key of both revoke hooks: a refetch waits until the last revoke of the client settles. */
export const revokeKey = (client: ExhClient) => mutationKey(client, 'revoke');

/** A DELETE answered 16 (unknown token) finds the token already revoked, e.g. by a retried DELETE's first attempt. */
export const revokedAnyway = (error: unknown) => error instanceof ResourceUnknownError;

/** This session's `useTokens` lists (another provider's lists under the same QueryClient never match). */
const listsOf = (client: ExhClient) => ({ queryKey: scopeOf(client, client.getSession()?.tokenId ?? null, 'tokens') });

/** Takes tokens out of this session's cached `useTokens` lists at once; returns the lists as they were, for `putBack`. */
export async function removeFromTokenLists(
  queryClient: QueryClient,
  client: ExhClient,
  isRemoved: (id: string) => boolean,
): Promise<TokenLists> {
  const lists = listsOf(client);
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
export function putBack(queryClient: QueryClient, lists: TokenLists, failed: ReadonlySet<string>): void {
  for (const [queryKey, before] of lists) {
    queryClient.setQueryData<TokenList>(queryKey, (now) => {
      if (!now || !before) return now;
      // In the list's order as it was (a token listed since waits for the refetch that follows a failure).
      const data = before.data.filter((token) => failed.has(token.id) || now.data.some((listed) => listed.id === token.id));
      return { data, page: { ...now.page, total: now.page.total + data.length - now.data.length } };
    });
  }
}

const needsRefetch = new WeakSet<ExhClient>();

/**
 * Runs a revoke. After a failed one the lists are refetched, once the last revoke of the client has settled:
 * an earlier refetch would bring back tokens still being revoked. A successful revoke alone refetches nothing.
 * Inside the mutation function, not in its callbacks: the app's `onError` and `onSettled` stay its own.
 */
export async function revoking<T>(queryClient: QueryClient, client: ExhClient, revoke: () => Promise<T>): Promise<T> {
  let failed = true;
  try {
    const result = await revoke();
    failed = false;
    return result;
  } finally {
    if (failed) needsRefetch.add(client);
    // This mutation is still counted as pending while its function runs.
    if (needsRefetch.has(client) && queryClient.isMutating({ mutationKey: revokeKey(client) }) <= 1) {
      needsRefetch.delete(client);
      await queryClient.invalidateQueries(listsOf(client));
    }
  }
}
