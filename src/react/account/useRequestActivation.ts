import type { UseMutationResult } from '@tanstack/react-query';
import { accountApi, type AccountApi, type ExhError } from '../../core/index.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';

/** Sends an activation mail (again): 222 after too many, 223 (with `retryAfter`) within 5 minutes of the last. */
export function useRequestActivation<TContext = unknown>(
  options?: ExhMutationOptions<void, Parameters<AccountApi['requestActivation']>[0], TContext>,
): UseMutationResult<void, ExhError, Parameters<AccountApi['requestActivation']>[0], TContext> {
  const { client } = useExhContext();
  return useExhMutation(options, { mutationFn: (input) => accountApi(client).requestActivation(input) });
}
