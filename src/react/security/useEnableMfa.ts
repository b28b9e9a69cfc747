import type { UseMutationResult } from '@tanstack/react-query';
import type { ExhError } from '../../core/index.js';
import type { ExhMutationOptions } from '../options.js';
import { useMfaWrite } from './mfaSettingsCache.js';

/** Turns MFA on (133 without a verified method); the settings query says so at once. */
export function useEnableMfa<TContext = unknown>(options?: ExhMutationOptions<void, void, TContext>): UseMutationResult<void, ExhError, void, TContext> {
  return useMfaWrite(options, (api) => api.enable(), (settings) => ({ ...settings, enabled: true }));
}
