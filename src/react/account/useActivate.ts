import { accountApi, type AccountApi } from '../../core/index.js';
import { useExhContext } from '../context.js';
import type { ExhMutationOptions } from '../options.js';
import { useSecretMutation, type SecretMutationResult } from '../secretMutation.js';

export type ActivateVariables = Parameters<AccountApi['activate']>[0];

/** What the mutation remembers of an activation: the e-mail address in pin mode; never the hash or pin. */
export interface ActivateAttempt {
  email?: string;
}

export type UseActivateResult<TContext = unknown> = SecretMutationResult<void, ActivateVariables, ActivateAttempt, TContext>;

// The mail's hash and pin stay out of the cache: with either, anyone could activate the account while it is valid.
const split = (input: ActivateVariables): [ActivateAttempt, ActivateVariables] => ['email' in input ? { email: input.email } : {}, input];

/** Activates an account with the mail's link hash, or its e-mail address and pin. */
export function useActivate<TContext = unknown>(options?: ExhMutationOptions<void, ActivateAttempt, TContext>): UseActivateResult<TContext> {
  const { client } = useExhContext();
  return useSecretMutation(
    split,
    async (_attempt, input) => {
      if (!input) throw new Error('exh-auth-react: an activation runs once per call');
      return accountApi(client).activate(input);
    },
    options,
  );
}
