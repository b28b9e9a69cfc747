import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ExhError, Session } from '../core';
import { useExhContext } from './useExhContext';

export interface ConfirmMfaVariables {
  methodId: string;
  code: string;
  /** Defaults to the pending challenge's token. */
  token?: string;
}

/** MFA grant for the pending challenge (`useAuth().mfa`). */
export function useConfirmMfa(): UseMutationResult<Session, ExhError, ConfirmMfaVariables> {
  const { client, queryClient } = useExhContext();
  return useMutation({ mutationFn: (input: ConfirmMfaVariables) => client.confirmMfa(input) }, queryClient);
}
