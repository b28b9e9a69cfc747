/**
 * MFA settings of the signed-in user (PROTOCOL.md, "Account API"): presence tokens, methods, enable and
 * disable. In its own module, like account.ts, so that apps that only sign in do not ship it.
 *
 * The presence token is kept here, in memory only, one per client: every write takes it, so a custom UI
 * and the drop-in components share one password prompt. It is dropped on expiry, on a 132 and when the
 * session changes; it never reaches storage or a query cache.
 */
import { InvalidPresenceTokenError } from './account-errors.js';
import type { ExhClient } from './client.js';
import { ExhError, UserNotAuthenticatedError } from './errors.js';
import type { MfaMethod } from './errors.js';
import { fromWire } from './wire.js';

/** A presence token: proof that the user typed their password a moment ago. */
export interface PresenceToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** A method in the user's MFA settings (never with its secret or codes). */
export interface MfaSettingsMethod extends MfaMethod {
  /** A TOTP method counts once a code from it was verified; recovery codes count at once. */
  verified: boolean;
  creationTimestamp?: number;
  updateTimestamp?: number;
}

export interface UserMfaSettings {
  id: string;
  methods: MfaSettingsMethod[];
  /** Sign-in asks for a second factor. */
  enabled: boolean;
  updateTimestamp?: number;
}

/** A method as adding it answers: shown once, never listed again. */
export type NewMfaMethod =
  | (MfaSettingsMethod & { type: 'totp'; /** 40 hex characters; `otpauthUri` makes it an authenticator's key. */ secret: string })
  | (MfaSettingsMethod & { type: 'recoveryCodes'; codes: string[] });

export interface MfaApi {
  /** Asks the service for a presence token with the user's password (106, 211–213 as a sign-in) and keeps it. */
  confirmPresence(password: string): Promise<PresenceToken>;
  /** The kept presence token while it is valid, else null. */
  presence(): PresenceToken | null;
  /** Forgets the kept presence token. */
  forgetPresence(): void;
  /** Called when the kept presence token comes, goes or expires. */
  subscribePresence(listener: () => void): () => void;
  settings(): Promise<UserMfaSettings>;
  /** Needs a presence token (each write below too): without one, InvalidPresenceTokenError (132) before any request. */
  addMethod(input: { type: 'totp' | 'recoveryCodes'; name?: string; tags?: string[] }): Promise<NewMfaMethod>;
  /** Verifies a TOTP method with a current code from the authenticator (130 wrong, 134 too soon). */
  verifyMethod(methodId: string, code: string): Promise<void>;
  /** 133 when it is the last verified method while MFA is on. */
  removeMethod(methodId: string): Promise<void>;
  /** 133 without a verified method. */
  enable(): Promise<void>;
  disable(): Promise<void>;
}

/**
 * A presence token counts as expired this long before the service says: a write that starts with it
 * must still find it valid when it arrives.
 */
const PRESENCE_MARGIN_MS = 10_000;

const apis = new WeakMap<ExhClient, MfaApi>();

/** The MFA API of `client`; one per client (it keeps the presence token). */
export function mfaApi(client: ExhClient): MfaApi {
  let api = apis.get(client);
  if (!api) apis.set(client, (api = createMfaApi(client)));
  return api;
}

