import { accountApi, type AccountApi } from '../../core/index.js';
import { useExhContext } from '../context.js';
import type { ExhMutationOptions } from '../options.js';
import { useSecretMutation, type SecretMutationResult } from '../secretMutation.js';

export type ChangePasswordVariables = Parameters<AccountApi['changePassword']>[0];

/** The mutation remembers nothing of a password change. */
export type ChangePasswordAttempt = Record<string, never>;

export type UseChangePasswordResult<TContext = unknown> = SecretMutationResult<void, ChangePasswordVariables, ChangePasswordAttempt, TContext>;

const split = (input: ChangePasswordVariables): [ChangePasswordAttempt, ChangePasswordVariables] => [{}, input];

/** Changes the signed-in user's password (PasswordError, 208, when the current one is wrong); neither password sits in `variables`. */
export function useChangePassword<TContext = unknown>(
  options?: ExhMutationOptions<void, ChangePasswordAttempt, TContext>,
): UseChangePasswordResult<TContext> {
  const { client } = useExhContext();
  return useSecretMutation(
    split,
    async (_attempt, input) => {
      if (!input) throw new Error('exh-auth-react: a password change runs once per call');
      return accountApi(client).changePassword(input);
    },
    options,
  );
}
