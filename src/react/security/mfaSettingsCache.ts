import type { QueryClient } from '@tanstack/react-query';
import type { ExhClient, UserMfaSettings } from '../../core/index.js';
import { mutationKey, scopeOf } from '../queryKeys.js';

/** The key of this session's `useMfaSettings` query. */
export const mfaSettingsKey = (client: ExhClient, tokenId: string | null) => scopeOf(client, tokenId, 'mfaSettings');

/** The key of every MFA write of a client: a session change removes their results (new methods' secrets and codes). */
export const mfaMutationKey = (client: ExhClient) => mutationKey(client, 'mfa');

/** The session a write began in (`onMutate`'s result): its outcome goes into that session's settings only. */
export const writeSession = (client: ExhClient) => ({ tokenId: client.getSession()?.tokenId });

/**
 * Writes the outcome of an MFA write into the cached settings, so no refetch is needed; only while the session
 * that made the write is still the current one (a late answer never lands in another session's settings).
 * Without cached settings, nothing to update.
 */
export function updateMfaSettings(
  queryClient: QueryClient,
  client: ExhClient,
  began: { tokenId?: string } | undefined,
  update: (settings: UserMfaSettings) => UserMfaSettings,
): void {
  const tokenId = client.getSession()?.tokenId;
  if (!tokenId || tokenId !== began?.tokenId) return;
  queryClient.setQueryData<UserMfaSettings>(mfaSettingsKey(client, tokenId), (settings) => settings && update(settings));
}
