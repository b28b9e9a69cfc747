import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { AuthState, ExhClient, Session, SessionInfo } from '../core/index.js';
import { withoutSecret } from '../core/data.js';
import { loadingState } from '../core/session-store.js';
import { useExhContext } from './context.js';

export interface AuthView extends Omit<AuthState, 'session'> {
  /** The session without its token secret (`client.getSession()` has it all, for another SDK). */
  session: SessionInfo | null;
  userId: string | null;
  /** Signs out: revokes the token on the server when it can, always clears the local session. */
  logout: ExhClient['logout'];
  client: ExhClient;
}

// One SessionInfo per session, shared by every hook: its identity changes only with the session.
const infos = new WeakMap<Session, SessionInfo>();
function infoOf(session: Session): SessionInfo {
  let info = infos.get(session);
  if (!info) infos.set(session, (info = withoutSecret(session)));
  return info;
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
      const session = state.session && infoOf(state.session);
      const view: AuthView = { ...state, session, userId: session?.userId ?? null, logout: client.logout, client };
      const selected = selectRef.current ? selectRef.current(view) : view;
      last = { state, select: selectRef.current, selected: last && Object.is(last.selected, selected) ? last.selected : selected };
      return last.selected;
    };
  }, [client]);

  return useSyncExternalStore(
    client.subscribe,
    () => read(client.getState()),
    () => read(loadingState),
  ) as T | AuthView;
}
