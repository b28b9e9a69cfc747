import type { UseMutationResult } from '@tanstack/react-query';
import { accountApi, type AccountApi, type ExhError } from '../../core/index.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';

/** Sends a password-reset mail: 220 after too many, 221 (with `retryAfter`) within 5 minutes of the last. 202 says no account has the address: show the same words either way (no account enumeration). */
export function useRequestPasswordReset<TContext = unknown>(
  options?: ExhMutationOptions<void, Parameters<AccountApi['requestPasswordReset']>[0], TContext>,
): UseMutationResult<void, ExhError, Parameters<AccountApi['requestPasswordReset']>[0], TContext> {
  const { client } = useExhContext();
  return useExhMutation(options, { mutationFn: (input) => accountApi(client).requestPasswordReset(input) });
}
