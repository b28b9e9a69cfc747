import { accountApi, type RegisterInput } from '../../core/index.js';
import { accountQueryKeys } from './accountQueryKeys.js';
import { useExhContext } from '../context.js';
import type { ExhMutationOptions, User } from '../options.js';
import { useSecretMutation, type SecretMutationResult } from '../secretMutation.js';

/** What the mutation remembers of a sign-up: everything but the password. */
export type RegisterAttempt = Omit<RegisterInput, 'password'>;

export type UseRegisterResult<TContext = unknown> = SecretMutationResult<User, RegisterInput, RegisterAttempt, TContext>;

const split = ({ password, ...attempt }: RegisterInput): [RegisterAttempt, string] => [attempt, password];

/** Creates an account (not signed in); `variables` never holds the password. The address is then cached as taken. */
export function useRegister<TContext = unknown>(options?: ExhMutationOptions<User, RegisterAttempt, TContext>): UseRegisterResult<TContext> {
  const { client, queryClient } = useExhContext();
  return useSecretMutation(
    split,
    async (attempt, password = '') => {
      const user = await accountApi(client).register({ ...attempt, password });
      queryClient.setQueryData(accountQueryKeys.emailAvailable(client.host, attempt.email.trim()), false);
      return user as User;
    },
    options,
  );
}
