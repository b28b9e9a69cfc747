/**
 * The mock's account API (users service) over HTTP, signed by an independent OAuth1 implementation
 * (oauth-1.0a + crypto-js), so the mock is checked against the protocol rather than against our own signer.
 */
import CryptoJS from 'crypto-js';
import { setupServer } from 'msw/node';
import OAuth from 'oauth-1.0a';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockExh, type MockExh, type MockExhOptions, type MockUserSeed } from '../src/msw';

const host = 'https://api.exh.test';
const consumerKey = 'account-test-key';
const consumerSecret = 'account-test-secret';
const start = Date.UTC(2024, 0, 1, 12);
const MINUTE = 60_000;

const seeds: MockUserSeed[] = [
  { email: 'active@example.com', password: 'Old-password1', firstName: 'Ann', lastName: 'Active', language: 'EN' },
  { email: 'inactive@example.com', password: 'Old-password1', activation: false },
  { email: 'oidc@example.com', password: 'Unused-password1', oidc: true },
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

interface Credentials {
  token: string;
  tokenSecret: string;
}

function authorization(method: string, url: string, token?: Credentials, secret = consumerSecret): string {
  const oauth = new OAuth({
    consumer: { key: consumerKey, secret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => CryptoJS.HmacSHA1(base, key).toString(CryptoJS.enc.Base64),
  });
  oauth.getTimeStamp = () => Math.floor(clock / 1000);
  const data = oauth.authorize({ url, method }, token && { key: token.token, secret: token.tokenSecret });
  return oauth.toHeader(data).Authorization;
}

/** `auth`: 'none' sends no Authorization header, 'consumer' a consumer signature, credentials a user signature. */
async function call(
  method: string,
  path: string,
  { body, auth = 'consumer', secret }: { body?: unknown; auth?: 'none' | 'consumer' | Credentials; secret?: string } = {},
) {
  const url = `${host}${path}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth !== 'none') headers.authorization = authorization(method, url, auth === 'consumer' ? undefined : auth, secret);
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the assertions check them
  const json: any = text ? JSON.parse(text) : undefined;
  return { status: response.status, body: json, text };
}

const q = (email: string, mode?: string) => `?email=${encodeURIComponent(email)}${mode ? `&mode=${mode}` : ''}`;
const signIn = (email: string, password: string) => call('POST', '/auth/v2/oauth1/tokens', { body: { email, password } });
const me = (token: Credentials) => call('GET', '/users/v1/me', { auth: token });

const registration = {
  first_name: 'New',
  last_name: 'Person',
  email: 'new@example.com',
  password: 'Good-password1',
  phone_number: '+32 470 00 00 00',
  language: 'NL',
};
const register = (extra: Record<string, unknown> = {}) =>
  call('POST', '/users/v1/register', { auth: 'none', body: { ...registration, ...extra } });

async function signedIn(email = 'active@example.com', password = 'Old-password1'): Promise<Credentials & { userId: string }> {
  const { status, body } = await signIn(email, password);
  expect(status).toBe(200);
  return body;
}

function expectError(reply: { status: number; body: { code: number; name: string } }, code: number, name: string, status: number) {
  expect(reply.body).toMatchObject({ code, name });
  expect(reply.status).toBe(status);
}

describe('register', () => {
  it('creates an activation=false user, answered snake_case with epoch-ms times, and mails a 60-minute hash', async () => {
    const reply = await register({ time_zone: 'Europe/Brussels', birthday: '1990-02-03', gender: 2, country: 'BE', region: 'VLG' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      first_name: 'New',
      last_name: 'Person',
      email: 'new@example.com',
      phone_number: '+32 470 00 00 00',
      language: 'NL',
      time_zone: 'Europe/Brussels',
      activation: false,
      birthday: '1990-02-03',
      gender: 2,
      country: 'BE',
      region: 'VLG',
      roles: [],
      staff_enlistments: [],
      patient_enlistments: [],
      creation_timestamp: start,
      update_timestamp: start,
    });
    expect(reply.body).not.toHaveProperty('password');
    const mail = mock.db.lastMail('new@example.com')!;
    expect(mail).toMatchObject({ to: 'new@example.com', kind: 'activation', mode: 'hash', userId: reply.body.id, sentAt: start });
    expect(mail.hash).toMatch(/^[0-9a-f]{40}$/);
    expect(mail.link).toBe(`http://localhost/?activationHash=${mail.hash}`);
    expect(mail.pinCode).toBeUndefined();
  });

  it('the new account signs in before it is activated', async () => {
    await register();
    const { userId } = await signedIn('new@example.com', 'Good-password1');
    expect(mock.db.users.find((u) => u.id === userId)).toMatchObject({ activation: false });
  });

  it('activation_mode manual sends no mail; pin_code mails an 8-digit pin and no link', async () => {
    await register({ activation_mode: 'manual' });
    expect(mock.db.outbox).toEqual([]);
    await register({ email: 'pin@example.com', activation_mode: 'pin_code' });
    const mail = mock.db.lastMail('pin@example.com')!;
    expect(mail).toMatchObject({ kind: 'activation', mode: 'pin_code' });
    expect(mail.pinCode).toMatch(/^\d{8}$/);
    expect(mail.hash).toBeUndefined();
    expect(mail.link).toBeUndefined();
  });

  it.each(Object.keys(registration))('answers 14 without %s', async (field) => {
    const body: Record<string, unknown> = { ...registration };
    delete body[field];
    expectError(await call('POST', '/users/v1/register', { auth: 'none', body }), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 400);
    expect(mock.db.users).toHaveLength(seeds.length);
  });

  it('answers 203 for an e-mail that has an account, whatever its case', async () => {
    expectError(await register({ email: 'Active@Example.com' }), 203, 'EMAIL_USED_EXCEPTION', 400);
  });

  it('answers 15 for a password against the policy, a malformed e-mail, birthday, gender or mode', async () => {
    for (const extra of [
      { password: 'short1A' },
      { password: 'no-upper-case-1' },
      { password: 'NO-LOWER-CASE-1' },
      { password: 'No-number-here' },
      { password: `Aa1${'x'.repeat(254)}` },
      { email: 'not-an-email' },
      { birthday: '03/02/1990' },
      { gender: 3 },
      { activation_mode: 'sms' },
    ]) {
      expectError(await register(extra), 15, 'FIELD_FORMAT_EXCEPTION', 400);
    }
    expect(mock.db.users).toHaveLength(seeds.length);
  });

  it('answers 218 to pin_code mode when pin codes are off', async () => {
    useMock({ pinCodes: false });
    expectError(await register({ activation_mode: 'pin_code' }), 218, 'PIN_CODES_NOT_ENABLED_EXCEPTION', 403);
  });
});

