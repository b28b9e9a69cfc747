import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { accountApi, type AccountApi, type ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';

/** Sends a password-reset mail: 220 after too many, 221 (with `retryAfter`) within 5 minutes of the last. 202 says no account has the address: show the same words either way (no account enumeration). */
export function useRequestPasswordReset(): UseMutationResult<void, ExhError, Parameters<AccountApi['requestPasswordReset']>[0]> {
  const { client, queryClient } = useExhContext();
  return useMutation({ ...requestOptions, mutationFn: (input) => accountApi(client).requestPasswordReset(input) }, queryClient);
}
