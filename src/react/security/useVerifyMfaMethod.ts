import type { UseMutationResult } from '@tanstack/react-query';
import type { ExhError } from '../../core/index.js';
import type { ExhMutationOptions } from '../options.js';
import { useMfaWrite } from './mfaSettingsCache.js';

export interface VerifyMfaMethodVariables {
  methodId: string;
  /** A current code from the authenticator app. */
  code: string;
}

/** Verifies a new TOTP method (130 wrong code, 134 too soon); the settings query marks it verified. */
export function useVerifyMfaMethod<TContext = unknown>(
  options?: ExhMutationOptions<void, VerifyMfaMethodVariables, TContext>,
): UseMutationResult<void, ExhError, VerifyMfaMethodVariables, TContext> {
  return useMfaWrite(
    options,
    (api, { methodId, code }) => api.verifyMethod(methodId, code),
    (settings, _, { methodId }) => ({
      ...settings,
      methods: settings.methods.map((method) => (method.id === methodId ? { ...method, verified: true } : method)),
    }),
  );
}
