import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { mfaApi, type ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { mfaMutationKey, updateMfaSettings, writeSession } from './mfaSettingsCache.js';

/** Turns MFA on (133 without a verified method); the settings query says so at once. */
export function useEnableMfa(): UseMutationResult<void, ExhError, void> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationKey: mfaMutationKey(client),
      onMutate: () => writeSession(client),
      mutationFn: () => mfaApi(client).enable(),
      onSuccess: (_, _input, began) => updateMfaSettings(queryClient, client, began, (settings) => ({ ...settings, enabled: true })),
    },
    queryClient,
  );
}