describe('"none" auth', () => {
  it('takes a request without Authorization header, and verifies one that is sent', async () => {
    expect((await call('GET', `/users/v1/email_available${q('x@example.com')}`, { auth: 'none' })).status).toBe(200);
    expect((await call('GET', `/users/v1/email_available${q('x@example.com')}`)).status).toBe(200);
    const forged = await call('GET', `/users/v1/email_available${q('x@example.com')}`, { secret: 'wrong' });
    expectError(forged, 109, 'OAUTH_SIGNATURE_EXCEPTION', 401);
    const signed = await call('POST', '/users/v1/register', { body: { ...registration, email: 'signed@example.com' } });
    expect(signed.status).toBe(200);
  });
});

describe('e-mail available and password policy', () => {
  it('answers { email_available }', async () => {
    expect((await call('GET', `/users/v1/email_available${q('ACTIVE@example.com')}`, { auth: 'none' })).body).toEqual({ email_available: false });
    expect((await call('GET', `/users/v1/email_available${q('free@example.com')}`, { auth: 'none' })).body).toEqual({ email_available: true });
  });

  it('answers the policy snake_case: the default, and the configured one', async () => {
    const policy = await call('GET', '/users/v1/password_policy', { auth: 'none' });
    expect(policy.body).toEqual({
      minimum_length: 8,
      maximum_length: 256,
      upper_case_required: true,
      lower_case_required: true,
      symbol_required: false,
      number_required: true,
    });
    useMock({ passwordPolicy: { minimumLength: 12, symbolRequired: true, upperCaseRequired: false } });
    expect((await call('GET', '/users/v1/password_policy', { auth: 'none' })).body).toMatchObject({
      minimum_length: 12,
      symbol_required: true,
      upper_case_required: false,
    });
    expectError(await register({ password: 'Good-password' }), 15, 'FIELD_FORMAT_EXCEPTION', 400);
    expect((await register({ password: 'good-password1!' })).status).toBe(200);
  });
});

