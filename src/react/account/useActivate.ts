import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { accountApi, type AccountApi, type ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';

/** Activates an account with the mail's link hash, or its e-mail address and pin. */
export function useActivate(): UseMutationResult<void, ExhError, Parameters<AccountApi['activate']>[0]> {
  const { client, queryClient } = useExhContext();
  return useMutation({ ...requestOptions, mutationFn: (input) => accountApi(client).activate(input) }, queryClient);
}