function createMfaApi(client: ExhClient): MfaApi {
  let kept: (PresenceToken & { tokenId: string }) | null = null;
  // What `presence()` hands out: one object per token, so React's useSyncExternalStore sees a stable snapshot.
  let view: PresenceToken | null = null;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribeSession: (() => void) | undefined;
  const listeners = new Set<() => void>();

  function notify() {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // One listener's error neither stops the others nor the write that changed the token.
        (globalThis.reportError ?? console.error)(error);
      }
    }
  }

  function keep(next: typeof kept) {
    clearTimeout(expiryTimer);
    unsubscribeSession?.();
    unsubscribeSession = undefined;
    const changed = kept !== next;
    kept = next;
    view = next && { token: next.token, expiresAt: next.expiresAt };
    if (next) {
      expiryTimer = setTimeout(() => keep(null), Math.max(0, next.expiresAt - PRESENCE_MARGIN_MS - Date.now()));
      // A token is the session's: another session (or none) must not use it.
      unsubscribeSession = client.subscribe(() => {
        if (client.getSession()?.tokenId !== next.tokenId) keep(null);
      });
    }
    if (changed) notify();
  }

  const presence = (): PresenceToken | null =>
    kept && kept.expiresAt - PRESENCE_MARGIN_MS > Date.now() && client.getSession()?.tokenId === kept.tokenId ? view : null;

  function requireUser() {
    const session = client.getSession();
    if (!session) throw new UserNotAuthenticatedError('Not signed in', { code: 104 });
    return session;
  }

  async function call<T>(method: 'get' | 'post', path: string, json?: object, readAnswer = true): Promise<T> {
    const session = requireUser();
    const response = await client.http(`auth/v2/${path.replace('{userId}', encodeURIComponent(session.userId))}`, {
      method,
      json,
      // The client's retry policy, no option of our own: a GET once more after no answer or a gateway error, a POST
      // only for a clock correction (109). (`retry: undefined` had replaced it with ky's defaults: up to two retries.)
      context: { signAs: session },
    });
    if (!readAnswer) return undefined as T;
    const text = await response.text();
    try {
      return fromWire(text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw new ExhError(`The ExH service answered ${response.status} with a body that is not JSON`, { status: response.status });
    }
  }

  /** A write with the kept presence token; a 132 drops it, so the UI asks for the password again. */
  async function withPresence<T>(path: string, body: object = {}, readAnswer = true): Promise<T> {
    const token = presence();
    if (!token) throw new InvalidPresenceTokenError('Confirm your password first (no valid presence token)', { code: 132 });
    try {
      return await call<T>('post', `mfa/users/{userId}/${path}`, { ...body, presenceToken: token.token }, readAnswer);
    } catch (error) {
      if (error instanceof InvalidPresenceTokenError && kept?.token === token.token) keep(null);
      throw error;
    }
  }

  const methodPath = (methodId: string, action: string) => `methods/${encodeURIComponent(methodId)}/${action}`;

  return {
    async confirmPresence(password) {
      const { tokenId } = requireUser();
      const answer = await call<{ token?: unknown; expiryTimestamp?: unknown; creationTimestamp?: unknown }>('post', 'confirmPresence', {
        password,
      });
      if (typeof answer?.token !== 'string' || typeof answer.expiryTimestamp !== 'number') {
        throw new ExhError('The ExH service answered a presence token without a token or expiry');
      }
      // On this device's clock: the token's lifetime from now, so a device clock ahead of the service's does not
      // see every token expired on arrival (the expiry alone when the answer has no creation time).
      const lifetime = typeof answer.creationTimestamp === 'number' ? answer.expiryTimestamp - answer.creationTimestamp : undefined;
      const token = { token: answer.token, expiresAt: lifetime === undefined ? answer.expiryTimestamp : Date.now() + lifetime };
      // Kept only for the session that asked for it.
      if (client.getSession()?.tokenId === tokenId) keep({ ...token, tokenId });
      return token;
    },
    presence,
    forgetPresence: () => keep(null),
    subscribePresence(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    settings: () => call<UserMfaSettings>('get', 'mfa/users/{userId}'),
    addMethod: (input) => withPresence<NewMfaMethod>('methods', input),
    // The service's answer to a verification is to be ignored (PROTOCOL.md): only its status counts.
    verifyMethod: async (methodId, code) => void (await withPresence(methodPath(methodId, 'verification/confirm'), { code }, false)),
    removeMethod: async (methodId) => void (await withPresence(methodPath(methodId, 'remove'))),
    enable: async () => void (await withPresence('enable')),
    disable: async () => void (await withPresence('disable')),
  };
}
