import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { AuthState, ExhClient } from '../core/index.js';
import { loadingState } from '../core/session-store.js';
import { useExhContext } from './context.js';

/** The state (its `session` has no token secret: `client.getSession()` has it all, for another SDK). */
export interface AuthView extends AuthState {
  userId: string | null;
  /** `status === 'authenticated'`. */
  isAuthenticated: boolean;
  /** `status === 'loading'`: the stored session is being read, or an SSO token exchanged. */
  isLoading: boolean;
  /** Signs out: revokes the token on the server when it can, always clears the local session. */
  logout: ExhClient['logout'];
  client: ExhClient;
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

  const read = useMemo(() => {
    // One answer per state: an unchanged state gives the same object (no re-render), and a selector
    // returning a new object each time cannot make React loop.
    let last: { state: AuthState; select: unknown; selected: unknown } | undefined;
    return (state: AuthState) => {
      // A selector that reads props or local state is a new function when they change: select again.
      if (last?.state === state && last.select === selectRef.current) return last.selected;
      const view: AuthView = {
        ...state,
        userId: state.session?.userId ?? null,
        isAuthenticated: state.status === 'authenticated',
        isLoading: state.status === 'loading',
        logout: client.logout,
        client,
      };
      last = { state, select: selectRef.current, selected: selectRef.current ? selectRef.current(view) : view };
      return last.selected;
    };
  }, [client]);

  return useSyncExternalStore(
    client.subscribe,
    () => read(client.getState()),
    () => read(loadingState),
  ) as T | AuthView;
}