describe('send activation mail', () => {
  const ask = (email: string, mode?: string) => call('GET', `/users/v1/activation${q(email, mode)}`, { auth: 'none' });

  it('mails a new hash that replaces the previous one', async () => {
    await register();
    const first = mock.db.lastMail('new@example.com')!;
    advance(5 * MINUTE);
    const reply = await ask('new@example.com');
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    const second = mock.db.lastMail('new@example.com')!;
    expect(second.hash).not.toBe(first.hash);
    expect(mock.db.outbox).toHaveLength(2);
    expectError(await call('POST', '/users/v1/activation', { body: { hash: first.hash } }), 205, 'ACTIVATION_UNKNOWN_EXCEPTION', 400);
    expect((await call('POST', '/users/v1/activation', { body: { hash: second.hash } })).status).toBe(200);
  });

  it('answers 202 for an unknown e-mail, 206 for an activated account, 14 without e-mail', async () => {
    expectError(await ask('nobody@example.com'), 202, 'EMAIL_UNKNOWN_EXCEPTION', 400);
    expectError(await ask('active@example.com'), 206, 'ALREADY_ACTIVATED_EXCEPTION', 400);
    expectError(await call('GET', '/users/v1/activation', { auth: 'none' }), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 400);
  });

  it('answers 27 without mail templates and 218 to pin mode when pin codes are off', async () => {
    useMock({ mailTemplates: false, pinCodes: false });
    expectError(await ask('inactive@example.com'), 27, 'ILLEGAL_STATE_EXCEPTION', 400);
    expectError(await ask('inactive@example.com', 'pin_code'), 218, 'PIN_CODES_NOT_ENABLED_EXCEPTION', 403);
  });

  it('hash: 5 mails without completion, 5 minutes apart (222, 223); the registration mail counts', async () => {
    await register();
    expectError(await ask('new@example.com'), 223, 'ACTIVATION_REQUEST_TIMEOUT_EXCEPTION', 403);
    advance(5 * MINUTE - 1);
    expectError(await ask('new@example.com'), 223, 'ACTIVATION_REQUEST_TIMEOUT_EXCEPTION', 403);
    for (let mail = 2; mail <= 5; mail++) {
      advance(5 * MINUTE);
      expect((await ask('new@example.com')).status).toBe(200);
    }
    advance(60 * MINUTE);
    expectError(await ask('new@example.com'), 222, 'ACTIVATION_REQUEST_LIMIT_EXCEPTION', 403);
    expect(mock.db.outbox).toHaveLength(5);
  });

  it('pin: 3 mails without completion; a completion resets the count', async () => {
    await ask('inactive@example.com', 'pin_code');
    for (let mail = 2; mail <= 3; mail++) {
      advance(5 * MINUTE);
      expect((await ask('inactive@example.com', 'pin_code')).status).toBe(200);
    }
    advance(5 * MINUTE);
    expectError(await ask('inactive@example.com', 'pin_code'), 222, 'ACTIVATION_REQUEST_LIMIT_EXCEPTION', 403);
    // Hash mode allows 5: two more.
    expect((await ask('inactive@example.com')).status).toBe(200);
    const { hash } = mock.db.lastMail('inactive@example.com')!;
    expect((await call('POST', '/users/v1/activation', { body: { hash } })).status).toBe(200);
    expectError(await ask('inactive@example.com'), 206, 'ALREADY_ACTIVATED_EXCEPTION', 400);
  });
});

