import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { accountApi, type ExhError, type ExhUser, type ProfilePatch } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { scopeOf } from '../queryKeys.js';

/** Updates the signed-in user; the answer replaces `useMe()`'s data at once (no second GET). */
export function useUpdateProfile(): UseMutationResult<ExhUser, ExhError, ProfilePatch> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationFn: (patch) => accountApi(client).updateProfile(patch),
      onSuccess: (user) => {
        // Only while the same session is on: a user of an ended session is not put back in the cache.
        const session = client.getSession();
        if (session?.userId === user.id) queryClient.setQueryData(scopeOf(client, session.tokenId, 'me'), user);
      },
    },
    queryClient,
  );
}
