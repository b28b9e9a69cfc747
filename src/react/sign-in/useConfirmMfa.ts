import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ExhError, SessionInfo } from '../../core/index.js';
import { withoutSecret } from '../../core/data.js';
import { requestOptions, useExhContext } from '../context.js';
import { mutationKey } from '../queryKeys.js';

export interface ConfirmMfaVariables {
  methodId: string;
  code: string;
  /** Defaults to the pending challenge's token. */
  token?: string;
}

/** MFA grant for the pending challenge (`useAuth().mfa`); `data` is the session without its token secret. */
export function useConfirmMfa(): UseMutationResult<SessionInfo, ExhError, ConfirmMfaVariables> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    { ...requestOptions, mutationKey: mutationKey(client, 'confirmMfa'), mutationFn: (input: ConfirmMfaVariables) => client.confirmMfa(input).then(withoutSecret) },
    queryClient,
  );
}
