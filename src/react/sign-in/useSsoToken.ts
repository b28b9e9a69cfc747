import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { ExhError, type SessionInfo, type SsoToken } from '../../core/index.js';
import { withoutSecret } from '../../core/data.js';
import { requestOptions, useExhContext } from '../context.js';
import { mutationKey } from '../queryKeys.js';

export interface UseSsoTokenResult {
  /** A single-use, short-lived SSO token for another application or device. */
  generate: UseMutationResult<SsoToken, ExhError, void>;
  /** Signs in with an SSO token; `data` is the session without its token secret. */
  consume: UseMutationResult<SessionInfo, ExhError, string>;
}

export function useSsoToken(): UseSsoTokenResult {
  const { client, queryClient } = useExhContext();
  const generate = useMutation<SsoToken, ExhError, void>(
    {
      ...requestOptions,
      mutationKey: mutationKey(client, 'ssoGenerate'),
      mutationFn: async () => {
        const tokenId = client.getSession()?.tokenId;
        const sso = await client.generateSsoToken();
        // A sign-in credential made for a session that ended meanwhile is not handed out (nor cached).
        if (client.getSession()?.tokenId !== tokenId) throw new ExhError('The session ended while the SSO token was made');
        return sso;
      },
    },
    queryClient,
  );
  const consume = useMutation<SessionInfo, ExhError, string>(
    {
      ...requestOptions,
      mutationKey: mutationKey(client, 'ssoConsume'),
      mutationFn: (ssoToken: string) => client.consumeSsoToken(ssoToken).then(withoutSecret),
    },
    queryClient,
  );
  return { generate, consume };
}
