import type { UseMutationResult } from '@tanstack/react-query';
import type { ExhError } from '../../core/index.js';
import { putBack, removeFromTokenLists, revokedAnyway, revokeKey, revoking } from './tokenCache.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';

/**
 * Revokes one token by id. It leaves the `useTokens` lists at once and comes back if the server
 * refuses (the lists are then refetched). Revoking this session's own token signs out.
 */
export function useRevokeToken<TContext = unknown>(
  options?: ExhMutationOptions<{ affectedRecords: number }, string, TContext>,
): UseMutationResult<{ affectedRecords: number }, ExhError, string, TContext> {
  const { client, queryClient } = useExhContext();
  return useExhMutation(options, {
    mutationKey: revokeKey(client),
    // The lists' updates are made here, not in callbacks: the app's onMutate, onError and onSettled stay its own.
    mutationFn: (tokenId: string) =>
      revoking(queryClient, client, async () => {
        const lists = await removeFromTokenLists(queryClient, client, (id) => id === tokenId);
        try {
          return await client.tokens.remove(tokenId).catch(async (error: unknown) => {
            if (!revokedAnyway(error)) throw error;
            // Gone already: for this session's own token that means signed out.
            if (client.getSession()?.tokenId === tokenId) await client.logout({ revoke: false });
            return { affectedRecords: 0 };
          });
        } catch (error) {
          putBack(queryClient, lists, new Set([tokenId]));
          throw error;
        }
      }),
  });
}
