import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { mfaApi, type ExhError } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { mfaMutationKey, updateMfaSettings, writeSession } from './mfaSettingsCache.js';

export interface VerifyMfaMethodVariables {
  methodId: string;
  /** A current code from the authenticator app. */
  code: string;
}

/** Verifies a new TOTP method (130 wrong code, 134 too soon); the settings query marks it verified. */
export function useVerifyMfaMethod(): UseMutationResult<void, ExhError, VerifyMfaMethodVariables> {
  const { client, queryClient } = useExhContext();
  return useMutation(
    {
      ...requestOptions,
      mutationKey: mfaMutationKey(client),
      onMutate: () => writeSession(client),
      mutationFn: ({ methodId, code }) => mfaApi(client).verifyMethod(methodId, code),
      onSuccess: (_, { methodId }, began) =>
        updateMfaSettings(queryClient, client, began, (settings) => ({
          ...settings,
          methods: settings.methods.map((method) => (method.id === methodId ? { ...method, verified: true } : method)),
        })),
    },
    queryClient,
  );
}
