import type { QueryClient } from '@tanstack/react-query';
import type { ExhClient, UserMfaSettings } from '../../core/index.js';
import { mutationKey, scopeOf } from '../queryKeys.js';

/** The key of this session's `useMfaSettings` query. */
export const mfaSettingsKey = (client: ExhClient, tokenId: string | null) => scopeOf(client, tokenId, 'mfaSettings');

/** The key of every MFA write of a client: a session change removes their results (new methods' secrets and codes). */
export const mfaMutationKey = (client: ExhClient) => mutationKey(client, 'mfa');

/**
 * Writes the outcome of an MFA write into the cached settings, so no refetch is needed; only while the session
 * that made the write is still the current one. Without cached settings, nothing to update.
 */
export function updateMfaSettings(
  queryClient: QueryClient,
  client: ExhClient,
  update: (settings: UserMfaSettings) => UserMfaSettings,
): void {
  const tokenId = client.getSession()?.tokenId;
  if (!tokenId) return;
  queryClient.setQueryData<UserMfaSettings>(mfaSettingsKey(client, tokenId), (settings) => settings && update(settings));
}
