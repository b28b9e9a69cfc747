import ky, { type KyInstance, type Options } from 'ky';
import {
  errorFromResponse,
  ExhError,
  InvalidMfaTokenError,
  MfaRequiredError,
  NetworkError,
  SupersededError,
  UserNotAuthenticatedError,
} from './errors.js';
import { createSessionStore, isSession } from './session-store.js';
import { forgetSigningKeys, percentEncode, signRequest } from './signer.js';
import type { StorageOption } from './storage.js';
import type { AuthState, ExhUser, OAuth1Token, PagedResult, Session, SsoToken } from './types.js';
import { isRecord, numberOr, withoutSecret } from './data.js';
import { fromWire } from './wire.js';

export interface ExhClientOptions {
  /** The cluster's API host, e.g. `https://api.dev.example.extrahorizon.io`. */
  host: string;
  consumerKey: string;
  consumerSecret: string;
  /** Where the session is kept. Default `'local'`. */
  storage?: StorageOption;
  /** Storage key. Default `exh-auth-react:<host>:<consumerKey>`. */
  storageKey?: string;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Milliseconds before a request counts as failed with a NetworkError. Default 10,000. */
  timeout?: number;
}

export interface ExhClient {
  readonly host: string;
  readonly consumerKey: string;
  // Sign-in calls: a later sign-in, cancelMfa or logout supersedes them (SupersededError, nothing changed).
  /** Password grant. Throws MfaRequiredError (and moves to `'mfaRequired'`) when the user has MFA. */
  authenticate(credentials: { email: string; password: string }): Promise<Session>;
  /** MFA grant; `token` defaults to the pending challenge's. */
  confirmMfa(input: { methodId: string; code: string; token?: string }): Promise<Session>;
  /** Leaves a pending MFA step without signing in. */
  cancelMfa(): void;
  /** SSO token grant. While signed out, the state is `'loading'` during the exchange and says why if it fails. */
  consumeSsoToken(ssoToken: string): Promise<Session>;
  /** A single-use, short-lived SSO token for signing in another application or device. */
  generateSsoToken(): Promise<SsoToken>;
  tokens: {
    /** The user's active tokens; `rql` like `limit(10,0)` (with or without the `?`). */
    find(options?: { rql?: string }): Promise<PagedResult<OAuth1Token>>;
    /** Revokes a token. Revoking the current session's token signs out. */
    remove(tokenId: string): Promise<{ affectedRecords: number }>;
  };
  /** The signed-in user (`GET /users/v1/me`). */
  me(): Promise<ExhUser>;
  /**
   * Revokes the current token when it can (`revoke`, default true) and always clears the local session;
   * `reason`, when given, becomes the state's `error` (why the session ended).
   */
  logout(options?: { revoke?: boolean; reason?: ExhError }): Promise<{ revoked: boolean }>;
  /** A ky instance on the host that signs every request with the current session. */
  http: KyInstance;
  /** The whole session, token secret included (e.g. for another SDK). `getState().session` has no secret. */
  getSession(): Session | null;
  getState(): AuthState;
  subscribe(listener: () => void): () => void;
}

const TOKENS = 'auth/v2/oauth1/tokens';

/**
 * Whose credentials sign a request, in ky's `context.signAs`: a user's session, or `null` for the
 * consumer alone. Left out (every `client.http` call of the app), the current session signs it.
 */
type SignAs = Session | null;

function toSession(body: unknown, status: number): Session {
  const grant = isRecord(body) ? body : {};
  const session = {
    tokenId: grant.id,
    userId: grant.userId,
    applicationId: String(grant.applicationId ?? ''),
    token: grant.token,
    tokenSecret: grant.tokenSecret,
    createdAt: numberOr(grant.creationTimestamp, Date.now()),
  };
  if (!isSession(session)) throw new ExhError('The ExH service answered a grant without a usable token', { status });
  return session;
}

/** Wraps fetch so that every failure without an answer is a NetworkError, timeouts included. */
function fetchWithTimeout(fetchImpl: typeof fetch, timeout: number): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted(); // aborted before it started: nothing is sent
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    request.signal.addEventListener('abort', onAbort);
    try {
      return await fetchImpl(new Request(request, { signal: controller.signal }));
    } catch (error) {
      if (request.signal.aborted && !timedOut) throw error; // the caller's own abort stays an AbortError
      throw new NetworkError(timedOut ? `The ExH service did not answer within ${timeout} ms` : undefined, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onAbort);
    }
  };
}

