/**
 * The mock's presence tokens and MFA settings (auth service) over HTTP, signed by an independent OAuth1
 * implementation (oauth-1.0a + crypto-js); TOTP codes computed here with node:crypto from the hex-decoded key,
 * not with the mock's own `totp`.
 */
import { createHmac } from 'node:crypto';
import CryptoJS from 'crypto-js';
import { setupServer } from 'msw/node';
import OAuth from 'oauth-1.0a';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockExh, totp, type MockExh, type MockExhOptions, type MockSnapshot, type MockUserSeed } from '../src/msw';

const host = 'https://api.exh.test';
const consumerKey = 'mfa-test-key';
const consumerSecret = 'mfa-test-secret';
const start = Date.UTC(2024, 0, 1, 12);
const MINUTE = 60_000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const seeds: MockUserSeed[] = [
  { email: 'plain@example.com', password: 'Password-1' },
  { email: 'other@example.com', password: 'Password-2' },
  { email: 'seeded@example.com', password: 'Password-3', mfa: { totpSecret: 'JBSWY3DPEHPK3PXP', recoveryCodes: ['aaaa-1111', 'bbbb-2222'] } },
  { email: 'off@example.com', password: 'Password-4', mfa: { totpSecret: 'JBSWY3DPEHPK3PXP', recoveryCodes: [], enabled: false } },
];

let clock = start;
const advance = (ms: number) => (clock += ms);
const server = setupServer();
let mock: MockExh;

function useMock(options: Partial<MockExhOptions> = {}): MockExh {
  mock = createMockExh({ host, consumerKey, consumerSecret, now: () => clock, users: seeds, ...options });
  server.resetHandlers(...mock.handlers);
  return mock;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clock = start;
  useMock();
});
afterAll(() => server.close());

interface Session {
  token: string;
  tokenSecret: string;
  userId: string;
}

function authorization(method: string, url: string, token?: Session): string {
  const oauth = new OAuth({
    consumer: { key: consumerKey, secret: consumerSecret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => CryptoJS.HmacSHA1(base, key).toString(CryptoJS.enc.Base64),
  });
  oauth.getTimeStamp = () => Math.floor(clock / 1000);
  const data = oauth.authorize({ url, method }, token && { key: token.token, secret: token.tokenSecret });
  return oauth.toHeader(data).Authorization;
}

async function call(method: string, path: string, { body, auth }: { body?: unknown; auth?: Session } = {}) {
  const url = `${host}${path}`;
  const headers = { 'content-type': 'application/json', authorization: authorization(method, url, auth) };
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the assertions check them
  const json: any = text ? JSON.parse(text) : undefined;
  return { status: response.status, body: json, text };
}

const passwordGrant = (email: string, password: string) => call('POST', '/auth/v2/oauth1/tokens', { body: { email, password } });
const mfaGrant = (token: string, methodId: string, code: string) =>
  call('POST', '/auth/v2/oauth1/tokens/mfa', { body: { token, methodId, code } });
const confirmPresence = (session: Session, password: unknown) => call('POST', '/auth/v2/confirmPresence', { auth: session, body: { password } });
const settings = (session: Session, userId = session.userId) => call('GET', `/auth/v2/mfa/users/${userId}`, { auth: session });
const mfaPost = (session: Session, path: string, body: Record<string, unknown>, userId = session.userId) =>
  call('POST', `/auth/v2/mfa/users/${userId}${path}`, { auth: session, body });

async function signIn(email = 'plain@example.com', password = 'Password-1'): Promise<Session> {
  const { status, body } = await passwordGrant(email, password);
  expect(status).toBe(200);
  return body;
}

async function presence(session: Session, password = 'Password-1'): Promise<string> {
  const { status, body } = await confirmPresence(session, password);
  expect(status).toBe(200);
  return body.token;
}

function expectError(reply: { status: number; body: { code: number; name: string } }, code: number, name: string) {
  expect(reply.body).toMatchObject({ code, name, message: expect.any(String) });
}

/** RFC 6238 (SHA-1, 6 digits, 30 s) with the key decoded from hex: written apart from the mock's `totp`. */
function hexTotp(hexSecret: string, time = clock): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(Math.floor(time / 30_000)));
  const mac = createHmac('sha1', Buffer.from(hexSecret, 'hex')).update(message).digest();
  const offset = mac[19]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A code that is none of the accepted ones (now ±1 step). */
