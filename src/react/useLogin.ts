import { useMutation, type MutateOptions, type UseMutationResult } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ExhError, SessionInfo } from '../core';
import { sessionInfo } from './sessionInfo';
import { useExhContext } from './useExhContext';

export interface LoginVariables {
  email: string;
  password: string;
}

/** What the mutation remembers of a login: the email only, never the password. */
export interface LoginAttempt {
  email: string;
}

type LoginOptions = MutateOptions<SessionInfo, ExhError, LoginAttempt>;

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
  const [passwords] = useState(() => new WeakMap<LoginAttempt, string>());
  const mutation = useMutation<SessionInfo, ExhError, LoginAttempt>(
    {
      mutationFn: (attempt: LoginAttempt) => {
        const password = passwords.get(attempt) ?? '';
        passwords.delete(attempt);
        return client.authenticate({ email: attempt.email, password }).then(sessionInfo);
      },
    },
    queryClient,
  );
  const { mutate: run, mutateAsync: runAsync } = mutation;
  const attempt = useCallback(
    ({ email, password }: LoginVariables) => {
      const key = { email };
      passwords.set(key, password);
      return key;
    },
    [passwords],
  );
  const mutate = useCallback((c: LoginVariables, o?: LoginOptions) => run(attempt(c), o), [run, attempt]);
  const mutateAsync = useCallback((c: LoginVariables, o?: LoginOptions) => runAsync(attempt(c), o), [runAsync, attempt]);
  return { ...mutation, mutate, mutateAsync };
}
