import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ExhError, Session, SsoToken } from '../core';
import { useExhContext } from './useExhContext';

export interface UseSsoTokenResult {
  /** A single-use, short-lived SSO token for another application or device. */
  generate: UseMutationResult<SsoToken, ExhError, void>;
  /** Signs in with an SSO token. */
  consume: UseMutationResult<Session, ExhError, string>;
}

export function useSsoToken(): UseSsoTokenResult {
  const { client, queryClient } = useExhContext();
  const generate = useMutation<SsoToken, ExhError, void>({ mutationFn: () => client.generateSsoToken() }, queryClient);
  const consume = useMutation<Session, ExhError, string>({ mutationFn: (ssoToken: string) => client.consumeSsoToken(ssoToken) }, queryClient);
  return { generate, consume };
}
