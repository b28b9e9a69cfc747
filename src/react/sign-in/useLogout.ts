import type { UseMutationResult } from '@tanstack/react-query';
import type { ExhError } from '../../core/index.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';
import { mutationKey } from '../queryKeys.js';

export type LogoutVariables = { revoke?: boolean } | void;

/** Signs out: the local session is cleared at once; the token is revoked on the server unless `revoke: false`. */
export function useLogout<TContext = unknown>(
  options?: ExhMutationOptions<{ revoked: boolean }, LogoutVariables, TContext>,
): UseMutationResult<{ revoked: boolean }, ExhError, LogoutVariables, TContext> {
  const { client } = useExhContext();
  return useExhMutation(options, { mutationKey: mutationKey(client, 'logout'), mutationFn: (input: LogoutVariables) => client.logout(input ?? {}) });
}
