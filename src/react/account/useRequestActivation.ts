import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { accountApi, type AccountApi, type ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';

/** Sends an activation mail (again): 222 after too many, 223 (with `retryAfter`) within 5 minutes of the last. */
export function useRequestActivation(): UseMutationResult<void, ExhError, Parameters<AccountApi['requestActivation']>[0]> {
  const { client, queryClient } = useExhContext();
  return useMutation({ ...requestOptions, mutationFn: (input) => accountApi(client).requestActivation(input) }, queryClient);
}
