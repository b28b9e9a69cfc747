import type { UseMutationResult } from '@tanstack/react-query';
import { accountApi, type AccountApi, type ExhError } from '../../core/index.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';

/** Activates an account with the mail's link hash, or its e-mail address and pin. */
export function useActivate<TContext = unknown>(
  options?: ExhMutationOptions<void, Parameters<AccountApi['activate']>[0], TContext>,
): UseMutationResult<void, ExhError, Parameters<AccountApi['activate']>[0], TContext> {
  const { client } = useExhContext();
  return useExhMutation(options, { mutationFn: (input) => accountApi(client).activate(input) });
}
