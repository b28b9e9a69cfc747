import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ExhError } from '../../core/index.js';
import { putBack, removeFromTokenLists, revokedAnyway, revokeKey, settleRevoke, type TokenLists } from './tokenCache.js';
import { requestOptions, useExhContext } from '../context.js';

/**
 * Revokes one token by id. It leaves the `useTokens` lists at once and comes back if the server
 * refuses (the lists are then refetched). Revoking this session's own token signs out.
 */
export function useRevokeToken(): UseMutationResult<{ affectedRecords: number }, ExhError, string, TokenLists> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationKey: revokeKey(client),
      mutationFn: (tokenId: string) =>
        client.tokens.remove(tokenId).catch(async (error: unknown) => {
          if (!revokedAnyway(error)) throw error;
          // Gone already: for this session's own token that means signed out.
          if (client.getSession()?.tokenId === tokenId) await client.logout({ revoke: false });
          return { affectedRecords: 0 };
        }),
      onMutate: (tokenId) => removeFromTokenLists(queryClient, client, (id) => id === tokenId),
      onError: (_error, tokenId, lists) => putBack(queryClient, lists, new Set([tokenId])),
      onSettled: (_data, error) => settleRevoke(queryClient, client, error !== null),
    },
    queryClient,
  );
}
