import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { mfaApi, type ExhError, type UserMfaSettings } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import { useAuth } from '../useAuth.js';
import { mfaSettingsKey } from './mfaSettingsCache.js';

/** The signed-in user's MFA settings: whether MFA is on, and the methods (never their secrets). */
export function useMfaSettings({ enabled = true }: { enabled?: boolean } = {}): UseQueryResult<UserMfaSettings, ExhError> {
  const { client, queryClient } = useExhContext();
  const tokenId = useAuth((s) => s.session?.tokenId ?? null);
  return useQuery(
    {
      queryKey: mfaSettingsKey(client, tokenId),
      queryFn: () => mfaApi(client).settings(),
      enabled: enabled && tokenId !== null,
      ...requestOptions,
    },
    queryClient,
  );
}
