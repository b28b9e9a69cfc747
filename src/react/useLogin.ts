import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ExhError, Session } from '../core';
import { useExhContext } from './useExhContext';

export interface LoginVariables {
  email: string;
  password: string;
}

/**
 * Password grant. When the user has MFA the mutation fails with MfaRequiredError and
 * `useAuth().status` moves to `'mfaRequired'`.
 */
export function useLogin(): UseMutationResult<Session, ExhError, LoginVariables> {
  const { client, queryClient } = useExhContext();
  return useMutation({ mutationFn: (credentials: LoginVariables) => client.authenticate(credentials) }, queryClient);
}
