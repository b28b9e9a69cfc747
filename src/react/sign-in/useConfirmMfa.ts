import type { UseMutationResult } from '@tanstack/react-query';
import type { ExhError, SessionInfo } from '../../core/index.js';
import { withoutSecret } from '../../core/data.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';
import { mutationKey } from '../queryKeys.js';

export interface ConfirmMfaVariables {
  methodId: string;
  code: string;
  /** Defaults to the pending challenge's token. */
  token?: string;
}

/** MFA grant for the pending challenge (`useAuth().mfa`); `data` is the session without its token secret. */
export function useConfirmMfa<TContext = unknown>(
  options?: ExhMutationOptions<SessionInfo, ConfirmMfaVariables, TContext>,
): UseMutationResult<SessionInfo, ExhError, ConfirmMfaVariables, TContext> {
  const { client } = useExhContext();
  return useExhMutation(options, {
    mutationKey: mutationKey(client, 'confirmMfa'),
    mutationFn: (input: ConfirmMfaVariables) => client.confirmMfa(input).then(withoutSecret),
  });
}
