import { accountApi, type ExhUser, type RegisterInput } from '../../core/index.js';
import { accountQueryKeys } from './accountQueryKeys.js';
import { useExhContext } from '../context.js';
import { useSecretMutation, type SecretMutationResult } from '../secretMutation.js';

/** What the mutation remembers of a sign-up: everything but the password. */
export type RegisterAttempt = Omit<RegisterInput, 'password'>;

export type UseRegisterResult = SecretMutationResult<ExhUser, RegisterInput, RegisterAttempt>;

const split = ({ password, ...attempt }: RegisterInput): [RegisterAttempt, string] => [attempt, password];

/** Creates an account (not signed in); `variables` never holds the password. The address is then cached as taken. */
export function useRegister(): UseRegisterResult {
  const { client, queryClient } = useExhContext();
  return useSecretMutation(split, (attempt, password = '') => accountApi(client).register({ ...attempt, password }), {
    onSuccess: (_user, { email }) => queryClient.setQueryData(accountQueryKeys.emailAvailable(client.host, email.trim()), false),
  });
}