const readJson = (response: Response): Promise<unknown> => response.json().catch(() => undefined);

/**
 * The JSON body of a successful answer (undefined when empty), in the app's shape (see wire.ts):
 * every answer the client reads comes through here. `http` answers, which may be user-defined data, do not.
 */
async function readBody<T>(response: Response): Promise<T> {
  const text = await response.text().catch((error: unknown) => {
    throw new NetworkError('The connection was lost while the answer arrived', { cause: error });
  });
  try {
    return fromWire(text ? JSON.parse(text) : undefined) as T;
  } catch {
    throw new ExhError(`The ExH service answered ${response.status} with a body that is not JSON`, { status: response.status });
  }
}

/** Fails at once on a host that is not an absolute http(s) URL: fetch would only say "Failed to parse URL" later. */
function checkHost(host: string): string {
  if (!/^https?:\/\/[^/]/i.test(host)) {
    throw new TypeError(`exh-auth-react: host must be an absolute http(s) URL such as "https://api.dev.example.extrahorizon.io"; got ${JSON.stringify(host)}`);
  }
  return host.replace(/\/+$/, '');
}

export function createExhClient(options: ExhClientOptions): ExhClient {
  const host = checkHost(options.host);
  const { consumerKey, consumerSecret } = options;
  // A session of ours that another tab's sign-in replaced in storage (two tabs signing in at once) is revoked.
  const store = createSessionStore(options.storage, options.storageKey ?? `exh-auth-react:${host}:${consumerKey}`, (orphan) =>
    void revoke(orphan).catch(() => undefined),
  );
  // Server time minus client time, learnt from a 109 answer's Date header (clock skew).
  let clockOffset = 0;

  const base = ky.create({
    prefixUrl: host,
    fetch: fetchWithTimeout(options.fetch ?? ((...args) => globalThis.fetch(...args)), options.timeout ?? 10_000),
    timeout: false,
    // Only idempotent methods are retried (ky's default list has no POST), once, and only when no
    // answer came or a gateway failed: an ExH error code does not change by asking again.
    retry: {
      limit: 1,
      shouldRetry: ({ error }) =>
        error instanceof NetworkError || (error instanceof ExhError && error.code === undefined && error.status >= 502),
    },
    hooks: {
      beforeRequest: [
        async (request, requestOptions) => {
          const { signAs: session = store.getSession() } = requestOptions.context as { signAs?: SignAs };
          request.headers.set(
            'Authorization',
            await signRequest({
              method: request.method,
              url: request.url,
              consumerKey,
              consumerSecret,
              token: session?.token,
              tokenSecret: session?.tokenSecret,
              timestamp: Math.floor((Date.now() + clockOffset) / 1000),
            }),
          );
        },
      ],
      afterResponse: [
        async (request, _options, response, { retryCount }) => {
          if (response.ok) return;
          const body = (await readJson(response)) as { code?: unknown } | undefined;
          if (body?.code === 109 && retryCount === 0) {
            const serverTime = Date.parse(response.headers.get('Date') ?? '');
            if (Number.isFinite(serverTime) && Math.abs(serverTime - (Date.now() + clockOffset)) > 60_000) {
              clockOffset = serverTime - Date.now();
              return ky.retry({ delay: 0 }); // signed again by beforeRequest, with the corrected timestamp
            }
          }
          if (body?.code === 108) {
            // Only when the refused token is still ours: a late answer for an older session changes nothing.
            const session = store.getSession();
            if (session && request.headers.get('Authorization')?.includes(` oauth_token="${percentEncode(session.token)}"`)) {
              store.clearSession(errorFromResponse(response.status, body));
            }
          }
        },
      ],
      beforeError: [
        async ({ response }) => errorFromResponse(response.status, await readJson(response), response.headers) as never,
      ],
    },
  });

  const send = (method: 'get' | 'post' | 'delete', path: string, signAs: SignAs, extra: Options = {}) =>
    base(path, { method, context: { signAs }, ...extra });
  const json = async <T>(...args: Parameters<typeof send>) => readBody<T>(await send(...args));

  const requireSession = (): Session => {
    const session = store.getSession();
    if (!session) throw new UserNotAuthenticatedError('Not signed in', { code: 104 });
    return session;
  };
  /** A call of the signed-in user; throws UserNotAuthenticatedError when signed out, without a request. */
  const userJson = <T>(method: 'get' | 'post' | 'delete', path: string, extra?: Options) =>
    json<T>(method, path, requireSession(), extra);

  const revoke = (session: Session, tokenId = session.tokenId) =>
    // Signing it cached the key of a session that may be over (logout, a superseded grant).
    json<{ affectedRecords: number }>('delete', `${TOKENS}/${encodeURIComponent(tokenId)}`, session).finally(forgetSigningKeys);

  // Bumped by every user intent (sign-in, MFA step, SSO, cancelMfa, logout): a grant started before
  // the latest one is stale, and its late answer must not undo what the user did since.
  let intents = 0;
  function newIntent(): number {
    store.endSignIn(); // an SSO exchange overtaken leaves no 'loading' behind
    return ++intents;
  }
  /** A new sign-in: the pending MFA challenge is left too. */
  function newSignIn(): number {
    const intent = newIntent();
    store.endMfa();
    return intent;
  }

  const superseded = (cause?: unknown) => new SupersededError('Superseded by a later sign-in, cancel or logout', { cause });

  /** Signs in with a grant; `onError` moves the state on for the errors that say what comes next. */
  async function grant(intent: number, path: string, body: object, onError: (error: unknown) => void): Promise<Session> {
    let session: Session;
    try {
      const response = await send('post', path, null, { json: body });
      session = toSession(await readBody(response), response.status);
    } catch (error) {
      if (intent !== intents) throw superseded(error);
      onError(error);
      throw error;
    }
    if (intent !== intents) {
      void revoke(session).catch(() => undefined);
      throw superseded();
    }
    store.setSession(session);
    return session;
  }

  return {
    host,
    consumerKey,

    authenticate: ({ email, password }) =>
      grant(newSignIn(), TOKENS, { email, password }, (error) => {
        if (error instanceof MfaRequiredError) store.startMfa(error.mfa);
      }),

    async confirmMfa({ methodId, code, token }) {
      const challengeToken = token ?? store.getState().mfa?.token;
      if (!challengeToken) throw new InvalidMfaTokenError('There is no pending MFA challenge', { code: 131 });
      return grant(newIntent(), `${TOKENS}/mfa`, { token: challengeToken, methodId, code }, (error) => {
        if (error instanceof InvalidMfaTokenError) store.endMfa(error);
      });
    },

    cancelMfa() {
      newIntent();
      store.endMfa();
    },

    async consumeSsoToken(ssoToken) {
      const intent = newSignIn();
      // 'loading' while the token is exchanged: no sign-in form flashes for a user arriving with one.
      if (store.getState().status === 'unauthenticated') store.beginSignIn();
      return grant(intent, 'auth/v2/oauth1/ssoTokens/consume', { ssoToken }, (error) => {
        store.endSignIn(error instanceof ExhError ? error : null);
      });
    },

    generateSsoToken: async () => userJson<SsoToken>('post', 'auth/v2/oauth1/ssoTokens/generate', { json: {} }),

    tokens: {
      async find({ rql } = {}) {
        const query = rql ? `?${rql.replace(/^\?/, '')}` : '';
        const list = await userJson<PagedResult<OAuth1Token>>('get', `${TOKENS}${query}`);
        // Listed tokens never carry another device's secret into the app, whatever the service version sends.
        return { ...list, data: list.data.map(withoutSecret) };
      },
      async remove(tokenId) {
        const session = requireSession();
        const result = await revoke(session, tokenId);
        // Revoking the current session's token signs out: the session of now, which another (another tab's,
        // taken over meanwhile) may have replaced since the call began.
        if (store.getSession()?.tokenId === tokenId) store.clearSession();
        return result;
      },
    },

    me: async () => userJson<ExhUser>('get', 'users/v1/me'),

    async logout({ revoke: shouldRevoke = true, reason } = {}) {
      const session = store.getSession();
      newIntent();
      // Signed out locally first: the UI answers at once, also offline.
      store.clearSession(reason);
      if (!session || !shouldRevoke) return { revoked: false };
      return { revoked: await revoke(session).then(() => true, () => false) };
    },

    http: base,
    getSession: store.getSession,
    getState: store.getState,
    subscribe: store.subscribe,
  };
}
