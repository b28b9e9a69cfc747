import { InvalidMfaTokenError, type ExhError, type MfaChallengeBody } from './errors.js';
import { memoryStorage, resolveStorage, type StorageAdapter, type StorageOption } from './storage.js';
import type { AuthState, Session, SessionInfo } from './types.js';
import { isRecord, withoutSecret } from './data.js';
import { forgetSigningKeys } from './signer.js';

export const loadingState: AuthState = Object.freeze({ status: 'loading', session: null, mfa: null, error: null });
/** This tab's own sign-in without a form (SSO token): unlike the first read's 'loading', news from storage keeps it. */
const signingIn: AuthState = Object.freeze({ ...loadingState });
const signedOut: AuthState = Object.freeze({ status: 'unauthenticated', session: null, mfa: null, error: null });
/** Signed out because another tab's storage says so: what the provider's `onSignedOut` tells apart from this tab's own. */
export const signedOutElsewhere: AuthState = Object.freeze({ ...signedOut });

// The state is public (useAuth hands it to every component): its session has no secret.
const signedIn = (session: Session): AuthState => ({ status: 'authenticated', session: withoutSecret(session), mfa: null, error: null });
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

function sameSession(a: SessionInfo | null, b: SessionInfo | null): boolean {
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

/** Calls the app's `listener`, if any: one that throws is the app's bug, reported without failing the change or skipping the others. */
export function callSafely<Value>(listener: ((value: Value) => void) | undefined, value?: Value): void {
  try {
    listener?.(value as Value);
  } catch (error) {
    (globalThis.reportError ?? console.error)(error);
  }
}

/** The auth state machine, an external store (`getState` + `subscribe`) that `useSyncExternalStore` reads. */
export interface SessionStore {
  getState(): AuthState;
  /** The current session with its secret (the state's has none). */
  getSession(): Session | null;
  subscribe(listener: () => void): () => void;
  setSession(session: Session): void;
  /** Ends the session locally; `error` says why when it ended on its own (revoked elsewhere). */
  clearSession(error?: ExhError | null): void;
  /** A sign-in without a form (SSO token) is under way. */
  beginSignIn(): void;
  /** That sign-in ended without a session (`error` says why), unless the state moved on meanwhile. */
  endSignIn(error?: ExhError | null): void;
  startMfa(challenge: MfaChallengeBody): void;
  /** Leaves the MFA step: cancelled by the user (no error), expired or refused with 131. */
  endMfa(error?: ExhError | null): void;
}

/**
 * Storage is touched only on first read, so creating a store on a server touches nothing.
 * `onOrphaned` gets a session this store was granted and then lost to another tab's newer one: no
 * tab holds it any more, so only this store can revoke it.
 */
export function createSessionStore(
  option: StorageOption | undefined,
  key: string,
  onOrphaned: (session: Session) => void,
): SessionStore {
  let adapter: StorageAdapter | undefined;
  // Undefined until first read from storage (or until something sets a state first).
  let state: AuthState | undefined;
  // The state's session with its secret.
  let session: Session | null = null;
  // Whether `session` was granted here (setSession) rather than read from storage.
  let granted = false;
  // Bumped by each write of this store: a storage read that started before one is stale.
  let writes = 0;
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
  function set(next: AuthState, nextSession: Session | null = null): void {
    clearTimeout(mfaTimer);
    mfaTimer = undefined;
    // No token secret outlives its session in the signer's key cache.
    if (!sameSession(session, nextSession)) forgetSigningKeys();
    state = next;
    session = nextSession;
    granted = false;
    for (const listener of [...listeners]) callSafely(listener);
  }

  function write(stored: Session): void {
    writes++;
    try {
      const result = storage().set(key, JSON.stringify({ version: 1, session: stored }));
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      fallBackToMemory();
      write(stored); // memory storage does not throw
    }
  }

  /** Removes the stored session only while it is `cleared`: another tab may have stored a newer one. */
  function removeIfStill(cleared: Session): void {
    writes++;
    const removeIf = (raw: string | null) => (sameSession(parseSession(raw), cleared) ? storage().remove(key) : undefined);
    try {
      const raw = storage().get(key);
      const result = raw instanceof Promise ? raw.then(removeIf) : removeIf(raw);
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      fallBackToMemory(); // a new memory storage holds nothing to remove
    }
  }

  /** A session read from storage: at first use, or after another tab changed it. */
  function apply(stored: Session | null): void {
    if (state !== loadingState && sameSession(session, stored)) return;
    if (stored) {
      const orphan = granted ? session : null;
      set(signedIn(stored), stored);
      if (orphan) onOrphaned(orphan);
    }
    // Signed out elsewhere. This tab's own MFA step or SSO sign-in holds no session either, so the
    // check above already keeps them: only a session (or the first 'loading') gets here.
    else set(signedOutElsewhere);
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
      session = parseSession(raw);
      return session ? signedIn(session) : signedOut;
    }
    // Unless something signed in meanwhile.
    const applyIfLoading = (stored: Session | null) => state === loadingState && apply(stored);
    raw.then(
      (value) => applyIfLoading(parseSession(value)),
      () => applyIfLoading(null),
    );
    return loadingState;
  }

  /** Another tab changed the stored session (or may have, while nobody listened). */
  function reload(): void {
    try {
      const raw = storage().get(key);
      const started = writes;
      // A read overtaken by this store's own write would put an older session back.
      if (raw instanceof Promise) raw.then((value) => started === writes && apply(parseSession(value)), () => undefined);
      else apply(parseSession(raw));
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
    getSession: () => (getState(), session),

    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        unsubscribeStorage = storage().subscribe?.(key, reload);
        // Without listeners this store heard nothing: another tab may have signed in or out meanwhile.
        if (state) reload();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopStorageEvents();
      };
    },

    setSession(next) {
      write(next);
      set(signedIn(next), next);
      granted = true;
    },

    clearSession(error = null) {
      if (session) removeIfStill(session);
      set(signedOutBecause(error));
    },

    beginSignIn: () => set(signingIn),

    endSignIn(error = null) {
      if (state === signingIn) set(signedOutBecause(error));
    },

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
