import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ExhError, SessionInfo, SsoToken } from '../core/index.js';
import { withoutSecret } from '../core/data.js';
import { requestOptions, useExhContext } from './context.js';

export interface UseSsoTokenResult {
  /** A single-use, short-lived SSO token for another application or device. */
  generate: UseMutationResult<SsoToken, ExhError, void>;
  /** Signs in with an SSO token; `data` is the session without its token secret. */
  consume: UseMutationResult<SessionInfo, ExhError, string>;
}

export function useSsoToken(): UseSsoTokenResult {
  const { client, queryClient } = useExhContext();
  const generate = useMutation<SsoToken, ExhError, void>({ ...requestOptions, mutationFn: () => client.generateSsoToken() }, queryClient);
  const consume = useMutation<SessionInfo, ExhError, string>(
    { ...requestOptions, mutationFn: (ssoToken: string) => client.consumeSsoToken(ssoToken).then(withoutSecret) },
    queryClient,
  );
  return { generate, consume };
}
