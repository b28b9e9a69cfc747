import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { mfaApi, type ExhError, type MfaApi, type NewMfaMethod } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { mfaMutationKey, updateMfaSettings, writeSession } from './mfaSettingsCache.js';

export type AddMfaMethodVariables = Parameters<MfaApi['addMethod']>[0];

/**
 * Adds a TOTP or recovery-codes method (needs `usePresence()`'s token). `data` has the secret or the codes,
 * shown once: the settings query gets the method without them, and a session change removes `data`.
 */
export function useAddMfaMethod(): UseMutationResult<NewMfaMethod, ExhError, AddMfaMethodVariables> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationKey: mfaMutationKey(client),
      onMutate: () => writeSession(client),
      // The secret or codes leave the cache as soon as no component shows them.
      gcTime: 0,
      mutationFn: (input) => mfaApi(client).addMethod(input),
      onSuccess: (method, _input, began) => {
        const { secret: _secret, codes: _codes, ...listed } = method as NewMfaMethod & { secret?: string; codes?: string[] };
        updateMfaSettings(queryClient, client, began, (settings) => ({ ...settings, methods: [...settings.methods, listed] }));
      },
    },
    queryClient,
  );
}