function wrongCode(hexSecret: string): string {
  const taken = [-1, 0, 1].map((step) => hexTotp(hexSecret, clock + step * 30_000));
  for (let n = 0; ; n++) if (!taken.includes(String(n).padStart(6, '0'))) return String(n).padStart(6, '0');
}

async function addTotp(session: Session, pt: string, extra: Record<string, unknown> = {}) {
  const reply = await mfaPost(session, '/methods', { presenceToken: pt, type: 'totp', ...extra });
  expect(reply.status).toBe(200);
  return reply.body as { id: string; secret: string; verified: boolean };
}

async function addRecoveryCodes(session: Session, pt: string) {
  const reply = await mfaPost(session, '/methods', { presenceToken: pt, type: 'recoveryCodes' });
  expect(reply.status).toBe(200);
  return reply.body as { id: string; codes: string[] };
}

const verify = (session: Session, pt: string, methodId: string, code: string) =>
  mfaPost(session, `/methods/${methodId}/verification/confirm`, { presenceToken: pt, code });

describe('presence tokens (POST /auth/v2/confirmPresence)', () => {
  it('answers { token, expiryTimestamp, creationTimestamp } in ISO-8601, valid 10 minutes by default', async () => {
    const session = await signIn();
    const reply = await confirmPresence(session, 'Password-1');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{40}$/),
      creationTimestamp: new Date(start).toISOString(),
      expiryTimestamp: new Date(start + 10 * MINUTE).toISOString(),
    });
  });

  it('is reusable while valid and 132 once expired; the lifetime is the presenceTokenLifetime option', async () => {
    useMock({ presenceTokenLifetime: 2 * MINUTE });
    const session = await signIn();
    const { body } = await confirmPresence(session, 'Password-1');
    expect(body.expiryTimestamp).toBe(new Date(start + 2 * MINUTE).toISOString());
    expect((await mfaPost(session, '/disable', { presenceToken: body.token })).status).toBe(200);
    advance(2 * MINUTE - 1);
    expect((await mfaPost(session, '/disable', { presenceToken: body.token })).status).toBe(200);
    advance(1);
    expectError(await mfaPost(session, '/disable', { presenceToken: body.token }), 132, 'INVALID_PRESENCE_TOKEN_EXCEPTION');
  });

  it('132 when the token is missing, unknown, not a string or another user\'s', async () => {
    const plain = await signIn();
    const other = await signIn('other@example.com', 'Password-2');
    const othersToken = await presence(other, 'Password-2');
    await presence(plain);
    for (const body of [{}, { presenceToken: '' }, { presenceToken: 'f'.repeat(40) }, { presenceToken: 42 }, { presenceToken: othersToken }]) {
      const reply = await mfaPost(plain, '/methods', { ...body, type: 'totp' });
      expectError(reply, 132, 'INVALID_PRESENCE_TOKEN_EXCEPTION');
      expect(reply.status).toBe(400);
    }
    expect(mock.db.mfaOf('plain@example.com').methods).toEqual([]);
  });

  it('a wrong password is 106; without a user token 104; without a password 14', async () => {
    const session = await signIn();
    const wrong = await confirmPresence(session, 'nope');
    expectError(wrong, 106, 'AUTHENTICATION_EXCEPTION');
    advance(1000);
    expectError(await confirmPresence(session, ''), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION');
    const unsigned = await call('POST', '/auth/v2/confirmPresence', { body: { password: 'Password-1' } });
    expectError(unsigned, 104, 'USER_NOT_AUTHENTICATED_EXCEPTION');
  });

  it('wrong passwords count in the login throttling the password grant uses (211, 212, 213), and a right one resets it', async () => {
    const session = await signIn();
    expectError(await confirmPresence(session, 'wrong'), 106, 'AUTHENTICATION_EXCEPTION');
    // Within a second of the failure: the password grant is refused too, and the presence call alike.
    expectError(await passwordGrant('plain@example.com', 'Password-1'), 211, 'LOGIN_TIMEOUT_EXCEPTION');
    expectError(await confirmPresence(session, 'Password-1'), 211, 'LOGIN_TIMEOUT_EXCEPTION');
    for (let failure = 2; failure <= 9; failure++) {
      advance(1000);
      expectError(await (failure % 2 ? confirmPresence(session, 'wrong') : passwordGrant('plain@example.com', 'wrong')), 106, 'AUTHENTICATION_EXCEPTION');
    }
    advance(1000);
    expectError(await confirmPresence(session, 'wrong'), 212, 'LOGIN_FREEZE_EXCEPTION');
    advance(30_000);
    expectError(await confirmPresence(session, 'Password-1'), 212, 'LOGIN_FREEZE_EXCEPTION');
    advance(30_000);
    expect((await confirmPresence(session, 'Password-1')).status).toBe(200);
    // Reset: the next failure is the first again.
    for (let failure = 1; failure <= 9; failure++) {
      advance(1000);
      expectError(await confirmPresence(session, 'wrong'), 106, 'AUTHENTICATION_EXCEPTION');
    }
  });

  it('blocks after 50 consecutive failures with 213, a right password included', async () => {
    const session = await signIn();
    for (let failure = 1; failure < 50; failure++) {
      advance(61_000);
      expect((await confirmPresence(session, 'wrong')).body.code).toBe(failure % 10 ? 106 : 212);
    }
    advance(61_000);
    expectError(await confirmPresence(session, 'wrong'), 213, 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION');
    advance(61_000);
    expectError(await confirmPresence(session, 'Password-1'), 213, 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION');
    expectError(await passwordGrant('plain@example.com', 'Password-1'), 213, 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION');
  });

  it('throttle: false answers 106 on every wrong password', async () => {
    useMock({ throttle: false });
    const session = await signIn();
    for (let n = 0; n < 12; n++) expect((await confirmPresence(session, 'wrong')).body.code).toBe(106);
    expect((await confirmPresence(session, 'Password-1')).status).toBe(200);
  });
});

describe('MFA settings (GET /auth/v2/mfa/users/{userId})', () => {
  it('a user without MFA: { id, methods: [], enabled: false, updateTimestamp }', async () => {
    const session = await signIn();
    const reply = await settings(session);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), methods: [], enabled: false, updateTimestamp: new Date(start).toISOString() });
  });

  it('a seeded MFA user: enabled, a verified TOTP method and recovery codes, listed without secrets or codes', async () => {
    const challenge = (await passwordGrant('seeded@example.com', 'Password-3')).body.mfa;
    const totpMethod = challenge.methods.find((m: { type: string }) => m.type === 'totp');
    const grant = await mfaGrant(challenge.token, totpMethod.id, await totp('JBSWY3DPEHPK3PXP', clock));
    expect(grant.status).toBe(200);
    const reply = await settings(grant.body);
    expect(reply.body).toEqual({
      id: expect.any(String),
      enabled: true,
      updateTimestamp: expect.stringMatching(ISO),
      methods: [
        { id: totpMethod.id, type: 'totp', name: 'Authenticator app', tags: ['selected'], verified: true, creationTimestamp: expect.stringMatching(ISO), updateTimestamp: expect.stringMatching(ISO) },
        { id: expect.any(String), type: 'recoveryCodes', name: 'Recovery codes', tags: [], verified: true, creationTimestamp: expect.stringMatching(ISO), updateTimestamp: expect.stringMatching(ISO) },
      ],
    });
    expect(reply.text).not.toMatch(/JBSWY3DPEHPK3PXP|aaaa-1111|"secret"|"codes"/);
  });

  it('10 NO_PERMISSION_EXCEPTION for another user\'s settings, on every MFA call', async () => {
    const plain = await signIn();
    const other = await signIn('other@example.com', 'Password-2');
    const pt = await presence(plain);
    expectError(await settings(plain, other.userId), 10, 'NO_PERMISSION_EXCEPTION');
    for (const path of ['/methods', '/methods/x/verification/confirm', '/methods/x/remove', '/enable', '/disable']) {
      expectError(await mfaPost(plain, path, { presenceToken: pt, type: 'totp', code: '000000' }, other.userId), 10, 'NO_PERMISSION_EXCEPTION');
    }
  });
});

