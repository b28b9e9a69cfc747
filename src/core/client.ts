import ky, { type KyInstance, type Options } from 'ky';
import { errorFromResponse, ExhError, InvalidMfaTokenError, MfaRequiredError, NetworkError, UserNotAuthenticatedError } from './errors';
import { parseAuthorizationHeader, signRequest } from './signer';
import { SessionStore } from './session-store';
import type { StorageOption } from './storage';
import type { AuthState, ExhUser, OAuth1Token, PagedResult, Session, SsoToken } from './types';

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
  /** Revokes the current token when it can (`revoke`, default true) and always clears the local session. */
  logout(options?: { revoke?: boolean }): Promise<{ revoked: boolean }>;
  /** A ky instance on the host that signs every request with the current session. */
  http: KyInstance;
  getSession(): Session | null;
  getState(): AuthState;
  subscribe(listener: () => void): () => void;
}

/** Which credentials sign a request: the consumer only, or a user's session (default: the current one). */
type Credentials = { kind: 'consumer' } | { kind: 'session'; session?: Session };

const TOKENS = 'auth/v2/oauth1/tokens';

function toSession(body: unknown, status: number): Session {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (![b.id, b.userId, b.token, b.tokenSecret].every((v) => typeof v === 'string' && v !== '')) {
    throw new ExhError('The ExH service answered a grant without a usable token', { status });
  }
  return {
    tokenId: b.id as string,
    userId: b.userId as string,
    applicationId: String(b.applicationId ?? ''),
    token: b.token as string,
    tokenSecret: b.tokenSecret as string,
    createdAt: typeof b.creationTimestamp === 'number' ? b.creationTimestamp : Date.now(),
  };
}

/** Listed tokens never carry another device's secret into the app, whatever the service version sends. */
function withoutSecret({ tokenSecret: _secret, ...token }: OAuth1Token & { tokenSecret?: unknown }): OAuth1Token {
  return token;
}

/** Wraps fetch so that every failure without an answer is a NetworkError, timeouts included. */
function fetchWithTimeout(fetchImpl: typeof fetch, timeout: number): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
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

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export function createExhClient(options: ExhClientOptions): ExhClient {
  const host = options.host.replace(/\/+$/, '');
  const { consumerKey, consumerSecret } = options;
  const store = new SessionStore({
    storage: options.storage,
    key: options.storageKey ?? `exh-auth-react:${host}:${consumerKey}`,
  });
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
          const credentials = (requestOptions.context.credentials as Credentials | undefined) ?? { kind: 'session' };
          const session = credentials.kind === 'session' ? (credentials.session ?? store.getSession()) : null;
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
            const token = parseAuthorizationHeader(request.headers.get('Authorization'))?.oauth_token;
            if (token && token === store.getSession()?.token) {
              store.clearSession(errorFromResponse(response.status, body));
            }
          }
        },
      ],
      beforeError: [
        async (error) => errorFromResponse(error.response.status, await readJson(error.response)) as never,
      ],
    },
  });

  async function call<T>(method: 'get' | 'post' | 'delete', path: string, credentials: Credentials, extra: Options = {}) {
    const response = await base(path, { method, context: { credentials }, ...extra });
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new NetworkError('The connection was lost while the answer arrived', { cause: error });
    }
    try {
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    } catch {
      throw new ExhError(`The ExH service answered ${response.status} with a body that is not JSON`, { status: response.status });
    }
  }
  const json = async <T>(...args: Parameters<typeof call>) => (await call<T>(...args)).body;

  // Bumped by logout: a grant that lands after it must not sign the user back in.
  let signOuts = 0;

  async function grant(path: string, body: object): Promise<Session> {
    const started = signOuts;
    const answer = await call('post', path, { kind: 'consumer' }, { json: body });
    const session = toSession(answer.body, answer.status);
    if (started !== signOuts) {
      void revoke(session).catch(() => undefined);
      throw new ExhError('Signed out while signing in');
    }
    store.setSession(session);
    return session;
  }

  const revoke = (session: Session) =>
    json<{ affectedRecords: number }>('delete', `${TOKENS}/${encodeURIComponent(session.tokenId)}`, { kind: 'session', session });

  const requireSession = (): Session => {
    const session = store.getSession();
    if (!session) throw new UserNotAuthenticatedError('Not signed in', { code: 104 });
    return session;
  };

  const client: ExhClient = {
    host,
    consumerKey,

    async authenticate({ email, password }) {
      try {
        return await grant(TOKENS, { email, password });
      } catch (error) {
        if (error instanceof MfaRequiredError) store.startMfa(error.mfa);
        throw error;
      }
    },

    async confirmMfa({ methodId, code, token }) {
      const challengeToken = token ?? store.getState().mfa?.token;
      if (!challengeToken) throw new InvalidMfaTokenError('There is no pending MFA challenge', { code: 131 });
      try {
        return await grant(`${TOKENS}/mfa`, { token: challengeToken, methodId, code });
      } catch (error) {
        if (error instanceof InvalidMfaTokenError) store.endMfa(error);
        throw error;
      }
    },

    cancelMfa: () => store.endMfa(),

    async consumeSsoToken(ssoToken) {
      const signedOut = store.getState().status === 'unauthenticated';
      // 'loading' while the token is exchanged: no sign-in form flashes for a user arriving with one.
      if (signedOut) store.beginSignIn();
      try {
        return await grant('auth/v2/oauth1/ssoTokens/consume', { ssoToken });
      } catch (error) {
        if (signedOut) store.clearSession(error instanceof ExhError ? error : null);
        throw error;
      }
    },

    generateSsoToken: async () =>
      json<SsoToken>('post', 'auth/v2/oauth1/ssoTokens/generate', { kind: 'session', session: requireSession() }, {
        json: {},
      }),

    tokens: {
      async find({ rql } = {}) {
        const query = rql ? `?${rql.replace(/^\?/, '')}` : '';
        const list = await json<PagedResult<OAuth1Token>>('get', `${TOKENS}${query}`, { kind: 'session', session: requireSession() });
        return { ...list, data: list.data.map(withoutSecret) };
      },
      async remove(tokenId) {
        const session = requireSession();
        const result = await json<{ affectedRecords: number }>('delete', `${TOKENS}/${encodeURIComponent(tokenId)}`, {
          kind: 'session',
          session,
        });
        if (tokenId === session.tokenId && store.getSession()?.tokenId === tokenId) store.clearSession();
        return result;
      },
    },

    me: async () => json('get', 'users/v1/me', { kind: 'session', session: requireSession() }),

    async logout({ revoke: shouldRevoke = true } = {}) {
      const session = store.getSession();
      signOuts++;
      // Signed out locally first: the UI answers at once, also offline.
      store.clearSession();
      if (!session || !shouldRevoke) return { revoked: false };
      try {
        await revoke(session);
        return { revoked: true };
      } catch {
        return { revoked: false };
      }
    },

    http: base,
    getSession: store.getSession,
    getState: store.getState,
    subscribe: store.subscribe,
  };
  return client;
}

