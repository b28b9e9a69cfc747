import type { UseMutationResult } from '@tanstack/react-query';
import { ExhError, type SessionInfo, type SsoToken } from '../../core/index.js';
import { withoutSecret } from '../../core/data.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';
import { mutationKey } from '../queryKeys.js';

export interface UseSsoTokenResult<TGenerateContext = unknown, TConsumeContext = unknown> {
  /** A single-use, short-lived SSO token for another application or device. */
  generate: UseMutationResult<SsoToken, ExhError, void, TGenerateContext>;
  /** Signs in with an SSO token; `data` is the session without its token secret. */
  consume: UseMutationResult<SessionInfo, ExhError, string, TConsumeContext>;
}

/** TanStack's mutation options of each of the two mutations. */
export interface UseSsoTokenOptions<TGenerateContext = unknown, TConsumeContext = unknown> {
  generate?: ExhMutationOptions<SsoToken, void, TGenerateContext>;
  consume?: ExhMutationOptions<SessionInfo, string, TConsumeContext>;
}

export function useSsoToken<TGenerateContext = unknown, TConsumeContext = unknown>(
  options: UseSsoTokenOptions<TGenerateContext, TConsumeContext> = {},
): UseSsoTokenResult<TGenerateContext, TConsumeContext> {
  const { client } = useExhContext();
  const generate = useExhMutation(options.generate, {
    mutationKey: mutationKey(client, 'ssoGenerate'),
    mutationFn: async () => {
      const tokenId = client.getSession()?.tokenId;
      const sso = await client.generateSsoToken();
      // A sign-in credential made for a session that ended meanwhile is not handed out (nor cached).
      if (client.getSession()?.tokenId !== tokenId) throw new ExhError('The session ended while the SSO token was made');
      return sso;
    },
  });
  const consume = useExhMutation(options.consume, {
    mutationKey: mutationKey(client, 'ssoConsume'),
    mutationFn: (ssoToken: string) => client.consumeSsoToken(ssoToken).then(withoutSecret),
  });
  return { generate, consume };
}
