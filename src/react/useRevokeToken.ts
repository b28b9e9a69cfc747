import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ExhError } from '../core/index.js';
import { removeFromTokenLists, restoreTokenLists } from './tokenCache.js';
import { requestOptions, useExhContext } from './context.js';

/**
 * Revokes one token by id. It leaves the `useTokens` lists at once and comes back if the server
 * refuses. Revoking this session's own token signs out.
 */
export function useRevokeToken(): UseMutationResult<{ affectedRecords: number }, ExhError, string, Awaited<ReturnType<typeof removeFromTokenLists>>> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationFn: (tokenId: string) => client.tokens.remove(tokenId),
      onMutate: (tokenId) => removeFromTokenLists(queryClient, client, client.getSession(), (id) => id === tokenId),
      onError: (_error, _tokenId, lists) => restoreTokenLists(queryClient, lists),
    },
    queryClient,
  );
}