describe('adding methods (POST …/methods)', () => {
  it('totp: the method unverified, with a fresh 40-hex secret; name and tags as given', async () => {
    const session = await signIn();
    const pt = await presence(session);
    advance(5000);
    const reply = await mfaPost(session, '/methods', { presenceToken: pt, type: 'totp', name: 'Phone', tags: ['work'] });
    expect(reply.status).toBe(200);
    const at = new Date(start + 5000).toISOString();
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/), type: 'totp', name: 'Phone', tags: ['work'], verified: false,
      secret: expect.stringMatching(/^[0-9a-f]{40}$/), creationTimestamp: at, updateTimestamp: at,
    });
    const second = await addTotp(session, pt);
    expect(second.secret).not.toBe(reply.body.secret);
    const listed = (await settings(session)).body;
    expect(listed.updateTimestamp).toBe(at);
    expect(listed.methods.map((m: { name: string; verified: boolean }) => [m.name, m.verified])).toEqual([['Phone', false], ['Authenticator app', false]]);
    expect(JSON.stringify(listed)).not.toContain(reply.body.secret);
  });

  it('recoveryCodes: 10 distinct single-use codes, the method verified at once, the codes never listed again', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const reply = await mfaPost(session, '/methods', { presenceToken: pt, type: 'recoveryCodes' });
    expect(reply.body).toMatchObject({ type: 'recoveryCodes', name: 'Recovery codes', tags: [], verified: true });
    expect(reply.body).not.toHaveProperty('secret');
    const codes: string[] = reply.body.codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    const listed = await settings(session);
    for (const code of codes) expect(listed.text).not.toContain(code);
    expect(mock.db.mfaOf('plain@example.com').recoveryCodes).toEqual(codes);
  });

  it('14 without a type, 26 for an unknown type or malformed name/tags', async () => {
    const session = await signIn();
    const pt = await presence(session);
    expectError(await mfaPost(session, '/methods', { presenceToken: pt }), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION');
    expectError(await mfaPost(session, '/methods', { presenceToken: pt, type: 'sms' }), 26, 'ILLEGAL_ARGUMENT_EXCEPTION');
    expectError(await mfaPost(session, '/methods', { presenceToken: pt, type: 'totp', tags: 'x' }), 26, 'ILLEGAL_ARGUMENT_EXCEPTION');
    expectError(await mfaPost(session, '/methods', { presenceToken: pt, type: 'totp', name: 3 }), 26, 'ILLEGAL_ARGUMENT_EXCEPTION');
    const notJson = await fetch(`${host}/auth/v2/mfa/users/${session.userId}/methods`, {
      method: 'POST',
      headers: { authorization: authorization('POST', `${host}/auth/v2/mfa/users/${session.userId}/methods`, session) },
      body: '{',
    });
    expect(((await notJson.json()) as { code: number }).code).toBe(22);
    expect(mock.db.mfaOf('plain@example.com').methods).toEqual([]);
  });
});

