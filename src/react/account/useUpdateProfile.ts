import type { UseMutationResult } from '@tanstack/react-query';
import { accountApi, type ExhError, type ProfilePatch } from '../../core/index.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions, type User } from '../options.js';
import { scopeOf } from '../queryKeys.js';

/**
 * Updates the signed-in user; the answer replaces `useMe()`'s data at once (no second GET), before the app's
 * own `onSuccess` runs.
 */
export function useUpdateProfile<TContext = unknown>(
  options?: ExhMutationOptions<User, ProfilePatch, TContext>,
): UseMutationResult<User, ExhError, ProfilePatch, TContext> {
  const { client, queryClient } = useExhContext();
  return useExhMutation(options, {
    mutationFn: async (patch) => {
      const user = await accountApi(client).updateProfile(patch);
      // Only while the same session is on: a user of an ended session is not put back in the cache.
      const session = client.getSession();
      if (session?.userId === user.id) queryClient.setQueryData(scopeOf(client, session.tokenId, 'me'), user);
      return user as User;
    },
  });
}
