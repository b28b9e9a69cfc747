import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signRequest } from '../src/core/signer';
import { createMockExh, demoUsers, totp, type MockExhOptions } from '../src/msw';

const host = 'https://api.exh.test';
const consumerKey = 'msw-test-key';
const consumerSecret = 'msw-test-secret';
const demo = { email: 'demo@example.com', password: 'demo-password' };
const mfaUser = { email: 'mfa@example.com', password: 'demo-password' };
const totpSecret = demoUsers.find((u) => u.mfa)!.mfa!.totpSecret;
const start = Date.UTC(2024, 0, 1, 12);

let clock = start;
const advance = (ms: number) => (clock += ms);
function makeMock(options: Partial<MockExhOptions> = {}) {
  return createMockExh({ host, consumerKey, consumerSecret, now: () => clock, ...options });
}
const mock = makeMock();
const server = setupServer(...mock.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  server.resetHandlers();
  clock = start;
  mock.db.reset();
});
afterAll(() => server.close());

interface Credentials {
  token: string;
  tokenSecret: string;
}

interface CallOptions {
  body?: unknown;
  token?: Credentials;
  key?: string;
  secret?: string;
  nonce?: string;
  timestamp?: number;
  authorization?: string | null;
}

/** A signed fetch, the way a client makes it; answers status and parsed body. */
async function call(method: string, path: string, options: CallOptions = {}) {
  const url = `${host}${path}`;
  const authorization =
    options.authorization !== undefined
      ? options.authorization
      : await signRequest({
          method,
          url,
          consumerKey: options.key ?? consumerKey,
          consumerSecret: options.secret ?? consumerSecret,
          token: options.token?.token,
          tokenSecret: options.token?.tokenSecret,
          nonce: options.nonce,
          timestamp: options.timestamp ?? Math.floor(clock / 1000),
        });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  const body = options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  // Answers are read loosely on purpose: the assertions are what check their shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json, headers: response.headers };
}

const login = (credentials: { email: string; password: string }) =>
  call('POST', '/auth/v2/oauth1/tokens', { body: credentials });

async function signIn(): Promise<Credentials & { id: string; userId: string; applicationId: string }> {
  const { status, body } = await login(demo);
  expect(status).toBe(200);
  return body;
}

async function mfaChallenge() {
  const { status, body } = await login(mfaUser);
  expect(status).toBe(403);
  const methodOf = (type: string) => body.mfa.methods.find((m: { type: string }) => m.type === type).id as string;
  return { token: body.mfa.token as string, totpId: methodOf('totp'), recoveryId: methodOf('recoveryCodes') };
}