describe('verifying a TOTP method (…/methods/{id}/verification/confirm)', () => {
  it('accepts a current code of the hex-decoded key (±1 step), answers an empty 200 and marks the method verified', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const method = await addTotp(session, pt);
    advance(3 * MINUTE);
    const reply = await verify(session, pt, method.id, hexTotp(method.secret, clock - 30_000));
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect((await settings(session)).body.methods[0]).toMatchObject({ id: method.id, verified: true, updateTimestamp: new Date(clock).toISOString() });
    // Verifying again with a right code is fine.
    expect((await verify(session, pt, method.id, hexTotp(method.secret))).status).toBe(200);
  });

  it('reads the issued secret as hex, as totp() does in either case; a code two steps old is refused', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const method = await addTotp(session, pt);
    expect(await totp(method.secret, clock)).toBe(hexTotp(method.secret));
    expect(await totp(method.secret.toUpperCase(), clock)).toBe(hexTotp(method.secret));
    const twoStepsAgo = hexTotp(method.secret, clock - 60_000);
    if (twoStepsAgo !== hexTotp(method.secret)) expectError(await verify(session, pt, method.id, twoStepsAgo), 130, 'INVALID_MFA_CODE_EXCEPTION');
  });

  it('130 on a wrong code, then the growing MFA wait (134 with remainingDelay); a right code resets it', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const method = await addTotp(session, pt);
    const wrong = await verify(session, pt, method.id, wrongCode(method.secret));
    expectError(wrong, 130, 'INVALID_MFA_CODE_EXCEPTION');
    expect(wrong.status).toBe(400);
    advance(400);
    const early = await verify(session, pt, method.id, hexTotp(method.secret));
    expectError(early, 134, 'MFA_REATTEMPT_DELAY_EXCEPTION');
    expect(early.body.remainingDelay).toBe(600);
    advance(600);
    expectError(await verify(session, pt, method.id, wrongCode(method.secret)), 130, 'INVALID_MFA_CODE_EXCEPTION');
    advance(1000);
    expect((await verify(session, pt, method.id, hexTotp(method.secret))).body.remainingDelay).toBe(1000);
    advance(1000);
    expect((await verify(session, pt, method.id, hexTotp(method.secret))).status).toBe(200);
    expect(mock.db.mfaOf('plain@example.com').methods[0]!.verified).toBe(true);
    // Reset: the next wrong code waits 1 s again.
    expectError(await verify(session, pt, method.id, wrongCode(method.secret)), 130, 'INVALID_MFA_CODE_EXCEPTION');
    expect((await verify(session, pt, method.id, hexTotp(method.secret))).body.remainingDelay).toBe(1000);
  });

  it('16 for an unknown method, 26 for a recovery-codes method, 14 without a code, 132 without a presence token', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const codes = await addRecoveryCodes(session, pt);
    const method = await addTotp(session, pt);
    expectError(await verify(session, pt, 'f'.repeat(24), '123456'), 16, 'RESOURCE_UNKNOWN_EXCEPTION');
    expectError(await verify(session, pt, codes.id, codes.codes[0]!), 26, 'ILLEGAL_ARGUMENT_EXCEPTION');
    expectError(await verify(session, pt, method.id, ''), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION');
    expectError(await verify(session, 'nope', method.id, hexTotp(method.secret)), 132, 'INVALID_PRESENCE_TOKEN_EXCEPTION');
    expect(mock.db.mfaOf('plain@example.com').methods.find((m) => m.id === method.id)!.verified).toBe(false);
  });
});

