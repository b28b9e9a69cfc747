import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { mfaApi, type ExhError, type UserMfaSettings } from '../../core/index.js';
import { requestOptions, useExhContext } from '../context.js';
import type { ExhQueryOptions } from '../options.js';
import { useAuth } from '../useAuth.js';
import { mfaSettingsKey } from './mfaSettingsCache.js';

/** The signed-in user's MFA settings: whether MFA is on, and the methods (never their secrets). */
export function useMfaSettings<TData = UserMfaSettings>({
  enabled = true,
  ...options
}: ExhQueryOptions<UserMfaSettings, TData> = {}): UseQueryResult<TData, ExhError> {
  const { client, queryClient } = useExhContext();
  const tokenId = useAuth((s) => s.session?.tokenId ?? null);
  return useQuery<UserMfaSettings, ExhError, TData>(
    {
      ...options,
      queryKey: mfaSettingsKey(client, tokenId),
      queryFn: () => mfaApi(client).settings(),
      enabled: tokenId !== null && enabled,
      ...requestOptions,
    },
    queryClient,
  );
}