describe('totp', () => {
  it('matches the RFC 6238 SHA-1 vector', async () => {
    expect(await totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
  });
});

describe('request signing', () => {
  it('answers 101 without a usable OAuth header', async () => {
    expect((await call('GET', '/users/v1/me', { authorization: null })).body.code).toBe(101);
    expect((await call('GET', '/users/v1/me', { authorization: 'Bearer abc' })).body.code).toBe(101);
  });

  it('answers 107 for an unknown consumer key', async () => {
    expect((await call('POST', '/auth/v2/oauth1/tokens', { body: demo, key: 'other' })).body).toMatchObject({
      code: 107,
      name: 'OAUTH_KEY_EXCEPTION',
    });
  });

  it('answers 108 for an unknown token', async () => {
    const { body } = await call('GET', '/users/v1/me', { token: { token: 'nope', tokenSecret: 'x' } });
    expect(body).toMatchObject({ code: 108, name: 'OAUTH_TOKEN_EXCEPTION' });
  });

  it('answers 109 for a wrong signature or a timestamp out of the window', async () => {
    const session = await signIn();
    const wrongSecret = await call('GET', '/users/v1/me', { token: { ...session, tokenSecret: 'wrong' } });
    expect(wrongSecret).toMatchObject({ status: 401, body: { code: 109 } });
    const old = await call('GET', '/users/v1/me', { token: session, timestamp: Math.floor(clock / 1000) - 301 });
    expect(old.body.code).toBe(109);
    const wrongConsumerSecret = await call('POST', '/auth/v2/oauth1/tokens', { body: demo, secret: 'wrong' });
    expect(wrongConsumerSecret.body.code).toBe(109);
  });

  it('answers 110 for a reused nonce, but a forged request does not burn it', async () => {
    const session = await signIn();
    const forged = await call('GET', '/users/v1/me', { token: { ...session, tokenSecret: 'forged' }, nonce: 'n-1' });
    expect(forged.body.code).toBe(109);
    expect((await call('GET', '/users/v1/me', { token: session, nonce: 'n-1' })).status).toBe(200);
    expect((await call('GET', '/users/v1/me', { token: session, nonce: 'n-1' })).body.code).toBe(110);
  });

  it('verifies queries with qs array names and unicode values', async () => {
    const session = await signIn();
    const { status, body } = await call('GET', '/users/v1/me?x=é&a[]=1&a[]=2&b=a+b%20c', { token: session });
    expect(status).toBe(200);
    expect(body).toMatchObject({ email: demo.email, first_name: 'Demo', last_name: 'User', id: session.userId });
  });

  it('answers 104 for a user call signed by the consumer only, and sends a Date header from the clock', async () => {
    const { body, headers } = await call('GET', '/users/v1/me');
    expect(body.code).toBe(104);
    expect(headers.get('date')).toBe(new Date(start).toUTCString());
  });

  it('leaves the Date header out with dateHeader: false, as a browser hides it cross-origin', async () => {
    server.use(...makeMock({ dateHeader: false }).handlers);
    const { body, headers } = await call('GET', '/users/v1/me');
    expect(body.code).toBe(104);
    expect(headers.get('date')).toBeNull();
  });
});

describe('current user', () => {
  it('answers the way the users service does: snake_case keys at every depth, epoch-ms times', async () => {
    const { status, body } = await call('GET', '/users/v1/me', { token: await signIn() });
    expect(status).toBe(200);
    expect(body).toEqual({
      id: '64b7f0c2a1d3e4f5a6b7c8d1',
      first_name: 'Demo',
      last_name: 'User',
      email: 'demo@example.com',
      phone_number: '+32470123456',
      language: 'EN',
      time_zone: 'Europe/Brussels',
      activation: true,
      roles: [
        {
          id: '64b7f0c2a1d3e4f5a6b7c9b1',
          name: 'Support',
          description: 'Helps users with their accounts',
          permissions: [
            { name: 'VIEW_USER', description: 'See any user' },
            { name: 'UPDATE_USER', description: 'Change any user' },
          ],
        },
      ],
      staff_enlistments: [
        {
          group_id: '64b7f0c2a1d3e4f5a6b7c9a1',
          roles: [
            {
              id: '64b7f0c2a1d3e4f5a6b7c9c1',
              group_id: '64b7f0c2a1d3e4f5a6b7c9a1',
              name: 'Nurse',
              description: 'Cares for the patients of the clinic',
              permissions: ['VIEW_PATIENTS', 'VIEW_DOCUMENTS'],
            },
          ],
        },
      ],
      patient_enlistments: [
        {
          group_id: '64b7f0c2a1d3e4f5a6b7c9a2',
          expiry_timestamp: Date.UTC(2030, 0, 1),
          expired: false,
          creation_timestamp: Date.UTC(2024, 0, 1),
        },
      ],
      creation_timestamp: start,
      update_timestamp: start,
    });
  });

  it('fills in a plausible user for a seed with only an e-mail and a password', async () => {
    mock.db.addUser({ email: 'new@example.com', password: 'pw' });
    const { body } = await call('GET', '/users/v1/me', { token: (await login({ email: 'new@example.com', password: 'pw' })).body });
    expect(body).toMatchObject({ first_name: expect.any(String), language: 'EN', roles: [], staff_enlistments: [], patient_enlistments: [] });
  });
});

describe('password grant', () => {
  it('answers a token body', async () => {
    const body = await signIn();
    expect(Object.keys(body).sort()).toEqual(
      ['applicationId', 'creationTimestamp', 'id', 'token', 'tokenSecret', 'updateTimestamp', 'userId'].sort(),
    );
    // The auth service: camelCase, times as ISO-8601 strings.
    expect(body).toMatchObject({
      creationTimestamp: '2024-01-01T12:00:00.000Z',
      updateTimestamp: '2024-01-01T12:00:00.000Z',
      applicationId: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    expect(mock.db.tokensOf(demo.email).map((t) => t.id)).toEqual([body.id]);
  });

  it('answers 106, 14 and 22', async () => {
    expect((await login({ ...demo, password: 'wrong' })).body).toMatchObject({ code: 106, name: 'AUTHENTICATION_EXCEPTION' });
    expect((await login({ email: 'who@example.com', password: 'x' })).body.code).toBe(106);
    expect((await call('POST', '/auth/v2/oauth1/tokens', { body: { email: demo.email } })).body.code).toBe(14);
    expect((await call('POST', '/auth/v2/oauth1/tokens', { body: '{not json' })).body.code).toBe(22);
  });

  it('throttles: 211 within a second, 212 freeze on every 10th failure, 213 after 50', async () => {
    const wrong = { ...demo, password: 'wrong' };
    expect((await login(wrong)).body.code).toBe(106);
    expect((await login(wrong)).body.code).toBe(211);
    for (let failure = 2; failure <= 9; failure++) {
      advance(1000);
      expect((await login(wrong)).body.code).toBe(106);
    }
    advance(1000);
    expect((await login(wrong)).body.code).toBe(212); // the 10th
    advance(30_000);
    expect((await login(demo)).body.code).toBe(212); // frozen, even with the right password
    advance(30_000);
    expect((await login(demo)).status).toBe(200); // resets the count

    for (let failure = 1; failure < 50; failure++) {
      advance(failure % 10 === 1 ? 60_000 : 1000);
      expect((await login(wrong)).body.code).toBe(failure % 10 === 0 ? 212 : 106);
    }
    advance(60_000);
    expect((await login(wrong)).body.code).toBe(213);
    advance(3_600_000);
    expect((await login(demo)).body).toMatchObject({ code: 213, name: 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION' });
  });

  it('does not throttle when throttle is false', async () => {
    server.use(...makeMock({ throttle: false }).handlers);
    for (let i = 0; i < 12; i++) expect((await login({ ...demo, password: 'wrong' })).body.code).toBe(106);
    expect((await login(demo)).status).toBe(200);
  });
});

describe('MFA grant', () => {
  it('answers 129 with the mfa body', async () => {
    const { status, body } = await login(mfaUser);
    expect(status).toBe(403);
    expect(body).toMatchObject({
      code: 129,
      name: 'MFA_REQUIRED_EXCEPTION',
      mfa: {
        tokenExpiresIn: 900_000,
        attempts: 0,
        methods: [
          { type: 'totp', name: 'Authenticator app', tags: ['selected'] },
          { type: 'recoveryCodes', name: 'Recovery codes', tags: [] },
        ],
      },
    });
    expect(body.mfa.token).toMatch(/^[0-9a-f]+$/);
  });

  it('accepts the TOTP code of now and of the neighbouring steps', async () => {
    const { token, totpId } = await mfaChallenge();
    const previous = await totp(totpSecret, clock - 30_000);
    const { status, body } = await call('POST', '/auth/v2/oauth1/tokens/mfa', { body: { token, methodId: totpId, code: previous } });
    expect(status).toBe(200);
    expect(body.tokenSecret).toBeTruthy();
    // The MFA token is spent.
    const again = await call('POST', '/auth/v2/oauth1/tokens/mfa', { body: { token, methodId: totpId, code: await totp(totpSecret, clock) } });
    expect(again.body.code).toBe(131);
  });

  it('takes a recovery code once', async () => {
    const code = demoUsers.find((u) => u.mfa)!.mfa!.recoveryCodes[0]!;
    const first = await mfaChallenge();
    const ok = await call('POST', '/auth/v2/oauth1/tokens/mfa', { body: { token: first.token, methodId: first.recoveryId, code } });
    expect(ok.status).toBe(200);
    const second = await mfaChallenge();
    const reused = await call('POST', '/auth/v2/oauth1/tokens/mfa', { body: { token: second.token, methodId: second.recoveryId, code } });
    expect(reused.body).toMatchObject({ code: 130, name: 'INVALID_MFA_CODE_EXCEPTION' });
  });

  it('answers 130 for a wrong code, 134 with remainingDelay inside the back-off, 16 for an unknown method', async () => {
    const { token, totpId } = await mfaChallenge();
    const attempt = (code: string, methodId = totpId) =>
      call('POST', '/auth/v2/oauth1/tokens/mfa', { body: { token, methodId, code } });
    expect((await attempt('000000', 'unknown-method')).body.code).toBe(16);
    expect((await attempt('000000')).body.code).toBe(130);
    advance(400);
    expect((await attempt('000000')).body).toMatchObject({ code: 134, remainingDelay: 600 });
    advance(600);
    expect((await attempt('000000')).body.code).toBe(130);
    advance(1000);
    expect((await attempt('000000')).body).toMatchObject({ code: 134, remainingDelay: 1000 });
    advance(1000);
    expect((await attempt(await totp(totpSecret, clock))).status).toBe(200);
  });

  it('answers 131 once the MFA token expired', async () => {
    const { token, totpId } = await mfaChallenge();
    advance(15 * 60_000);
    const { body } = await call('POST', '/auth/v2/oauth1/tokens/mfa', {
      body: { token, methodId: totpId, code: await totp(totpSecret, clock) },
    });
    expect(body).toMatchObject({ code: 131, name: 'INVALID_MFA_TOKEN_EXCEPTION' });
  });
});

describe('SSO tokens', () => {
  it('generates a token another client consumes once', async () => {
    const session = await signIn();
    const generated = await call('POST', '/auth/v2/oauth1/ssoTokens/generate', { token: session, body: {} });
    expect(generated.body).toMatchObject({
      userId: session.userId,
      expiryTimestamp: '2024-01-01T12:05:00.000Z',
      creationTimestamp: '2024-01-01T12:00:00.000Z',
      updateTimestamp: '2024-01-01T12:00:00.000Z',
    });
    const consume = () => call('POST', '/auth/v2/oauth1/ssoTokens/consume', { body: { ssoToken: generated.body.ssoToken } });
    const first = await consume();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ userId: session.userId });
    expect(first.body.token).not.toBe(session.token);
    expect((await consume()).body).toMatchObject({ code: 16, name: 'RESOURCE_UNKNOWN_EXCEPTION' });
  });

  it('answers 104 without a user token and 16 for an expired SSO token', async () => {
    expect((await call('POST', '/auth/v2/oauth1/ssoTokens/generate', { body: {} })).body.code).toBe(104);
    const generated = await call('POST', '/auth/v2/oauth1/ssoTokens/generate', { token: await signIn(), body: {} });
    advance(5 * 60_000);
    const { body } = await call('POST', '/auth/v2/oauth1/ssoTokens/consume', { body: { ssoToken: generated.body.ssoToken } });
    expect(body.code).toBe(16);
  });
});

describe('tokens', () => {
  it('lists the user\'s active tokens with an RQL limit, without secrets', async () => {
    const session = await signIn();
    const other = mock.db.createToken(demo.email);
    mock.db.createToken(mfaUser.email);
    advance(5000);
    const { status, body } = await call('GET', '/auth/v2/oauth1/tokens?limit(1,0)', { token: session });
    expect(status).toBe(200);
    expect(body.page).toEqual({ total: 2, offset: 0, limit: 1 });
    expect(body.data).toEqual([
      {
        id: session.id,
        userId: session.userId,
        applicationId: session.applicationId,
        token: session.token,
        lastUsedTimestamp: '2024-01-01T12:00:05.000Z',
        creationTimestamp: '2024-01-01T12:00:00.000Z',
      },
    ]);
    const second = await call('GET', '/auth/v2/oauth1/tokens?limit(1,1)', { token: session });
    expect(second.body.data.map((t: { id: string }) => t.id)).toEqual([other.id]);
    const all = await call('GET', '/auth/v2/oauth1/tokens', { token: session });
    expect(all.body.page).toEqual({ total: 2, offset: 0, limit: 20 });
  });

  it('revokes a token at once; the revoked token answers 108', async () => {
    const session = await signIn();
    const elsewhere = await signIn();
    const someoneElse = mock.db.createToken(mfaUser.email);
    const remove = (id: string) => call('DELETE', `/auth/v2/oauth1/tokens/${id}`, { token: session });
    expect((await remove(someoneElse.id)).body.code).toBe(16);
    expect((await remove('unknown')).body.code).toBe(16);
    expect((await remove(elsewhere.id)).body).toEqual({ affectedRecords: 1 });
    expect((await call('GET', '/users/v1/me', { token: elsewhere })).body.code).toBe(108);
    mock.db.revokeToken(session.id);
    expect((await call('GET', '/users/v1/me', { token: session })).body.code).toBe(108);
  });
});

describe('db', () => {
  it('logs and counts requests', async () => {
    const session = await signIn();
    await login({ ...demo, password: 'wrong' });
    await call('GET', '/auth/v2/oauth1/tokens?limit(10,0)', { token: session });
    expect(mock.db.count('POST', '/auth/v2/oauth1/tokens')).toBe(2);
    expect(mock.db.count('GET')).toBe(1);
    expect(mock.db.requests[1]).toEqual({ method: 'POST', path: '/auth/v2/oauth1/tokens', status: 401, code: 106 });
    mock.db.resetRequests();
    expect(mock.db.requests).toEqual([]);
  });

  it('answers canned failures for the next matching requests', async () => {
    mock.db.failNext(2, { status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } }, { method: 'POST', path: '/auth/v2/oauth1/tokens' });
    const session = mock.db.createToken(demo.email);
    expect((await call('GET', '/users/v1/me', { token: session })).status).toBe(200);
    expect(await login(demo)).toMatchObject({ status: 502, body: '<html>Bad gateway</html>' });
    expect((await login(demo)).status).toBe(502);
    expect((await login(demo)).status).toBe(200);
    mock.db.failNext(1, { status: 0 });
    await expect(login(demo)).rejects.toThrow();
    expect(mock.db.requests.map((r) => r.status)).toEqual([200, 502, 502, 200, 0]);
  });

  it('adds users and keeps separate mocks apart', async () => {
    const added = mock.db.addUser({ email: 'new@example.com', password: 'pw' });
    expect(added.id).toMatch(/^[0-9a-f]{24}$/);
    expect((await login({ email: 'new@example.com', password: 'pw' })).body.userId).toBe(added.id);
    expect(makeMock().db.users.map((u) => u.email)).toEqual(['demo@example.com', 'mfa@example.com']);
    mock.db.reset();
    expect(mock.db.users).toHaveLength(2);
  });
});

describe('snapshot and restore', () => {
  it('carries tokens, SSO tokens and counters to a second mock, as a demo’s tabs share one service', async () => {
    const first = createMockExh({ host: 'https://snap.test', consumerKey: 'k', consumerSecret: 's' });
    const token = first.db.createToken('demo@example.com');
    const second = createMockExh({ host: 'https://snap.test', consumerKey: 'k', consumerSecret: 's' });
    second.db.restore(JSON.parse(JSON.stringify(first.db.snapshot())));
    expect(second.db.tokensOf('demo@example.com').map((t) => t.id)).toEqual([token.id]);
    second.db.revokeToken(token.id);
    expect(first.db.tokensOf('demo@example.com')).toHaveLength(1); // a copy, not shared objects
  });
});