describe('removing methods, enabling and disabling', () => {
  it('remove: { affectedRecords: 1 }; 16 for an unknown method; 132 without a presence token', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const method = await addTotp(session, pt);
    expectError(await mfaPost(session, `/methods/${method.id}/remove`, {}), 132, 'INVALID_PRESENCE_TOKEN_EXCEPTION');
    expect((await mfaPost(session, `/methods/${method.id}/remove`, { presenceToken: pt })).body).toEqual({ affectedRecords: 1 });
    expectError(await mfaPost(session, `/methods/${method.id}/remove`, { presenceToken: pt }), 16, 'RESOURCE_UNKNOWN_EXCEPTION');
    expect((await settings(session)).body.methods).toEqual([]);
  });

  it('enable: 133 without a verified method (an unverified TOTP is not one); disable: { affectedRecords }', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const enableReply = await mfaPost(session, '/enable', { presenceToken: pt });
    expectError(enableReply, 133, 'NOT_ENOUGH_MFA_METHODS_EXCEPTION');
    expect(enableReply.status).toBe(400);
    const method = await addTotp(session, pt);
    expectError(await mfaPost(session, '/enable', { presenceToken: pt }), 133, 'NOT_ENOUGH_MFA_METHODS_EXCEPTION');
    await verify(session, pt, method.id, hexTotp(method.secret));
    expectError(await mfaPost(session, '/enable', {}), 132, 'INVALID_PRESENCE_TOKEN_EXCEPTION');
    expect((await mfaPost(session, '/enable', { presenceToken: pt })).body).toEqual({ affectedRecords: 1 });
    expect((await settings(session)).body.enabled).toBe(true);
    expectError(await mfaPost(session, '/disable', {}), 132, 'INVALID_PRESENCE_TOKEN_EXCEPTION');
    expect((await mfaPost(session, '/disable', { presenceToken: pt })).body).toEqual({ affectedRecords: 1 });
    expect((await settings(session)).body.enabled).toBe(false);
  });

  it('133 when removing the last verified method while MFA is on; unverified ones and, once off, the last one go', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const app = await addTotp(session, pt);
    await verify(session, pt, app.id, hexTotp(app.secret));
    await mfaPost(session, '/enable', { presenceToken: pt });
    const unverified = await addTotp(session, pt);
    const codes = await addRecoveryCodes(session, pt);
    const remove = (id: string) => mfaPost(session, `/methods/${id}/remove`, { presenceToken: pt });
    expect((await remove(unverified.id)).status).toBe(200);
    expect((await remove(codes.id)).status).toBe(200);
    expectError(await remove(app.id), 133, 'NOT_ENOUGH_MFA_METHODS_EXCEPTION');
    await mfaPost(session, '/disable', { presenceToken: pt });
    expect((await remove(app.id)).body).toEqual({ affectedRecords: 1 });
  });
});

