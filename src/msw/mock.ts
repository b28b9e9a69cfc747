/** A mock of the ExH auth service as MSW 2 handlers: OAuth1 verification, grants, tokens, SSO and the current user. */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { MfaChallengeBody } from '../core/errors.js';
import { accountErrors, accountHandlers, userBody, type AccountKit, type AccountOptions } from './account.js';
import { parseAuthorizationHeader } from './authorization.js';
import {
  demoUsers,
  MockState,
  randomHex,
  randomId,
  stableId,
  type MockDb,
  type MockResponse,
  type MockSsoToken,
  type MockToken,
  type MockUser,
  type MockUserSeed,
  type TokenBody,
} from './db.js';
import { mfaErrors, mfaService, type MockMfaOptions } from './mfa.js';
import { hasValidSignature } from './oauth1.js';
import { loginRefusal, recordLoginFailure } from './throttling.js';

export interface MockExhOptions extends AccountOptions, MockMfaOptions {
  /** e.g. `https://api.exh.test`; the handlers answer `${host}/auth/v2/…` and `${host}/users/v1/me`. */
  host: string;
  consumerKey: string;
  consumerSecret: string;
  /** Default: demoUsers. */
  users?: readonly MockUserSeed[];
  /** Epoch ms; every time-based rule reads this clock. Default Date.now. */
  now?: () => number;
  /** Login throttling (password grant and presence tokens) and the MFA back-off. Default true. */
  throttle?: boolean;
  /** Milliseconds to wait before each answer, for demos. Default 0. */
  latency?: number;
  /** Behave like older service versions, which list tokens with their `tokenSecret`. Default false. */
  listTokenSecrets?: boolean;
  /**
   * Send each answer's `Date` header. Default true; false answers as a cross-origin service looks to a
   * browser when it does not list `Date` in `Access-Control-Expose-Headers`.
   */
  dateHeader?: boolean;
}

export interface MockExh {
  handlers: HttpHandler[];
  db: MockDb;
}

const TIMESTAMP_WINDOW_MS = 300_000;
const MFA_TOKEN_TTL_MS = 15 * 60_000;
const SSO_TOKEN_TTL_MS = 5 * 60_000;

const errorsByCode: Record<number, { name: string; status: number; message: string }> = {
  14: { name: 'MISSING_REQUIRED_FIELDS_EXCEPTION', status: 400, message: 'A required field is missing' },
  16: { name: 'RESOURCE_UNKNOWN_EXCEPTION', status: 404, message: 'The requested resource is unknown' },
  22: { name: 'BODY_FORMAT_EXCEPTION', status: 400, message: 'The body is not valid JSON' },
  101: { name: 'APPLICATION_NOT_AUTHENTICATED_EXCEPTION', status: 401, message: 'No usable OAuth header' },
  104: { name: 'USER_NOT_AUTHENTICATED_EXCEPTION', status: 401, message: 'This call needs a user token' },
  106: { name: 'AUTHENTICATION_EXCEPTION', status: 401, message: 'Wrong email/password combination' },
  107: { name: 'OAUTH_KEY_EXCEPTION', status: 401, message: 'Unknown consumer key' },
  108: { name: 'OAUTH_TOKEN_EXCEPTION', status: 401, message: 'Unknown or revoked token' },
  109: { name: 'OAUTH_SIGNATURE_EXCEPTION', status: 401, message: 'The signature does not match' },
  110: { name: 'DUPLICATE_REQUEST_EXCEPTION', status: 401, message: 'The nonce was used already' },
  129: { name: 'MFA_REQUIRED_EXCEPTION', status: 403, message: 'MFA is required for this user' },
  130: { name: 'INVALID_MFA_CODE_EXCEPTION', status: 400, message: 'The MFA code is not valid' },
  131: { name: 'INVALID_MFA_TOKEN_EXCEPTION', status: 400, message: 'The MFA token is unknown or expired' },
  134: { name: 'MFA_REATTEMPT_DELAY_EXCEPTION', status: 400, message: 'Wait before the next MFA attempt' },
  211: { name: 'LOGIN_TIMEOUT_EXCEPTION', status: 401, message: 'Wait a second before the next login attempt' },
  212: { name: 'LOGIN_FREEZE_EXCEPTION', status: 401, message: 'Too many failed logins: wait 60 seconds' },
  213: { name: 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION', status: 401, message: 'Too many failed logins: blocked' },
  ...accountErrors,
  ...mfaErrors,
};

/** Thrown anywhere in a handler to answer with the service's error `code` (plus documented extras). */
class ExhAnswer extends Error {
  constructor(
    readonly code: number,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`ExH error ${code}`);
  }
}

