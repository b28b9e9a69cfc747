import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { mutationKey } from '../queryKeys.js';

/** Signs out: the local session is cleared at once; the token is revoked on the server unless `revoke: false`. */
export function useLogout(): UseMutationResult<{ revoked: boolean }, ExhError, { revoke?: boolean } | void> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    { ...requestOptions, mutationKey: mutationKey(client, 'logout'), mutationFn: (options: { revoke?: boolean } | void) => client.logout(options ?? {}) },
    queryClient,
  );
}
