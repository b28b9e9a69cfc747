import type { UseMutationResult } from '@tanstack/react-query';
import type { ExhError, MfaApi, NewMfaMethod } from '../../core/index.js';
import type { ExhMutationOptions } from '../options.js';
import { useMfaWrite } from './mfaSettingsCache.js';

export type AddMfaMethodVariables = Parameters<MfaApi['addMethod']>[0];

/**
 * Adds a TOTP or recovery-codes method (needs `usePresence()`'s token). `data` has the secret or the codes,
 * shown once: the settings query gets the method without them, and a session change removes `data`. Takes
 * TanStack's mutation options but `gcTime`: the secret or codes leave the cache as soon as no component shows them.
 */
export function useAddMfaMethod<TContext = unknown>(
  options?: Omit<ExhMutationOptions<NewMfaMethod, AddMfaMethodVariables, TContext>, 'gcTime'>,
): UseMutationResult<NewMfaMethod, ExhError, AddMfaMethodVariables, TContext> {
  return useMfaWrite(
    options,
    (api, input) => api.addMethod(input),
    (settings, method) => {
      const { secret: _secret, codes: _codes, ...listed } = method as NewMfaMethod & { secret?: string; codes?: string[] };
      return { ...settings, methods: [...settings.methods, listed] };
    },
    { gcTime: 0 },
  );
}
