import { InvalidMfaTokenError, type ExhError, type MfaChallengeBody } from './errors.js';
import { memoryStorage, resolveStorage, type StorageAdapter, type StorageOption } from './storage.js';
import type { AuthState, Session } from './types.js';
import { isRecord } from './data.js';

export const loadingState: AuthState = Object.freeze({ status: 'loading', session: null, mfa: null, error: null });
const signedOut: AuthState = Object.freeze({ status: 'unauthenticated', session: null, mfa: null, error: null });

const signedIn = (session: Session): AuthState => ({ status: 'authenticated', session, mfa: null, error: null });
const signedOutBecause = (error: ExhError | null): AuthState => (error ? { ...signedOut, error } : signedOut);

/** What a usable session has, stored or just granted: a corrupt or foreign value is no session. */
export function isSession(value: unknown): value is Session {
  return (
    isRecord(value) &&
    [value.tokenId, value.userId, value.token, value.tokenSecret].every((field) => typeof field === 'string' && field !== '') &&
    typeof value.applicationId === 'string' &&
    typeof value.createdAt === 'number'
  );
}

function sameSession(a: Session | null, b: Session | null): boolean {
  return a?.tokenId === b?.tokenId && a?.token === b?.token;
}

/** A corrupt or foreign value means signed out, never a crash. */
function parseSession(raw: string | null): Session | null {
  try {
    const session = raw && (JSON.parse(raw) as { session?: unknown } | null)?.session;
    return isSession(session) ? session : null;
  } catch {
    return null;
  }
}

/** The auth state machine, an external store (`getState` + `subscribe`) that `useSyncExternalStore` reads. */
export interface SessionStore {
  getState(): AuthState;
  getSession(): Session | null;
  subscribe(listener: () => void): () => void;
  setSession(session: Session): void;
  /** Ends the session locally; `error` says why when it ended on its own (revoked elsewhere). */
  clearSession(error?: ExhError | null): void;
  /** A sign-in without a form (SSO token) is under way. */
  beginSignIn(): void;
  startMfa(challenge: MfaChallengeBody): void;
  /** Leaves the MFA step: cancelled by the user (no error), expired or refused with 131. */
  endMfa(error?: ExhError | null): void;
}

/** Storage is touched only on first read, so creating a store on a server touches nothing. */
export function createSessionStore(option: StorageOption | undefined, key: string): SessionStore {
  let adapter: StorageAdapter | undefined;
  // Undefined until first read from storage (or until something sets a state first).
  let state: AuthState | undefined;
  const listeners = new Set<() => void>();
  let unsubscribeStorage: (() => void) | undefined;
  let mfaTimer: ReturnType<typeof setTimeout> | undefined;

  const storage = (): StorageAdapter => (adapter ??= resolveStorage(option));

  function stopStorageEvents(): void {
    unsubscribeStorage?.();
    unsubscribeStorage = undefined;
  }

  function fallBackToMemory(): void {
    stopStorageEvents();
    adapter = memoryStorage();
  }

  /** Every change of state goes through here; no state keeps the MFA step's timer running. */
  function set(next: AuthState): void {
    clearTimeout(mfaTimer);
    mfaTimer = undefined;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function write(session: Session | null): void {
    try {
      const result = session ? storage().set(key, JSON.stringify({ version: 1, session })) : storage().remove(key);
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      fallBackToMemory();
      write(session); // memory storage does not throw
    }
  }

  /** A session read from storage: at first use, or after another tab changed it. */
  function apply(session: Session | null): void {
    const current = state ?? loadingState;
    if (current.status !== 'loading' && sameSession(current.session, session)) return;
    if (session) set(signedIn(session));
    // A sign-out elsewhere does not cancel this tab's own MFA step.
    else if (current.status !== 'mfaRequired') set(signedOut);
  }

  /** First read: synchronous storage answers at once; asynchronous storage leaves 'loading' when it answers. */
  function hydrate(): AuthState {
    let raw: string | null | Promise<string | null>;
    try {
      raw = storage().get(key);
    } catch {
      fallBackToMemory();
      raw = null;
    }
    if (!(raw instanceof Promise)) {
      const session = parseSession(raw);
      return session ? signedIn(session) : signedOut;
    }
    // Unless something signed in meanwhile.
    const applyIfLoading = (session: Session | null) => state === loadingState && apply(session);
    raw.then(
      (value) => applyIfLoading(parseSession(value)),
      () => applyIfLoading(null),
    );
    return loadingState;
  }

  /** Another tab changed the stored session. */
  function reload(): void {
    try {
      void Promise.resolve(storage().get(key)).then((value) => apply(parseSession(value)), () => undefined);
    } catch {
      // Unreadable for now: keep the current state.
    }
  }

  const getState = (): AuthState => (state ??= hydrate());

  function endMfa(error: ExhError | null = null): void {
    if (getState().status === 'mfaRequired') set(signedOutBecause(error));
  }

  return {
    getState,
    getSession: () => getState().session,

    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) unsubscribeStorage = storage().subscribe?.(key, reload);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopStorageEvents();
      };
    },

    setSession(session) {
      write(session);
      set(signedIn(session));
    },

    clearSession(error = null) {
      write(null);
      set(signedOutBecause(error));
    },

    beginSignIn: () => set(loadingState),

    startMfa({ token, methods, tokenExpiresIn, attempts }) {
      const mfa = { token, methods, tokenExpiresIn, expiresAt: Date.now() + tokenExpiresIn, attempts: attempts ?? 0 };
      set({ status: 'mfaRequired', session: null, error: null, mfa });
      if (tokenExpiresIn > 0) {
        const expired = () => endMfa(new InvalidMfaTokenError('The verification expired: sign in again', { code: 131 }));
        mfaTimer = setTimeout(expired, tokenExpiresIn);
      }
    },

    endMfa,
  };
}