describe('signing in with the MFA a user set up', () => {
  it('the setup sequence: presence → recovery codes → totp → verify → enable; then sign-in asks for MFA, with a TOTP and a recovery code once', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const codes = await addRecoveryCodes(session, pt);
    const app = await addTotp(session, pt, { name: 'Phone' });
    const pending = await addTotp(session, pt, { name: 'Left half-way' });
    expect((await verify(session, pt, app.id, hexTotp(app.secret))).status).toBe(200);
    expect((await mfaPost(session, '/enable', { presenceToken: pt })).status).toBe(200);

    const asked = await passwordGrant('plain@example.com', 'Password-1');
    expectError(asked, 129, 'MFA_REQUIRED_EXCEPTION');
    expect(asked.status).toBe(403);
    // Only verified methods, as { id, type, name, tags }.
    expect(asked.body.mfa).toEqual({
      token: expect.any(String),
      tokenExpiresIn: 900_000,
      attempts: 0,
      methods: [
        { id: codes.id, type: 'recoveryCodes', name: 'Recovery codes', tags: [] },
        { id: app.id, type: 'totp', name: 'Phone', tags: [] },
      ],
    });
    expectError(await mfaGrant(asked.body.mfa.token, pending.id, hexTotp(pending.secret)), 16, 'RESOURCE_UNKNOWN_EXCEPTION');
    advance(31_000);
    const viaApp = await mfaGrant(asked.body.mfa.token, app.id, hexTotp(app.secret));
    expect(viaApp.status).toBe(200);
    expect(viaApp.body.userId).toBe(session.userId);

    const again = (await passwordGrant('plain@example.com', 'Password-1')).body.mfa;
    expect((await mfaGrant(again.token, codes.id, codes.codes[3]!)).status).toBe(200);
    const third = (await passwordGrant('plain@example.com', 'Password-1')).body.mfa;
    expectError(await mfaGrant(third.token, codes.id, codes.codes[3]!), 130, 'INVALID_MFA_CODE_EXCEPTION');
    expect(mock.db.mfaOf('plain@example.com').recoveryCodes).toEqual(codes.codes.filter((_, i) => i !== 3));
  });

  it('once disabled, the password grant signs in directly; a user seeded with enabled: false too', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const app = await addTotp(session, pt);
    await verify(session, pt, app.id, hexTotp(app.secret));
    await mfaPost(session, '/enable', { presenceToken: pt });
    expect((await passwordGrant('plain@example.com', 'Password-1')).body.code).toBe(129);
    await mfaPost(session, '/disable', { presenceToken: pt });
    expect((await passwordGrant('plain@example.com', 'Password-1')).status).toBe(200);
    const off = await passwordGrant('off@example.com', 'Password-4');
    expect(off.status).toBe(200);
    expect((await settings(off.body)).body).toMatchObject({ enabled: false, methods: [{ type: 'totp', verified: true }] });
  });

  it('the seed shape { totpSecret, recoveryCodes } still signs in with a base32 TOTP and single-use recovery codes', async () => {
    const asked = (await passwordGrant('seeded@example.com', 'Password-3')).body.mfa;
    const methodOf = (type: string) => asked.methods.find((m: { type: string }) => m.type === type).id as string;
    expect((await mfaGrant(asked.token, methodOf('recoveryCodes'), 'aaaa-1111')).status).toBe(200);
    expect(mock.db.mfaOf('seeded@example.com').recoveryCodes).toEqual(['bbbb-2222']);
    expect(mock.db.users.find((u) => u.email === 'seeded@example.com')!.mfa.recoveryCodes).toEqual(['bbbb-2222']);
    const next = (await passwordGrant('seeded@example.com', 'Password-3')).body.mfa;
    expect((await mfaGrant(next.token, methodOf('totp'), await totp('JBSWY3DPEHPK3PXP', clock))).status).toBe(200);
  });
});