describe('activate', () => {
  it('by hash: consumer-signed, once; the user is activated', async () => {
    const { body: user } = await register();
    const { hash } = mock.db.lastMail('new@example.com')!;
    expectError(await call('POST', '/users/v1/activation', { auth: 'none', body: { hash } }), 101, 'APPLICATION_NOT_AUTHENTICATED_EXCEPTION', 401);
    const reply = await call('POST', '/users/v1/activation', { body: { hash } });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(mock.db.users.find((u) => u.id === user.id)!.activation).toBe(true);
    expectError(await call('POST', '/users/v1/activation', { body: { hash } }), 205, 'ACTIVATION_UNKNOWN_EXCEPTION', 400);
  });

  it('by hash: 205 for an unknown hash, and for one older than 60 minutes', async () => {
    expectError(await call('POST', '/users/v1/activation', { body: { hash: 'f'.repeat(40) } }), 205, 'ACTIVATION_UNKNOWN_EXCEPTION', 400);
    await register();
    const { hash } = mock.db.lastMail('new@example.com')!;
    advance(60 * MINUTE);
    expectError(await call('POST', '/users/v1/activation', { body: { hash } }), 205, 'ACTIVATION_UNKNOWN_EXCEPTION', 400);
  });

  it('by hash: still valid one ms before its 60 minutes end', async () => {
    await register();
    const { hash } = mock.db.lastMail('new@example.com')!;
    advance(60 * MINUTE - 1);
    expect((await call('POST', '/users/v1/activation', { body: { hash } })).status).toBe(200);
  });

  it('by pin: 224 for a wrong pin; after 3 wrong pins even the right one gets 213 until a new mail', async () => {
    await register({ activation_mode: 'pin_code' });
    const { pinCode } = mock.db.lastMail('new@example.com')!;
    const wrong = pinCode === '00000000' ? '11111111' : '00000000';
    const activate = (pin: string) => call('POST', '/users/v1/activation', { body: { email: 'new@example.com', pin_code: pin } });
    for (let attempt = 1; attempt <= 3; attempt++) expectError(await activate(wrong), 224, 'INCORRECT_PIN_CODE_EXCEPTION', 400);
    expectError(await activate(pinCode!), 213, 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION', 401);
    advance(5 * MINUTE);
    await call('GET', `/users/v1/activation${q('new@example.com', 'pin_code')}`, { auth: 'none' });
    const fresh = mock.db.lastMail('new@example.com')!.pinCode!;
    expect((await activate(fresh)).status).toBe(200);
  });

  it('by pin: two wrong pins leave the right one usable', async () => {
    await register({ activation_mode: 'pin_code' });
    const { pinCode } = mock.db.lastMail('new@example.com')!;
    const wrong = pinCode === '00000000' ? '11111111' : '00000000';
    const activate = (pin: string) => call('POST', '/users/v1/activation', { body: { email: 'new@example.com', pin_code: pin } });
    await activate(wrong);
    await activate(wrong);
    expect((await activate(pinCode!)).status).toBe(200);
  });

  it('by pin: 205 once the pin is 15 minutes old, for an unknown e-mail, and without a pending pin', async () => {
    await register({ activation_mode: 'pin_code' });
    const { pinCode } = mock.db.lastMail('new@example.com')!;
    advance(15 * MINUTE);
    const activate = (email: string) => call('POST', '/users/v1/activation', { body: { email, pin_code: pinCode } });
    expectError(await activate('new@example.com'), 205, 'ACTIVATION_UNKNOWN_EXCEPTION', 400);
    expectError(await activate('nobody@example.com'), 205, 'ACTIVATION_UNKNOWN_EXCEPTION', 400);
    expectError(await activate('inactive@example.com'), 205, 'ACTIVATION_UNKNOWN_EXCEPTION', 400);
  });

  it('answers 14 without a hash or an e-mail and pin', async () => {
    expectError(await call('POST', '/users/v1/activation', { body: {} }), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 400);
    expectError(await call('POST', '/users/v1/activation', { body: { email: 'new@example.com' } }), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 400);
  });
});

describe('send reset mail', () => {
  const ask = (email: string, mode?: string) => call('GET', `/users/v1/forgot_password${q(email, mode)}`, { auth: 'none' });

  it('mails a reset link with a 40-hex hash, or an 8-digit pin', async () => {
    expect((await ask('active@example.com')).status).toBe(200);
    const mail = mock.db.lastMail('active@example.com', 'reset')!;
    expect(mail).toMatchObject({ to: 'active@example.com', kind: 'reset', mode: 'hash' });
    expect(mail.link).toBe(`http://localhost/?resetHash=${mail.hash}`);
    advance(5 * MINUTE);
    await ask('active@example.com', 'pin_code');
    expect(mock.db.lastMail('active@example.com')!.pinCode).toMatch(/^\d{8}$/);
  });

  it('answers 202, 204 (not activated), 215 (OIDC), 27 (no templates), 218 (pins off)', async () => {
    expectError(await ask('nobody@example.com'), 202, 'EMAIL_UNKNOWN_EXCEPTION', 400);
    expectError(await ask('inactive@example.com'), 204, 'NOT_ACTIVATED_EXCEPTION', 400);
    expectError(await ask('oidc@example.com'), 215, 'DISABLED_FOR_OIDC_USERS_EXCEPTION', 403);
    useMock({ mailTemplates: false, pinCodes: false });
    expectError(await ask('active@example.com'), 27, 'ILLEGAL_STATE_EXCEPTION', 400);
    expectError(await ask('active@example.com', 'pin_code'), 218, 'PIN_CODES_NOT_ENABLED_EXCEPTION', 403);
    expect(mock.db.outbox).toEqual([]);
  });

  it('hash: 5 mails without completion, 5 minutes apart (220, 221)', async () => {
    await ask('active@example.com');
    expectError(await ask('active@example.com'), 221, 'FORGOT_PASSWORD_REQUEST_TIMEOUT_EXCEPTION', 403);
    for (let mail = 2; mail <= 5; mail++) {
      advance(5 * MINUTE);
      expect((await ask('active@example.com')).status).toBe(200);
    }
    advance(5 * MINUTE);
    expectError(await ask('active@example.com'), 220, 'FORGOT_PASSWORD_REQUEST_LIMIT_EXCEPTION', 403);
  });

  it('pin: 3 mails without completion; completing the reset resets the count', async () => {
    for (let mail = 1; mail <= 3; mail++) {
      expect((await ask('active@example.com', 'pin_code')).status).toBe(200);
      advance(5 * MINUTE);
    }
    expectError(await ask('active@example.com', 'pin_code'), 220, 'FORGOT_PASSWORD_REQUEST_LIMIT_EXCEPTION', 403);
    const { pinCode } = mock.db.lastMail('active@example.com')!;
    const body = { email: 'active@example.com', pin_code: pinCode, new_password: 'New-password2' };
    expect((await call('POST', '/users/v1/forgot_password', { body })).status).toBe(200);
    expect((await ask('active@example.com', 'pin_code')).status).toBe(200);
  });
});

describe('reset password', () => {
  const reset = (body: Record<string, unknown>, auth: 'none' | 'consumer' = 'consumer') =>
    call('POST', '/users/v1/forgot_password', { body, auth });
  const askHash = async (email = 'active@example.com') => {
    await call('GET', `/users/v1/forgot_password${q(email)}`, { auth: 'none' });
    return mock.db.lastMail(email, 'reset')!.hash!;
  };
  const askPin = async (email = 'active@example.com') => {
    await call('GET', `/users/v1/forgot_password${q(email, 'pin_code')}`, { auth: 'none' });
    return mock.db.lastMail(email, 'reset')!.pinCode!;
  };

  it('by hash: sets the new password and revokes every token of the user, once', async () => {
    const phone = await signedIn();
    const laptop = await signedIn();
    const other = await signedIn('oidc@example.com', 'Unused-password1');
    const hash = await askHash();
    expectError(await reset({ hash, new_password: 'New-password2' }, 'none'), 101, 'APPLICATION_NOT_AUTHENTICATED_EXCEPTION', 401);
    const reply = await reset({ hash, new_password: 'New-password2' });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expectError(await me(phone), 108, 'OAUTH_TOKEN_EXCEPTION', 401);
    expectError(await me(laptop), 108, 'OAUTH_TOKEN_EXCEPTION', 401);
    expect(mock.db.tokensOf('active@example.com')).toEqual([]);
    expect((await me(other)).status).toBe(200);
    expectError(await signIn('active@example.com', 'Old-password1'), 106, 'AUTHENTICATION_EXCEPTION', 401);
    advance(1000); // past the login throttle's one second
    expect((await signIn('active@example.com', 'New-password2')).status).toBe(200);
    expectError(await reset({ hash, new_password: 'Other-password3' }), 207, 'NEW_PASSWORD_HASH_UNKNOWN_EXCEPTION', 400);
  });

  it('by hash: 207 for an unknown hash, an activation hash, and one older than 60 minutes', async () => {
    expectError(await reset({ hash: 'a'.repeat(40), new_password: 'New-password2' }), 207, 'NEW_PASSWORD_HASH_UNKNOWN_EXCEPTION', 400);
    await register();
    const activationHash = mock.db.lastMail('new@example.com')!.hash;
    expectError(await reset({ hash: activationHash, new_password: 'New-password2' }), 207, 'NEW_PASSWORD_HASH_UNKNOWN_EXCEPTION', 400);
    const hash = await askHash();
    advance(60 * MINUTE);
    expectError(await reset({ hash, new_password: 'New-password2' }), 207, 'NEW_PASSWORD_HASH_UNKNOWN_EXCEPTION', 400);
  });

  it('answers 15 for a new password against the policy, leaving the hash usable', async () => {
    const hash = await askHash();
    expectError(await reset({ hash, new_password: 'weak' }), 15, 'FIELD_FORMAT_EXCEPTION', 400);
    expect((await reset({ hash, new_password: 'New-password2' })).status).toBe(200);
  });

  it('answers 14 without new_password, or without a hash or an e-mail and pin', async () => {
    const hash = await askHash();
    expectError(await reset({ hash }), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 400);
    expectError(await reset({ new_password: 'New-password2' }), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 400);
    expectError(await reset({ email: 'active@example.com', new_password: 'New-password2' }), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 400);
  });

  it('by pin: 224 three times, then 213 even for the right pin; a policy refusal spends no attempt', async () => {
    const pin = await askPin();
    const wrong = pin === '00000000' ? '11111111' : '00000000';
    const body = (pin_code: string, new_password = 'New-password2') => ({ email: 'active@example.com', pin_code, new_password });
    expectError(await reset(body(wrong, 'weak')), 15, 'FIELD_FORMAT_EXCEPTION', 400);
    for (let attempt = 1; attempt <= 3; attempt++) expectError(await reset(body(wrong)), 224, 'INCORRECT_PIN_CODE_EXCEPTION', 400);
    expectError(await reset(body(pin)), 213, 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION', 401);
    advance(5 * MINUTE);
    const fresh = await askPin();
    expect((await reset(body(fresh))).status).toBe(200);
    expect((await signIn('active@example.com', 'New-password2')).status).toBe(200);
  });

  it('by pin: 219 for a pin 15 minutes old, an unknown e-mail, or no pending reset', async () => {
    const pin = await askPin();
    advance(15 * MINUTE);
    expectError(await reset({ email: 'active@example.com', pin_code: pin, new_password: 'New-password2' }), 219, 'NEW_PASSWORD_PIN_CODE_UNKNOWN_EXCEPTION', 400);
    expectError(await reset({ email: 'nobody@example.com', pin_code: pin, new_password: 'New-password2' }), 219, 'NEW_PASSWORD_PIN_CODE_UNKNOWN_EXCEPTION', 400);
    await register({ activation_mode: 'pin_code' });
    // An activation pin is no reset pin.
    const activationPin = mock.db.lastMail('new@example.com')!.pinCode;
    mock.db.users.find((u) => u.email === 'new@example.com')!.activation = true;
    expectError(await reset({ email: 'new@example.com', pin_code: activationPin, new_password: 'New-password2' }), 219, 'NEW_PASSWORD_PIN_CODE_UNKNOWN_EXCEPTION', 400);
  });

  it('answers 204 for an account not activated and 215 for an OIDC account', async () => {
    expectError(await reset({ email: 'inactive@example.com', pin_code: '12345678', new_password: 'New-password2' }), 204, 'NOT_ACTIVATED_EXCEPTION', 400);
    expectError(await reset({ email: 'oidc@example.com', pin_code: '12345678', new_password: 'New-password2' }), 215, 'DISABLED_FOR_OIDC_USERS_EXCEPTION', 403);
    // A reset hash asked for before the account became OIDC-only or was deactivated.
    const hash = await askHash();
    const user = mock.db.users.find((u) => u.email === 'active@example.com')!;
    user.activation = false;
    expectError(await reset({ hash, new_password: 'New-password2' }), 204, 'NOT_ACTIVATED_EXCEPTION', 400);
    user.activation = true;
    user.oidc = true;
    expectError(await reset({ hash, new_password: 'New-password2' }), 215, 'DISABLED_FOR_OIDC_USERS_EXCEPTION', 403);
  });
});

describe('change password', () => {
  const change = (body: Record<string, unknown>, auth: 'consumer' | Credentials) => call('PUT', '/users/v1/password', { body, auth });

  it('needs a user token (104), checks the old password (208) and the policy (15), then takes the new one', async () => {
    const token = await signedIn();
    expectError(await change({ old_password: 'Old-password1', new_password: 'New-password2' }, 'consumer'), 104, 'USER_NOT_AUTHENTICATED_EXCEPTION', 401);
    expectError(await change({ old_password: 'wrong', new_password: 'New-password2' }, token), 208, 'PASSWORD_EXCEPTION', 400);
    expectError(await change({ old_password: 'Old-password1', new_password: 'weak' }, token), 15, 'FIELD_FORMAT_EXCEPTION', 400);
    expectError(await change({ old_password: 'Old-password1' }, token), 14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 400);
    const reply = await change({ old_password: 'Old-password1', new_password: 'New-password2' }, token);
    expect(reply.status).toBe(200);
    expect((await me(token)).status).toBe(200);
    expect((await signIn('active@example.com', 'New-password2')).status).toBe(200);
  });
});

describe('update profile', () => {
  it('changes the user and answers it snake_case', async () => {
    const token = await signedIn();
    advance(1000);
    const reply = await call('PUT', `/users/v1/${token.userId}`, {
      auth: token,
      body: { first_name: 'Anna', phone_number: '+32 2 000 00 00', language: 'FR', time_zone: 'Europe/Paris' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: token.userId,
      first_name: 'Anna',
      last_name: 'Active',
      phone_number: '+32 2 000 00 00',
      language: 'FR',
      time_zone: 'Europe/Paris',
      activation: true,
      creation_timestamp: start,
      update_timestamp: start + 1000,
    });
    expect(mock.db.users.find((u) => u.id === token.userId)).toMatchObject({ firstName: 'Anna', timeZone: 'Europe/Paris' });
  });

  it('answers 16 for another user, 104 without a user token, 15 for a field that is not a string', async () => {
    const token = await signedIn();
    const other = mock.db.users.find((u) => u.email === 'oidc@example.com')!;
    expectError(await call('PUT', `/users/v1/${other.id}`, { auth: token, body: { first_name: 'X' } }), 16, 'RESOURCE_UNKNOWN_EXCEPTION', 404);
    expectError(await call('PUT', `/users/v1/${token.userId}`, { body: { first_name: 'X' } }), 104, 'USER_NOT_AUTHENTICATED_EXCEPTION', 401);
    expectError(await call('PUT', `/users/v1/${token.userId}`, { auth: token, body: { first_name: 7 } }), 15, 'FIELD_FORMAT_EXCEPTION', 400);
  });
});

describe('outbox', () => {
  it('uses the mailLink and appUrl options', async () => {
    useMock({ appUrl: 'https://app.test/account' });
    await register();
    expect(mock.db.lastMail('new@example.com')!.link).toMatch(/^https:\/\/app\.test\/account\?activationHash=[0-9a-f]{40}$/);
    useMock({ mailLink: (kind, hash) => `https://app.test/${kind}/${hash}` });
    await call('GET', `/users/v1/forgot_password${q('active@example.com')}`, { auth: 'none' });
    const mail = mock.db.lastMail('active@example.com')!;
    expect(mail.link).toBe(`https://app.test/reset/${mail.hash}`);
  });

  it('keeps mails and pending hashes in snapshot()/restore(); reset() clears them', async () => {
    await register();
    const { hash } = mock.db.lastMail('new@example.com')!;
    const saved = JSON.parse(JSON.stringify(mock.db.snapshot()));
    const tab = useMock();
    tab.db.restore(saved);
    expect(tab.db.outbox).toHaveLength(1);
    expect((await call('POST', '/users/v1/activation', { body: { hash } })).status).toBe(200);
    tab.db.restore(saved);
    // The restored request still counts against the limits.
    expectError(await call('GET', `/users/v1/activation${q('new@example.com')}`, { auth: 'none' }), 223, 'ACTIVATION_REQUEST_TIMEOUT_EXCEPTION', 403);
    tab.db.reset();
    expect(tab.db.outbox).toEqual([]);
    expect(tab.db.lastMail('new@example.com')).toBeUndefined();
    expectError(await call('POST', '/users/v1/activation', { body: { hash } }), 205, 'ACTIVATION_UNKNOWN_EXCEPTION', 400);
  });

  it('restores a snapshot taken before the account API: its users are activated accounts', async () => {
    const { outbox, accountRequests, ...older } = mock.db.snapshot();
    expect([outbox, accountRequests]).toEqual([[], []]);
    const users = older.users.map(({ activation: _activation, updateTimestamp: _updated, ...user }) => user);
    mock.db.restore({ ...older, users } as unknown as Parameters<MockExh['db']['restore']>[0]);
    expect((await call('GET', `/users/v1/forgot_password${q('active@example.com')}`, { auth: 'none' })).status).toBe(200);
    expect(mock.db.outbox).toHaveLength(1);
  });

  it('lastMail filters by kind and ignores case', async () => {
    await register({ email: 'Case@Example.com' });
    const activation = mock.db.lastMail('case@example.com', 'activation');
    expect(activation?.kind).toBe('activation');
    expect(mock.db.lastMail('CASE@example.com', 'reset')).toBeUndefined();
  });
});
