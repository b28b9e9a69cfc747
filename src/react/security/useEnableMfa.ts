import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { mfaApi, type ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { mfaMutationKey, updateMfaSettings } from './mfaSettingsCache.js';

/** Turns MFA on (133 without a verified method); the settings query says so at once. */
export function useEnableMfa(): UseMutationResult<void, ExhError, void> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationKey: mfaMutationKey(client),
      mutationFn: () => mfaApi(client).enable(),
      onSuccess: () => updateMfaSettings(queryClient, client, (settings) => ({ ...settings, enabled: true })),
    },
    queryClient,
  );
}
