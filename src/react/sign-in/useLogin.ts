import { useMutation, type MutateOptions, type UseMutationResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ExhError, SessionInfo } from '../../core/index.js';
import { withoutSecret } from '../../core/data.js';
import { requestOptions, useExhContext } from '../context.js';
import { mutationKey } from '../queryKeys.js';

export interface LoginVariables {
  email: string;
  password: string;
}

/** What the mutation remembers of a login: the email only, never the password. */
export interface LoginAttempt {
  email: string;
}

type LoginOptions = MutateOptions<SessionInfo, ExhError, LoginAttempt>;

// Each attempt is a new object, so one map serves every hook: a password lives here only until its request starts.
const passwords = new WeakMap<LoginAttempt, string>();

export type UseLoginResult = Omit<UseMutationResult<SessionInfo, ExhError, LoginAttempt>, 'mutate' | 'mutateAsync'> & {
  mutate: (credentials: LoginVariables, options?: LoginOptions) => void;
  mutateAsync: (credentials: LoginVariables, options?: LoginOptions) => Promise<SessionInfo>;
};

/**
 * Password grant. When the user has MFA the mutation fails with MfaRequiredError and
 * `useAuth().status` moves to `'mfaRequired'`. `variables` holds the email only and `data` has no
 * token secret: the mutation cache (and devtools) never hold a password or a token secret.
 */
export function useLogin(): UseLoginResult {
  const { client, queryClient } = useExhContext();
  const mutation = useMutation<SessionInfo, ExhError, LoginAttempt>(
    {
      ...requestOptions,
      mutationKey: mutationKey(client, 'login'),
      mutationFn: (attempt: LoginAttempt) => {
        const password = passwords.get(attempt) ?? '';
        passwords.delete(attempt);
        return client.authenticate({ email: attempt.email, password }).then(withoutSecret);
      },
    },
    queryClient,
  );
  const { mutate, mutateAsync } = mutation;
  const withPassword = useMemo(() => {
    /** The attempt the mutation sees (the email), with its password set aside for mutationFn. */
    const attempt = ({ email, password }: LoginVariables) => {
      const key = { email };
      passwords.set(key, password);
      return key;
    };
    return {
      mutate: (credentials: LoginVariables, options?: LoginOptions) => mutate(attempt(credentials), options),
      mutateAsync: (credentials: LoginVariables, options?: LoginOptions) => mutateAsync(attempt(credentials), options),
    };
  }, [mutate, mutateAsync]);
  return { ...mutation, ...withPassword };
}
