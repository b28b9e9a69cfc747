import type { QueryClient } from '@tanstack/react-query';
import type { ExhClient, PagedResult, Session } from '../core/index.js';
import { exhQueryKeys, sessionScope } from './queryKeys.js';
import type { ListedToken } from './useTokens.js';

type TokenLists = Array<[readonly unknown[], PagedResult<ListedToken> | undefined]>;

/**
 * Takes tokens out of this session's cached `useTokens` lists at once (another provider's lists under the
 * same QueryClient stay as they are); returns what to put back on failure.
 */
export async function removeFromTokenLists(
  queryClient: QueryClient,
  client: ExhClient,
  session: Session | null,
  isRemoved: (id: string) => boolean,
): Promise<TokenLists> {
  const everyList = { queryKey: [...exhQueryKeys.tokens(), sessionScope(client, session)] };
  await queryClient.cancelQueries(everyList);
  const before = queryClient.getQueriesData<PagedResult<ListedToken>>(everyList);
  queryClient.setQueriesData<PagedResult<ListedToken>>(everyList, (list) => {
    if (!list) return list;
    const data = list.data.filter((token) => !isRemoved(token.id));
    return { data, page: { ...list.page, total: list.page.total - (list.data.length - data.length) } };
  });
  return before;
}

export function restoreTokenLists(queryClient: QueryClient, lists: TokenLists | undefined): void {
  for (const [queryKey, data] of lists ?? []) queryClient.setQueryData(queryKey, data);
}
