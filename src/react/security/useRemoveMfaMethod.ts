import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { mfaApi, type ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { mfaMutationKey, updateMfaSettings, writeSession } from './mfaSettingsCache.js';

/** Removes a method by id (133 when it is the last verified one while MFA is on); the settings query drops it. */
export function useRemoveMfaMethod(): UseMutationResult<void, ExhError, string> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationKey: mfaMutationKey(client),
      onMutate: () => writeSession(client),
      mutationFn: (methodId) => mfaApi(client).removeMethod(methodId),
      onSuccess: (_, methodId, began) =>
        updateMfaSettings(queryClient, client, began, (settings) => ({
          ...settings,
          methods: settings.methods.filter((method) => method.id !== methodId),
        })),
    },
    queryClient,
  );
}
