import type { MutateOptions, UseMutationResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ExhError, SessionInfo } from '../../core/index.js';
import { withoutSecret } from '../../core/data.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';
import { mutationKey } from '../queryKeys.js';

export interface LoginVariables {
  email: string;
  password: string;
}

/** What the mutation remembers of a login: the email only, never the password. */
export interface LoginAttempt {
  email: string;
}

type LoginOptions<TContext> = MutateOptions<SessionInfo, ExhError, LoginAttempt, TContext>;

// Each attempt is a new object, so one map serves every hook: a password lives here only until its request starts.
const passwords = new WeakMap<LoginAttempt, string>();

export type UseLoginResult<TContext = unknown> = Omit<UseMutationResult<SessionInfo, ExhError, LoginAttempt, TContext>, 'mutate' | 'mutateAsync'> & {
  mutate: (credentials: LoginVariables, options?: LoginOptions<TContext>) => void;
  mutateAsync: (credentials: LoginVariables, options?: LoginOptions<TContext>) => Promise<SessionInfo>;
};

/**
 * Password grant. When the user has MFA the mutation fails with MfaRequiredError and
 * `useAuth().status` moves to `'mfaRequired'`. `variables` holds the email only and `data` has no
 * token secret: the mutation cache (and devtools) never hold a password or a token secret. Takes TanStack's
 * mutation options (their `variables` are the attempt, without the password).
 */
export function useLogin<TContext = unknown>(options?: ExhMutationOptions<SessionInfo, LoginAttempt, TContext>): UseLoginResult<TContext> {
  const { client } = useExhContext();
  const mutation = useExhMutation(options, {
    mutationKey: mutationKey(client, 'login'),
    mutationFn: (attempt: LoginAttempt) => {
      const password = passwords.get(attempt) ?? '';
      passwords.delete(attempt);
      return client.authenticate({ email: attempt.email, password }).then(withoutSecret);
    },
  });
  const { mutate, mutateAsync } = mutation;
  const withPassword = useMemo(() => {
    /** The attempt the mutation sees (the email), with its password set aside for mutationFn. */
    const attempt = ({ email, password }: LoginVariables) => {
      const key = { email };
      passwords.set(key, password);
      return key;
    };
    return {
      mutate: (credentials: LoginVariables, options?: LoginOptions<TContext>) => mutate(attempt(credentials), options),
      mutateAsync: (credentials: LoginVariables, options?: LoginOptions<TContext>) => mutateAsync(attempt(credentials), options),
    };
  }, [mutate, mutateAsync]);
  return { ...mutation, ...withPassword };
}
