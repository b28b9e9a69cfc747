import { accountApi, type AccountApi } from '../../core/index.js';
import { useExhContext } from '../context.js';
import type { ExhMutationOptions } from '../options.js';
import { useSecretMutation, type SecretMutationResult } from '../secretMutation.js';

export type ResetPasswordVariables = Parameters<AccountApi['resetPassword']>[0];

/** What the mutation remembers of a reset: the e-mail address in pin mode; never the password, hash or pin. */
export interface ResetPasswordAttempt {
  email?: string;
}

export type UseResetPasswordResult<TContext = unknown> = SecretMutationResult<void, ResetPasswordVariables, ResetPasswordAttempt, TContext>;

// The hash and the pin are kept out too: with either, anyone could set the password while they are valid.
const split = (input: ResetPasswordVariables): [ResetPasswordAttempt, ResetPasswordVariables] => [
  'email' in input ? { email: input.email } : {},
  input,
];

/**
 * Sets a new password with a reset mail's hash or pin. Every token of the user is revoked: when it was the
 * signed-in user, the session ends and `useAuth().error` is a SessionEndedByPasswordResetError.
 */
export function useResetPassword<TContext = unknown>(
  options?: ExhMutationOptions<void, ResetPasswordAttempt, TContext>,
): UseResetPasswordResult<TContext> {
  const { client } = useExhContext();
  return useSecretMutation(
    split,
    async (_attempt, input) => {
      if (!input) throw new Error('exh-auth-react: a reset runs once per call');
      return accountApi(client).resetPassword(input);
    },
    options,
  );
}
