import { InvalidMfaTokenError, type ExhError, type MfaChallengeBody } from './errors';
import { memoryStorage, resolveStorage, type StorageAdapter, type StorageOption } from './storage';
import type { AuthState, Session } from './types';

export const loadingState: AuthState = Object.freeze({ status: 'loading', session: null, mfa: null, error: null });
const signedOut: AuthState = Object.freeze({ status: 'unauthenticated', session: null, mfa: null, error: null });

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.tokenId === 'string' &&
    typeof s.userId === 'string' &&
    typeof s.applicationId === 'string' &&
    typeof s.token === 'string' &&
    s.token !== '' &&
    typeof s.tokenSecret === 'string' &&
    typeof s.createdAt === 'number'
  );
}

/** A corrupt or foreign value means signed out, never a crash. */
function parseSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    const session = (value as { session?: unknown } | null)?.session;
    return isSession(session) ? session : null;
  } catch {
    return null;
  }
}

function sameSession(a: Session | null, b: Session | null): boolean {
  return a?.tokenId === b?.tokenId && a?.token === b?.token;
}

/**
 * The auth state machine, an external store (`getState` + `subscribe`) that `useSyncExternalStore` reads.
 * Storage is touched only on first read, so creating a store on a server touches nothing.
 */
export class SessionStore {
  #option: StorageOption | undefined;
  #storage: StorageAdapter | undefined;
  readonly #key: string;
  #state: AuthState = loadingState;
  #hydrated = false;
  readonly #listeners = new Set<() => void>();
  #unsubscribeStorage: (() => void) | undefined;
  #mfaTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #now: () => number;

  constructor(options: { storage?: StorageOption; key: string; now?: () => number }) {
    this.#option = options.storage;
    this.#key = options.key;
    this.#now = options.now ?? Date.now;
  }

  getState = (): AuthState => {
    if (!this.#hydrated) this.#hydrate();
    return this.#state;
  };

  getSession = (): Session | null => this.getState().session;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) {
      this.#unsubscribeStorage = this.#adapter().subscribe?.(this.#key, () => this.#reload());
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#unsubscribeStorage?.();
        this.#unsubscribeStorage = undefined;
      }
    };
  };

  setSession(session: Session): void {
    this.#clearMfaTimer();
    this.#write(session);
    this.#set({ status: 'authenticated', session, mfa: null, error: null });
  }

  /** Ends the session locally; `error` says why when it ended on its own (revoked elsewhere). */
  clearSession(error: ExhError | null = null): void {
    this.#clearMfaTimer();
    this.#write(null);
    this.#set(error ? { ...signedOut, error } : signedOut);
  }

  /** A sign-in without a form (SSO token) is under way. */
  beginSignIn(): void {
    this.#clearMfaTimer();
    this.#set(loadingState);
  }

  startMfa(challenge: MfaChallengeBody): void {
    this.#clearMfaTimer();
    const expiresAt = this.#now() + challenge.tokenExpiresIn;
    this.#set({
      status: 'mfaRequired',
      session: null,
      error: null,
      mfa: {
        token: challenge.token,
        methods: challenge.methods,
        tokenExpiresIn: challenge.tokenExpiresIn,
        expiresAt,
        attempts: challenge.attempts ?? 0,
      },
    });
    if (challenge.tokenExpiresIn > 0) {
      this.#mfaTimer = setTimeout(() => this.endMfa(expiredChallenge()), challenge.tokenExpiresIn);
    }
  }

  /** Leaves the MFA step: cancelled by the user (no error), expired or refused with 131. */
  endMfa(error: ExhError | null = null): void {
    if (this.getState().status !== 'mfaRequired') return;
    this.#clearMfaTimer();
    this.#set(error ? { ...signedOut, error } : signedOut);
  }

  #adapter(): StorageAdapter {
    this.#storage ??= resolveStorage(this.#option);
    return this.#storage;
  }

  #hydrate(): void {
    this.#hydrated = true;
    let raw: string | null | Promise<string | null>;
    try {
      raw = this.#adapter().get(this.#key);
    } catch {
      this.#fallBackToMemory();
      raw = null;
    }
    if (raw instanceof Promise) {
      // Asynchronous storage: 'loading' until it answers, unless something signed in meanwhile.
      raw.then(
        (value) => this.#state === loadingState && this.#apply(parseSession(value)),
        () => this.#state === loadingState && this.#apply(null),
      );
      return;
    }
    const session = parseSession(raw);
    this.#state = session ? { status: 'authenticated', session, mfa: null, error: null } : signedOut;
  }

  /** Another tab changed the stored session. */
  #reload(): void {
    let raw: string | null | Promise<string | null>;
    try {
      raw = this.#adapter().get(this.#key);
    } catch {
      return;
    }
    void Promise.resolve(raw).then((value) => this.#apply(parseSession(value)), () => undefined);
  }

  #apply(session: Session | null): void {
    if (this.#state.status !== 'loading' && sameSession(this.#state.session, session)) return;
    if (session) {
      this.#clearMfaTimer();
      this.#set({ status: 'authenticated', session, mfa: null, error: null });
    } else if (this.#state.status !== 'mfaRequired') {
      // A sign-out elsewhere does not cancel this tab's own MFA step.
      this.#set(signedOut);
    }
  }

  #write(session: Session | null): void {
    const adapter = this.#adapter();
    try {
      const result = session ? adapter.set(this.#key, JSON.stringify({ version: 1, session })) : adapter.remove(this.#key);
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      this.#fallBackToMemory();
      if (session) void this.#adapter().set(this.#key, JSON.stringify({ version: 1, session }));
    }
  }

  #fallBackToMemory(): void {
    this.#unsubscribeStorage?.();
    this.#unsubscribeStorage = undefined;
    this.#storage = memoryStorage();
  }

  #set(state: AuthState): void {
    this.#hydrated = true;
    this.#state = state;
    for (const listener of [...this.#listeners]) listener();
  }

  #clearMfaTimer(): void {
    clearTimeout(this.#mfaTimer);
    this.#mfaTimer = undefined;
  }
}

export function expiredChallenge(): InvalidMfaTokenError {
  return new InvalidMfaTokenError('The verification expired: sign in again', { code: 131 });
}
