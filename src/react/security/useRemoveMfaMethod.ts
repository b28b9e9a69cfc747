import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { mfaApi, type ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { mfaMutationKey, updateMfaSettings } from './mfaSettingsCache.js';

/** Removes a method by id (133 when it is the last verified one while MFA is on); the settings query drops it. */
export function useRemoveMfaMethod(): UseMutationResult<void, ExhError, string> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationKey: mfaMutationKey(client),
      mutationFn: (methodId) => mfaApi(client).removeMethod(methodId),
      onSuccess: (_, methodId) =>
        updateMfaSettings(queryClient, client, (settings) => ({
          ...settings,
          methods: settings.methods.filter((method) => method.id !== methodId),
        })),
    },
    queryClient,
  );
}
