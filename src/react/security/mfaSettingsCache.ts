import type { UseMutationResult } from '@tanstack/react-query';
import { mfaApi, type ExhClient, type ExhError, type MfaApi, type UserMfaSettings } from '../../core/index.js';
import { useExhContext } from '../context.js';
import { useExhMutation, type ExhMutationOptions } from '../options.js';
import { mutationKey, scopeOf } from '../queryKeys.js';

/** The key of this session's `useMfaSettings` query. */
export const mfaSettingsKey = (client: ExhClient, tokenId: string | null) => scopeOf(client, tokenId, 'mfaSettings');

/** The key of every MFA write of a client: a session change removes their results (new methods' secrets and codes). */
const mfaMutationKey = (client: ExhClient) => mutationKey(client, 'mfa');

/**
 * An MFA write. Its outcome goes into the cached settings, so no refetch is needed; only while the session the
 * write began in is still the current one (a late answer never lands in another session's settings). Without
 * cached settings, nothing to update. Done in the mutation function, not in `onSuccess`: the app's callbacks
 * stay its own, and run after it.
 */
export function useMfaWrite<Data, Variables, Context>(
  options: ExhMutationOptions<Data, Variables, Context> | undefined,
  write: (api: MfaApi, variables: Variables) => Promise<Data>,
  update: (settings: UserMfaSettings, data: Data, variables: Variables) => UserMfaSettings,
  own?: { gcTime: number },
): UseMutationResult<Data, ExhError, Variables, Context> {
  const { client, queryClient } = useExhContext();
  return useExhMutation(options, {
    ...own,
    mutationKey: mfaMutationKey(client),
    mutationFn: async (variables) => {
      const began = client.getSession()?.tokenId;
      const data = await write(mfaApi(client), variables);
      if (began && began === client.getSession()?.tokenId) {
        queryClient.setQueryData<UserMfaSettings>(mfaSettingsKey(client, began), (settings) => settings && update(settings, data, variables));
      }
      return data;
    },
  });
}
