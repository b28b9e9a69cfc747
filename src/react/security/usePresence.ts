import { useCallback, useSyncExternalStore } from 'react';
import { mfaApi, type PresenceToken } from '../../core/index.js';
import { useExhContext } from '../context.js';
import type { ExhMutationOptions } from '../options.js';
import { useSecretMutation, type SecretMutationResult } from '../secretMutation.js';

export interface UsePresenceResult<TContext = unknown> {
  /** The presence token while it is valid (kept in memory only), else null. */
  token: PresenceToken | null;
  /** No valid presence token: ask for the password (`confirm`) before an MFA write. */
  required: boolean;
  /** Asks for a presence token with the user's password; neither the password nor the token is in any cache. */
  confirm: (password: string) => Promise<void>;
  /** The `confirm` mutation: `isPending`, `error` (106, 211–213 as a sign-in), `reset`; its `data` is empty. */
  mutation: Omit<SecretMutationResult<void, string, Record<string, never>, TContext>, 'mutate' | 'mutateAsync'>;
  /** Forgets the token, e.g. when the user leaves the security page. */
  forget: () => void;
}

const split = (password: string): [Record<string, never>, string] => [{}, password];

/**
 * The presence token every MFA write needs: one per provider, shared by every component and hook, reused while
 * valid, gone on expiry, on a 132 answer and on a session change (`required` turns true again). `options` are
 * TanStack's mutation options of `confirm` (its `variables` are empty: the password is never in them).
 */
export function usePresence<TContext = unknown>(options?: ExhMutationOptions<void, Record<string, never>, TContext>): UsePresenceResult<TContext> {
  const { client } = useExhContext();
  const api = mfaApi(client);
  const token = useSyncExternalStore(api.subscribePresence, api.presence, () => null);
  const { mutateAsync, mutate: _mutate, ...mutation } = useSecretMutation(
    split,
    async (_variables, password) => {
      if (password === undefined) throw new Error('exh-auth-react: a presence confirmation runs once per call');
      await api.confirmPresence(password);
    },
    options,
  );
  const confirm = useCallback((password: string) => mutateAsync(password), [mutateAsync]);
  return { token, required: token === null, confirm, mutation, forget: api.forgetPresence };
}
