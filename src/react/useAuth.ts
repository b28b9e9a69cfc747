import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { AuthState, ExhClient } from '../core';
import { useExhContext } from './useExhContext';

export interface AuthView extends AuthState {
  userId: string | null;
  /** Signs out: revokes the token on the server when it can, always clears the local session. */
  logout: ExhClient['logout'];
  client: ExhClient;
}

const serverState: AuthState = Object.freeze({ status: 'loading', session: null, mfa: null, error: null });
const views = new WeakMap<ExhClient, WeakMap<AuthState, AuthView>>();

/** One view object per client and state, so an unchanged state is the same object (no re-render). */
function viewOf(client: ExhClient, state: AuthState): AuthView {
  let byState = views.get(client);
  if (!byState) views.set(client, (byState = new WeakMap()));
  let view = byState.get(state);
  if (!view) {
    view = { ...state, userId: state.session?.userId ?? null, logout: client.logout, client };
    byState.set(state, view);
  }
  return view;
}

/**
 * The session state. With a selector, e.g. `useAuth((s) => s.status)`, the component re-renders only
 * when the selected value changes (compared with Object.is).
 */
export function useAuth(): AuthView;
export function useAuth<T>(select: (view: AuthView) => T): T;
export function useAuth<T>(select?: (view: AuthView) => T): T | AuthView {
  const { client } = useExhContext();
  const selectRef = useRef(select);
  selectRef.current = select;
  const last = useRef<{ state: AuthState; selected: unknown } | null>(null);

  const read = useCallback(
    (state: AuthState) => {
      const view = viewOf(client, state);
      const pick = selectRef.current;
      if (!pick) return view;
      // Memoised per state: a selector returning a new object must not make React loop.
      if (last.current?.state === state) return last.current.selected;
      const selected = pick(view);
      const kept = last.current && Object.is(last.current.selected, selected) ? last.current.selected : selected;
      last.current = { state, selected: kept };
      return kept;
    },
    [client],
  );

  return useSyncExternalStore(
    client.subscribe,
    () => read(client.getState()),
    () => read(serverState),
  ) as T | AuthView;
}