describe('totp()', () => {
  // RFC 6238 Appendix B: the ASCII key "12345678901234567890", at 59 s → 94287082 (8 digits), so 287082.
  it('takes the key as 40 hex or as base32 and gives the same code', async () => {
    expect(await totp('3132333435363738393031323334353637383930', 59_000)).toBe('287082');
    expect(await totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
  });

  it('a 40-character secret of digits and A–F only is read as hex, the documented rule', async () => {
    const ambiguous = 'ABCDEF2345ABCDEF2345ABCDEF2345ABCDEF2345';
    expect(await totp(ambiguous, clock)).toBe(hexTotp(ambiguous));
  });
});

describe('the dev panel and the state', () => {
  it('db.totpSecrets() lists every TOTP secret held, seeded and issued, with email, method and verified flag', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const app = await addTotp(session, pt, { name: 'Phone' });
    const seeded = mock.db.users.find((u) => u.email === 'seeded@example.com')!;
    expect(mock.db.totpSecrets()).toEqual([
      { email: 'plain@example.com', userId: session.userId, methodId: app.id, name: 'Phone', secret: app.secret, verified: false },
      { email: 'seeded@example.com', userId: seeded.id, methodId: seeded.mfa.methods[0]!.id, name: 'Authenticator app', secret: 'JBSWY3DPEHPK3PXP', verified: true },
      { email: 'off@example.com', userId: expect.any(String), methodId: expect.any(String), name: 'Authenticator app', secret: 'JBSWY3DPEHPK3PXP', verified: true },
    ]);
    expect(await totp(mock.db.totpSecrets()[0]!.secret, clock)).toBe(hexTotp(app.secret));
  });

  it('snapshot() and restore() carry presence tokens, methods, secrets, unused codes and the enabled flag (through JSON)', async () => {
    const session = await signIn();
    const pt = await presence(session);
    const codes = await addRecoveryCodes(session, pt);
    const app = await addTotp(session, pt);
    await verify(session, pt, app.id, hexTotp(app.secret));
    await mfaPost(session, '/enable', { presenceToken: pt });
    const asked = (await passwordGrant('plain@example.com', 'Password-1')).body.mfa;
    await mfaGrant(asked.token, codes.id, codes.codes[0]!);
    const saved = JSON.parse(JSON.stringify(mock.db.snapshot())) as MockSnapshot;
    const before = (await settings(session)).body;

    // Another tab: a fresh service on the same seeds, given the saved state.
    useMock();
    mock.db.restore(saved);
    expect((await settings(session)).body).toEqual(before);
    expect((await mfaPost(session, '/disable', { presenceToken: pt })).status).toBe(200);
    await mfaPost(session, '/enable', { presenceToken: pt });
    expect(mock.db.mfaOf('plain@example.com').recoveryCodes).toEqual(codes.codes.slice(1));
    const next = (await passwordGrant('plain@example.com', 'Password-1')).body.mfa;
    expectError(await mfaGrant(next.token, codes.id, codes.codes[0]!), 130, 'INVALID_MFA_CODE_EXCEPTION');
    advance(1000);
    expect((await mfaGrant(next.token, app.id, hexTotp(app.secret))).status).toBe(200);
    expect(mock.db.totpSecrets()[0]).toMatchObject({ methodId: app.id, secret: app.secret, verified: true });

    // Expired in the restored service as in the first.
    advance(10 * MINUTE);
    expectError(await mfaPost(session, '/disable', { presenceToken: pt }), 132, 'INVALID_PRESENCE_TOKEN_EXCEPTION');
  });

  it('reset() goes back to the seeded MFA and forgets presence tokens', async () => {
    const session = await signIn();
    const pt = await presence(session);
    await addRecoveryCodes(session, pt);
    await passwordGrant('seeded@example.com', 'Password-3').then(({ body }) => mfaGrant(body.mfa.token, body.mfa.methods[1].id, 'aaaa-1111'));
    mock.db.reset();
    expect(mock.db.mfaOf('plain@example.com')).toMatchObject({ enabled: false, methods: [] });
    expect(mock.db.mfaOf('seeded@example.com').recoveryCodes).toEqual(['aaaa-1111', 'bbbb-2222']);
    const again = await signIn();
    expectError(await mfaPost(again, '/disable', { presenceToken: pt }), 132, 'INVALID_PRESENCE_TOKEN_EXCEPTION');
  });

  it('restores a snapshot taken before MFA settings existed: { totpSecret, recoveryCodes, methods } is MFA on', async () => {
    const saved = JSON.parse(JSON.stringify(mock.db.snapshot())) as MockSnapshot & { presenceTokens?: unknown };
    delete saved.presenceTokens;
    for (const user of saved.users) {
      const { methods } = user.mfa;
      const old = methods.length
        ? { totpSecret: 'JBSWY3DPEHPK3PXP', recoveryCodes: ['zzzz-9999'], methods: methods.map(({ id, type, name, tags }) => ({ id, type, name, tags })) }
        : undefined;
      Object.assign(user, { mfa: old });
    }
    useMock();
    mock.db.restore(saved);
    expect(mock.db.mfaOf('plain@example.com')).toMatchObject({ enabled: false, methods: [] });
    const asked = (await passwordGrant('seeded@example.com', 'Password-3')).body.mfa;
    expect(asked.methods.map((m: { type: string }) => m.type)).toEqual(['totp', 'recoveryCodes']);
    expect((await mfaGrant(asked.token, asked.methods[1].id, 'zzzz-9999')).status).toBe(200);
  });
});