/** `signed`: a consumer signature at least; `none`: also without an Authorization header. */
type RouteAuth = 'signed' | 'none';

interface RequestContext {
  request: Request;
  url: URL;
  params: Record<string, string | readonly string[] | undefined>;
  /** The user token that signed the request, verified; undefined on consumer-signed calls. */
  token: MockToken | undefined;
}

function userToken({ token }: RequestContext): MockToken {
  if (!token) throw new ExhAnswer(104);
  return token;
}

/** The JSON body's fields; 22 when it is not a JSON object, 14 when a field is missing or empty. */
async function readFields<Name extends string>(request: Request, names: Name[]): Promise<Record<Name, string>> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new ExhAnswer(22);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ExhAnswer(22);
  const record = body as Record<string, unknown>;
  const fields = {} as Record<Name, string>;
  for (const name of names) {
    const value = record[name];
    if (value === undefined || value === null || value === '') throw new ExhAnswer(14);
    fields[name] = String(value);
  }
  return fields;
}

/** `limit(n[,offset])` from an RQL query; other RQL operators are ignored. */
function rqlPage(search: string): { limit: number; offset: number } {
  let query = search;
  try {
    query = decodeURIComponent(search);
  } catch {
    // Not percent-encoded after all: read it as it is.
  }
  const match = /(?:^|[?&,(])limit\((\d+)(?:,(\d+))?\)/.exec(query);
  return { limit: match ? Number(match[1]) : 20, offset: match?.[2] ? Number(match[2]) : 0 };
}

function render(reply: MockResponse, date: string | undefined): Response {
  if (reply.status === 0) return HttpResponse.error();
  const init = { status: reply.status, headers: { ...(date && { Date: date }), ...reply.headers } };
  if (reply.body === undefined) return new HttpResponse(null, init);
  if (typeof reply.body === 'string') return new HttpResponse(reply.body, init);
  return HttpResponse.json(reply.body, init);
}

// The services' formats, written out by hand: the mock must not share the client's conversion, which it checks.
const iso = (ms: number) => new Date(ms).toISOString();

/** A grant's answer (auth service: camelCase, ISO-8601 times). */
function tokenAnswer({ id, applicationId, userId, token, tokenSecret, creationTimestamp, updateTimestamp }: TokenBody) {
  return { id, applicationId, userId, token, tokenSecret, creationTimestamp: iso(creationTimestamp), updateTimestamp: iso(updateTimestamp) };
}

function errorCode(body: unknown): number | undefined {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

export function createMockExh(options: MockExhOptions): MockExh {
  const { consumerKey, consumerSecret, throttle = true, latency = 0, listTokenSecrets = false, dateHeader = true } = options;
  const host = options.host.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const state = new MockState(options.users ?? demoUsers, stableId(consumerKey), now);

  /** Checks the OAuth1 header in the service's order: 101, 107, 108, 109, 110. Returns the user token, if any. */
  async function authenticate(request: Request): Promise<MockToken | undefined> {
    const header = parseAuthorizationHeader(request.headers.get('authorization'));
    if (!header) throw new ExhAnswer(101);
    const { oauth_signature: signature, ...params } = header;
    const { oauth_consumer_key: key, oauth_nonce: nonce, oauth_timestamp: timestamp, oauth_token: tokenValue } = params;
    if (!signature || !key || !nonce || !/^\d+$/.test(timestamp ?? '') || params.oauth_signature_method !== 'HMAC-SHA1') {
      throw new ExhAnswer(101);
    }
    if (key !== consumerKey) throw new ExhAnswer(107);
    const token = tokenValue ? state.tokenByValue(tokenValue) : undefined;
    if (tokenValue && !token) throw new ExhAnswer(108);
    const timestampMs = Number(timestamp) * 1000;
    if (Math.abs(timestampMs - now()) > TIMESTAMP_WINDOW_MS) throw new ExhAnswer(109);
    // Verified by the mock's own code (./oauth1.ts), never by the package's signer.
    if (!(await hasValidSignature(request, header, consumerSecret, token?.tokenSecret ?? ''))) throw new ExhAnswer(109);
    // Recorded only now, so a forged request cannot burn a genuine client's nonce.
    if (!state.useNonce(nonce, timestampMs + TIMESTAMP_WINDOW_MS)) throw new ExhAnswer(110);
    if (token) token.lastUsedTimestamp = now();
    return token;
  }

  async function answer(
    context: Omit<RequestContext, 'token'>,
    handle: (c: RequestContext) => unknown,
    auth: RouteAuth,
  ): Promise<MockResponse> {
    const canned = state.takeCannedResponse(context.request.method, context.url.pathname);
    if (canned) return canned;
    try {
      // "none" calls need no Authorization header, but one that is sent is verified.
      const unsigned = auth === 'none' && !context.request.headers.has('authorization');
      const token = unsigned ? undefined : await authenticate(context.request);
      return { status: 200, body: await handle({ ...context, token }) };
    } catch (error) {
      if (!(error instanceof ExhAnswer)) throw error;
      const { name, status, message } = errorsByCode[error.code]!;
      return { status, body: { code: error.code, name, message, ...error.extra } };
    }
  }

  function route(
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    handle: (c: RequestContext) => unknown,
    { auth = 'signed' }: { auth?: RouteAuth } = {},
  ): HttpHandler {
    return http[method](`${host}${path}`, async ({ request, params }) => {
      if (latency > 0) await delay(latency);
      const url = new URL(request.url);
      const reply = await answer({ request, url, params }, handle, auth);
      const code = errorCode(reply.body);
      state.requests.push({ method: request.method, path: url.pathname, status: reply.status, ...(code !== undefined && { code }) });
      return render(reply, dateHeader ? new Date(now()).toUTCString() : undefined);
    });
  }

  /** The password, after the user's login throttling (211/212/213); a wrong one counts (106), a right one resets the count. */
  function checkPassword(user: MockUser, password: string): void {
    const refusal = throttle ? loginRefusal(state.loginThrottleOf(user.id), now()) : undefined;
    if (refusal) throw new ExhAnswer(refusal);
    if (user.password !== password) {
      const code = recordLoginFailure(state.loginThrottleOf(user.id), now());
      throw new ExhAnswer(throttle ? code : 106);
    }
    state.loginThrottles.delete(user.id);
  }

  const kit: AccountKit = { route, fail: (code, extra) => { throw new ExhAnswer(code, extra); }, state, now };
  const mfa = mfaService({ ...kit, throttle, checkPassword }, options);

  function startMfa(user: MockUser): MfaChallengeBody {
    const token = randomHex(40);
    state.mfaChallenges.set(token, { token, userId: user.id, expiresAt: now() + MFA_TOKEN_TTL_MS });
    return {
      token,
      tokenExpiresIn: MFA_TOKEN_TTL_MS,
      attempts: state.mfaBackoffOf(user.id).failures,
      methods: mfa.challengeMethods(user),
    };
  }

  const handlers = [
    route('post', '/auth/v2/oauth1/tokens', async ({ request }) => {
      const { email, password } = await readFields(request, ['email', 'password']);
      const user = state.userByEmail(email);
      if (!user) throw new ExhAnswer(106);
      checkPassword(user, password);
      if (user.mfa.enabled) throw new ExhAnswer(129, { mfa: startMfa(user) });
      return tokenAnswer(state.issueToken(user.id));
    }),

    route('post', '/auth/v2/oauth1/tokens/mfa', async ({ request }) => {
      const { token, methodId, code } = await readFields(request, ['token', 'methodId', 'code']);
      const challenge = state.mfaChallenges.get(token);
      if (!challenge || challenge.expiresAt <= now()) {
        state.mfaChallenges.delete(token);
        throw new ExhAnswer(131);
      }
      const user = state.userById(challenge.userId);
      if (!user) throw new ExhAnswer(131);
      // Only what the challenge offers: a method still being set up is not one.
      const method = user.mfa.methods.find((m) => m.id === methodId && m.verified);
      if (!method) throw new ExhAnswer(16);
      await mfa.checkCode(user, method, code);
      state.mfaChallenges.delete(token);
      return tokenAnswer(state.issueToken(user.id));
    }),

    route('post', '/auth/v2/oauth1/ssoTokens/generate', (context) => {
      const { userId, applicationId } = userToken(context);
      const created = now();
      const sso: MockSsoToken = {
        id: randomId(),
        ssoToken: randomHex(40),
        userId,
        createdByApplicationId: applicationId,
        expiryTimestamp: created + SSO_TOKEN_TTL_MS,
        creationTimestamp: created,
        updateTimestamp: created,
      };
      state.ssoTokens.set(sso.ssoToken, sso);
      return { ...sso, expiryTimestamp: iso(sso.expiryTimestamp), creationTimestamp: iso(created), updateTimestamp: iso(created) };
    }),

    route('post', '/auth/v2/oauth1/ssoTokens/consume', async ({ request }) => {
      const { ssoToken } = await readFields(request, ['ssoToken']);
      const sso = state.ssoTokens.get(ssoToken);
      // Single use: gone once read, whether it was still valid or not.
      state.ssoTokens.delete(ssoToken);
      if (!sso || sso.expiryTimestamp <= now()) throw new ExhAnswer(16);
      return tokenAnswer(state.issueToken(sso.userId));
    }),

    route('get', '/auth/v2/oauth1/tokens', (context) => {
      const { userId } = userToken(context);
      const { limit, offset } = rqlPage(context.url.search);
      const active = [...state.tokens.values()].filter((t) => t.userId === userId);
      // Listed without tokenSecret, as newer service versions do (older ones, `listTokenSecrets`, with it).
      const data = active
        .slice(offset, offset + limit)
        .map(({ id, applicationId, token, tokenSecret, lastUsedTimestamp, creationTimestamp }) => ({
          id, userId, applicationId, token, lastUsedTimestamp: iso(lastUsedTimestamp), creationTimestamp: iso(creationTimestamp),
          ...(listTokenSecrets ? { tokenSecret } : {}),
        }));
      return { data, page: { total: active.length, offset, limit } };
    }),

    route('delete', '/auth/v2/oauth1/tokens/:tokenId', (context) => {
      const { userId } = userToken(context);
      const target = state.tokens.get(String(context.params.tokenId));
      if (!target || target.userId !== userId) throw new ExhAnswer(16);
      state.revokeToken(target.id);
      return { affectedRecords: 1 };
    }),

    route('get', '/users/v1/me', (context) => {
      const user = state.userById(userToken(context).userId);
      if (!user) throw new ExhAnswer(16);
      return userBody(user);
    }),

    ...mfa.handlers,
    ...accountHandlers(kit, options),
  ];

  return { handlers, db: state };
}
