import type { UseMutationResult } from '@tanstack/react-query';
import type { ExhError } from '../../core/index.js';
import type { ExhMutationOptions } from '../options.js';
import { useMfaWrite } from './mfaSettingsCache.js';

/** Removes a method by id (133 when it is the last verified one while MFA is on); the settings query drops it. */
export function useRemoveMfaMethod<TContext = unknown>(options?: ExhMutationOptions<void, string, TContext>): UseMutationResult<void, ExhError, string, TContext> {
  return useMfaWrite(
    options,
    (api, methodId) => api.removeMethod(methodId),
    (settings, _, methodId) => ({ ...settings, methods: settings.methods.filter((method) => method.id !== methodId) }),
  );
}
