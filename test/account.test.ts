/** The core client's account API against the mock users service: every method, every error class. */
import { http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import * as core from '../src/core';
import {
  accountApi,
  checkPassword,
  ExhError,
  OAuthTokenError,
  SessionEndedByPasswordResetError,
  TooManyFailedAttemptsError,
  UserNotAuthenticatedError,
  type ExhClient,
} from '../src/core';
import { createMockExh, type MockExhOptions } from '../src/msw';
import { consumerKey, consumerSecret, demo, host, setupMockExh } from './helpers';

const exh = setupMockExh();
const MINUTE = 60_000;

const newUser = {
  firstName: 'New',
  lastName: 'Person',
  email: 'new@example.com',
  password: 'Good-password1',
  phoneNumber: '+32470000000',
  language: 'EN',
};

/** The mock with other account options, for this test only. */
function mockWith(options: Partial<MockExhOptions>) {
  const mock = createMockExh({ host, consumerKey, consumerSecret, ...options });
  exh.server.use(...mock.handlers);
  return mock;
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('resolved'), (error: unknown) => error as ExhError);

async function signedIn(email = demo.email, password = demo.password): Promise<ExhClient> {
  const client = exh.client();
  await client.authenticate({ email, password });
  return client;
}

/**
 * The client's clock (Date) and the mock's, moved together from now on: `later(ms)` moves both. The client
 * computes `retryAfter` from its own clock, so an exact value needs one the test controls.
 */
function sharedClock() {
  vi.useFakeTimers({ toFake: ['Date'], now: exh.now() });
  onTestFinished(() => void vi.useRealTimers());
  return (ms: number) => {
    exh.advance(ms);
    vi.setSystemTime(exh.now());
  };
}

function activeUser(email = 'active@example.com', password = 'Old-password1') {
  exh.db.addUser({ email, password });
  return { email, password };
}

describe('register', () => {
  it('sends snake_case, answers the user camelCase, and mails the activation link', async () => {
    const user = await accountApi(exh.client()).register({ ...newUser, timeZone: 'Europe/Brussels', birthday: '1990-02-03', gender: 2 });
    expect(user).toMatchObject({ firstName: 'New', lastName: 'Person', email: newUser.email, timeZone: 'Europe/Brussels', activation: false });
    expect(user).not.toHaveProperty('first_name');
    expect(typeof user.creationTimestamp).toBe('number');
    expect(exh.db.users.find((u) => u.email === newUser.email)).toMatchObject({ birthday: '1990-02-03', gender: 2, phoneNumber: newUser.phoneNumber });
    expect(exh.db.lastMail(newUser.email, 'activation')).toMatchObject({ mode: 'hash', hash: expect.stringMatching(/^[0-9a-f]{40}$/) });
    // Sent consumer-signed ("none" endpoints accept it).
    expect(exh.db.requests.at(-1)).toMatchObject({ method: 'POST', path: '/users/v1/register', status: 200 });
  });

  it("maps activationMode 'pinCode' to pin_code, and 'manual' sends no mail", async () => {
    const account = accountApi(exh.client());
    await account.register({ ...newUser, activationMode: 'pinCode' });
    expect(exh.db.lastMail(newUser.email)).toMatchObject({ mode: 'pin_code', pinCode: expect.stringMatching(/^\d{8}$/) });
    await account.register({ ...newUser, email: 'manual@example.com', activationMode: 'manual' });
    expect(exh.db.lastMail('manual@example.com')).toBeUndefined();
  });

  it('EmailUsedError (203), FieldFormatError (15), PinCodesNotEnabledError (218)', async () => {
    const account = accountApi(exh.client());
    await expect(account.register({ ...newUser, email: demo.email })).rejects.toBeInstanceOf(core.EmailUsedError);
    const weak = await failure(account.register({ ...newUser, password: 'short' }));
    expect(weak).toBeInstanceOf(core.FieldFormatError);
    expect(weak).toMatchObject({ code: 15, name: 'FieldFormatError' });
    mockWith({ pinCodes: false });
    await expect(account.register({ ...newUser, activationMode: 'pinCode' })).rejects.toBeInstanceOf(core.PinCodesNotEnabledError);
  });
});

describe('e-mail availability and password policy', () => {
  it('isEmailAvailable answers a boolean', async () => {
    const account = accountApi(exh.client());
    expect(await account.isEmailAvailable(demo.email)).toBe(false);
    expect(await account.isEmailAvailable('free+tag@example.com')).toBe(true);
  });

  it('passwordPolicy answers camelCase; checkPassword lists each rule with met', async () => {
    mockWith({ passwordPolicy: { minimumLength: 10, symbolRequired: true } });
    const policy = await accountApi(exh.client()).passwordPolicy();
    expect(policy).toEqual({
      minimumLength: 10,
      maximumLength: 256,
      upperCaseRequired: true,
      lowerCaseRequired: true,
      symbolRequired: true,
      numberRequired: true,
    });
    expect(checkPassword(policy, 'abc')).toEqual({
      ok: false,
      rules: [
        { rule: 'minimumLength', met: false, length: 10 },
        { rule: 'maximumLength', met: true, length: 256 },
        { rule: 'upperCase', met: false },
        { rule: 'lowerCase', met: true },
        { rule: 'number', met: false },
        { rule: 'symbol', met: false },
      ],
    });
    expect(checkPassword(policy, 'Abcdefgh1_').ok).toBe(true);
    // White space is no symbol, for the checklist as for the service.
    expect(checkPassword(policy, 'Abcdefgh1 ').rules.find((r) => r.rule === 'symbol')!.met).toBe(false);
    const account = accountApi(exh.client());
    await expect(account.register({ ...newUser, password: 'Abcdefgh1 ' })).rejects.toBeInstanceOf(core.FieldFormatError);
    await expect(account.register({ ...newUser, password: 'Abcdefgh1_' })).resolves.toMatchObject({ email: newUser.email });
  });
});

describe('activation', () => {
  it('by the mail link hash, then AlreadyActivatedError (206) on a new request', async () => {
    const account = accountApi(exh.client());
    await account.register(newUser);
    await account.activate({ hash: exh.db.lastMail(newUser.email)!.hash! });
    expect(exh.db.users.find((u) => u.email === newUser.email)!.activation).toBe(true);
    await expect(account.requestActivation({ email: newUser.email })).rejects.toBeInstanceOf(core.AlreadyActivatedError);
  });

  it('by e-mail and pin: IncorrectPinCodeError (224), then 213 after 3 wrong pins', async () => {
    const account = accountApi(exh.client());
    await account.register({ ...newUser, activationMode: 'pinCode' });
    for (let i = 0; i < 3; i++) {
      await expect(account.activate({ email: newUser.email, pinCode: '00000000' })).rejects.toBeInstanceOf(core.IncorrectPinCodeError);
    }
    const { pinCode } = exh.db.lastMail(newUser.email)!;
    await expect(account.activate({ email: newUser.email, pinCode: pinCode! })).rejects.toBeInstanceOf(TooManyFailedAttemptsError);
  });

  it('by pin, happy path', async () => {
    const account = accountApi(exh.client());
    await account.register({ ...newUser, activationMode: 'pinCode' });
    await account.activate({ email: newUser.email, pinCode: exh.db.lastMail(newUser.email)!.pinCode! });
    expect(exh.db.users.find((u) => u.email === newUser.email)!.activation).toBe(true);
  });

  it('ActivationUnknownError (205), EmailUnknownError (202), IllegalStateError (27)', async () => {
    const account = accountApi(exh.client());
    await expect(account.activate({ hash: 'f'.repeat(40) })).rejects.toBeInstanceOf(core.ActivationUnknownError);
    await expect(account.requestActivation({ email: 'nobody@example.com' })).rejects.toBeInstanceOf(core.EmailUnknownError);
    mockWith({ mailTemplates: false, users: [{ email: 'inactive@example.com', password: 'x', activation: false }] });
    await expect(account.requestActivation({ email: 'inactive@example.com' })).rejects.toBeInstanceOf(core.IllegalStateError);
  });

  it('requestActivation sends a new mail in pin mode after 5 minutes; too soon is ActivationRequestTimeoutError (223) with retryAfter', async () => {
    const account = accountApi(exh.client());
    await account.register(newUser);
    const tooSoon = await failure(account.requestActivation({ email: newUser.email }));
    expect(tooSoon).toBeInstanceOf(core.ActivationRequestTimeoutError);
    // This client sent the registration mail: it knows how long is left.
    const { retryAfter } = tooSoon as core.ActivationRequestTimeoutError;
    expect(retryAfter).toBeGreaterThan(4 * MINUTE);
    expect(retryAfter).toBeLessThanOrEqual(5 * MINUTE);
    // Another client did not: the documented 5 minutes.
    const other = await failure(accountApi(exh.client()).requestActivation({ email: newUser.email }));
    expect((other as core.ActivationRequestTimeoutError).retryAfter).toBe(5 * MINUTE);

    exh.advance(5 * MINUTE);
    await account.requestActivation({ email: newUser.email, mode: 'pinCode' });
    expect(exh.db.lastMail(newUser.email)).toMatchObject({ mode: 'pin_code' });
  });

  it('ActivationRequestLimitError (222) after 3 pin mails', async () => {
    const account = accountApi(exh.client());
    await account.register({ ...newUser, activationMode: 'pinCode' });
    exh.advance(5 * MINUTE);
    await account.requestActivation({ email: newUser.email, mode: 'pinCode' });
    exh.advance(5 * MINUTE);
    await account.requestActivation({ email: newUser.email, mode: 'pinCode' });
    exh.advance(5 * MINUTE);
    await expect(account.requestActivation({ email: newUser.email, mode: 'pinCode' })).rejects.toBeInstanceOf(core.ActivationRequestLimitError);
  });
});

describe('password reset', () => {
  it('by the mail link hash: the new password signs in, the old one no more', async () => {
    const { email, password } = activeUser();
    const account = accountApi(exh.client());
    await account.requestPasswordReset({ email });
    await account.resetPassword({ hash: exh.db.lastMail(email, 'reset')!.hash!, newPassword: 'New-password2' });
    await expect(exh.client().authenticate({ email, password })).rejects.toBeInstanceOf(core.AuthenticationError);
    exh.advance(1000); // the login throttle's wait after a failure
    await expect(exh.client().authenticate({ email, password: 'New-password2' })).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('by e-mail and pin', async () => {
    const { email } = activeUser();
    const account = accountApi(exh.client());
    await account.requestPasswordReset({ email, mode: 'pinCode' });
    await account.resetPassword({ email, pinCode: exh.db.lastMail(email, 'reset')!.pinCode!, newPassword: 'New-password2' });
    await expect(exh.client().authenticate({ email, password: 'New-password2' })).resolves.toBeTruthy();
  });

  it('NewPasswordHashUnknownError (207), NewPasswordPinCodeUnknownError (219), IncorrectPinCodeError (224), FieldFormatError (15)', async () => {
    const { email } = activeUser();
    const account = accountApi(exh.client());
    await expect(account.resetPassword({ hash: 'a'.repeat(40), newPassword: 'New-password2' })).rejects.toBeInstanceOf(core.NewPasswordHashUnknownError);
    await expect(account.resetPassword({ email, pinCode: '12345678', newPassword: 'New-password2' })).rejects.toBeInstanceOf(
      core.NewPasswordPinCodeUnknownError,
    );
    await account.requestPasswordReset({ email, mode: 'pinCode' });
    await expect(account.resetPassword({ email, pinCode: '00000000', newPassword: 'New-password2' })).rejects.toBeInstanceOf(core.IncorrectPinCodeError);
    const pinCode = exh.db.lastMail(email, 'reset')!.pinCode!;
    await expect(account.resetPassword({ email, pinCode, newPassword: 'weak' })).rejects.toBeInstanceOf(core.FieldFormatError);
  });

  it('NotActivatedError (204), DisabledForOidcUsersError (215), PinCodesNotEnabledError (218)', async () => {
    exh.db.addUser({ email: 'inactive@example.com', password: 'Old-password1', activation: false });
    exh.db.addUser({ email: 'oidc@example.com', password: 'Old-password1', oidc: true });
    const account = accountApi(exh.client());
    await expect(account.requestPasswordReset({ email: 'inactive@example.com' })).rejects.toBeInstanceOf(core.NotActivatedError);
    await expect(account.requestPasswordReset({ email: 'oidc@example.com' })).rejects.toBeInstanceOf(core.DisabledForOidcUsersError);
    mockWith({ pinCodes: false });
    await expect(account.requestPasswordReset({ email: demo.email, mode: 'pinCode' })).rejects.toBeInstanceOf(core.PinCodesNotEnabledError);
  });

  it('ForgotPasswordRequestTimeoutError (221) with retryAfter, ForgotPasswordRequestLimitError (220)', async () => {
    const { email } = activeUser();
    const account = accountApi(exh.client());
    await account.requestPasswordReset({ email, mode: 'pinCode' });
    const tooSoon = await failure(account.requestPasswordReset({ email, mode: 'pinCode' }));
    expect(tooSoon).toBeInstanceOf(core.ForgotPasswordRequestTimeoutError);
    expect((tooSoon as core.ForgotPasswordRequestTimeoutError).retryAfter).toBeGreaterThan(4 * MINUTE);
    exh.advance(5 * MINUTE);
    await account.requestPasswordReset({ email, mode: 'pinCode' });
    exh.advance(5 * MINUTE);
    await account.requestPasswordReset({ email, mode: 'pinCode' });
    exh.advance(5 * MINUTE);
    await expect(account.requestPasswordReset({ email, mode: 'pinCode' })).rejects.toBeInstanceOf(core.ForgotPasswordRequestLimitError);
  });

  it("a reset of the signed-in user ends the local session with SessionEndedByPasswordResetError", async () => {
    const { email, password } = activeUser();
    const client = await signedIn(email, password);
    const account = accountApi(client);
    await account.requestPasswordReset({ email });
    await account.resetPassword({ hash: exh.db.lastMail(email, 'reset')!.hash!, newPassword: 'New-password2' });
    const state = client.getState();
    expect(state).toMatchObject({ status: 'unauthenticated', session: null });
    expect(state.error).toBeInstanceOf(SessionEndedByPasswordResetError);
    expect(state.error).toBeInstanceOf(OAuthTokenError);
    expect(state.error).toMatchObject({
      code: 108,
      name: 'SessionEndedByPasswordResetError',
      message: 'The password was reset: sign in with the new password',
    });
  });

  it('a reset of the signed-in user ends the session in one change, never passing through a plain revoked state', async () => {
    const { email, password } = activeUser();
    const client = await signedIn(email, password);
    const account = accountApi(client);
    await account.requestPasswordReset({ email });
    const seen: unknown[] = [];
    client.subscribe(() => seen.push(client.getState().error));
    await account.resetPassword({ hash: exh.db.lastMail(email, 'reset')!.hash!, newPassword: 'New-password2' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(SessionEndedByPasswordResetError);
  });

  it('a reset of another user keeps the session, and the check does not end it', async () => {
    const other = activeUser();
    const client = await signedIn();
    const account = accountApi(client);
    await account.requestPasswordReset({ email: other.email });
    await account.resetPassword({ hash: exh.db.lastMail(other.email, 'reset')!.hash!, newPassword: 'New-password2' });
    expect(client.getState()).toMatchObject({ status: 'authenticated', error: null });
  });

  it('signed out, a reset asks nothing more than the reset', async () => {
    const { email } = activeUser();
    const client = exh.client();
    const account = accountApi(client);
    await account.requestPasswordReset({ email });
    exh.db.resetRequests();
    await account.resetPassword({ hash: exh.db.lastMail(email, 'reset')!.hash!, newPassword: 'New-password2' });
    expect(exh.db.requests).toMatchObject([{ method: 'POST', path: '/users/v1/forgot_password', status: 200 }]);
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', error: null });
  });

  it('a hash reset with an email field left undefined resolves', async () => {
    const { email } = activeUser();
    const account = accountApi(exh.client());
    await account.requestPasswordReset({ email });
    const input = { hash: exh.db.lastMail(email, 'reset')!.hash!, email: undefined, newPassword: 'New-password2' };
    await expect(account.resetPassword(input)).resolves.toBeUndefined();
  });

  it('when the check of the session fails otherwise, the session stays', async () => {
    const { email } = activeUser();
    const client = await signedIn();
    const account = accountApi(client);
    await account.requestPasswordReset({ email });
    exh.server.use(http.get(`${host}/users/v1/me`, () => new HttpResponse(null, { status: 500 })));
    await account.resetPassword({ hash: exh.db.lastMail(email, 'reset')!.hash!, newPassword: 'New-password2' });
    expect(client.getState()).toMatchObject({ status: 'authenticated', error: null });
  });

  it('signed out by the user while the session is checked: no reset reason', async () => {
    const { email } = activeUser();
    const client = await signedIn();
    const account = accountApi(client);
    await account.requestPasswordReset({ email });
    exh.server.use(
      http.get(`${host}/users/v1/me`, () => {
        void client.logout({ revoke: false });
        return new HttpResponse(null, { status: 500 });
      }),
    );
    await account.resetPassword({ hash: exh.db.lastMail(email, 'reset')!.hash!, newPassword: 'New-password2' });
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', error: null });
  });

  it("a reset of another user keeps the session", async () => {
    const { email } = activeUser();
    const client = await signedIn();
    const account = accountApi(client);
    await account.requestPasswordReset({ email });
    await account.resetPassword({ hash: exh.db.lastMail(email, 'reset')!.hash!, newPassword: 'New-password2' });
    expect(client.getState()).toMatchObject({ status: 'authenticated', error: null });
  });
});

describe('change password and update profile (signed in)', () => {
  it('changePassword: the new password signs in; PasswordError (208) for a wrong current one', async () => {
    const { email, password } = activeUser();
    const account = accountApi(await signedIn(email, password));
    await expect(account.changePassword({ oldPassword: 'wrong', newPassword: 'New-password2' })).rejects.toBeInstanceOf(core.PasswordError);
    await expect(account.changePassword({ oldPassword: password, newPassword: 'weak' })).rejects.toBeInstanceOf(core.FieldFormatError);
    await account.changePassword({ oldPassword: password, newPassword: 'New-password2' });
    await expect(exh.client().authenticate({ email, password: 'New-password2' })).resolves.toBeTruthy();
  });

  it('changePassword reads the status only (an empty 200 is a success)', async () => {
    const account = accountApi(await signedIn());
    exh.db.failNext(1, { status: 200 }, { method: 'PUT', path: '/users/v1/password' });
    await expect(account.changePassword({ oldPassword: demo.password, newPassword: 'New-password2' })).resolves.toBeUndefined();
  });

  it('updateProfile PUTs the signed-in user snake_case and answers camelCase', async () => {
    const client = await signedIn();
    const user = await accountApi(client).updateProfile({ firstName: 'Renamed', timeZone: 'Europe/Paris' });
    expect(user).toMatchObject({ id: client.getSession()!.userId, firstName: 'Renamed', timeZone: 'Europe/Paris', lastName: 'User' });
    expect(exh.db.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/users/v1/${client.getSession()!.userId}`, status: 200 });
  });

  it('signed out: UserNotAuthenticatedError without a request', async () => {
    const account = accountApi(exh.client());
    exh.db.resetRequests();
    await expect(account.changePassword({ oldPassword: 'a', newPassword: 'b' })).rejects.toBeInstanceOf(UserNotAuthenticatedError);
    await expect(account.updateProfile({ firstName: 'x' })).rejects.toBeInstanceOf(UserNotAuthenticatedError);
    expect(exh.db.requests).toHaveLength(0);
  });
});

describe('the rest of the account error table', () => {
  it.each([
    [10, 'NoPermissionError'],
    [26, 'IllegalArgumentError'],
  ] as const)('code %i → %s', async (code, className) => {
    const client = await signedIn();
    exh.server.use(http.put(`${host}/users/v1/:id`, () => HttpResponse.json({ code, name: 'X', message: 'no' }, { status: 400 })));
    const error = await failure(accountApi(client).updateProfile({ firstName: 'x' }));
    expect(error).toBeInstanceOf(core[className]);
    expect(error).toMatchObject({ code, name: className, status: 400 });
  });
});

describe('retryAfter of a mail asked for too soon', () => {
  it('counts from the mail this client had sent, per flow: the registration mail, then a resend', async () => {
    const later = sharedClock();
    const account = accountApi(exh.client());
    await account.register(newUser);
    later(MINUTE);
    const tooSoon = await failure(account.requestActivation({ email: newUser.email }));
    expect(tooSoon).toMatchObject({ code: 223, retryAfter: 4 * MINUTE });
    later(4 * MINUTE);
    await account.requestActivation({ email: newUser.email });
    later(3 * MINUTE);
    expect(await failure(account.requestActivation({ email: newUser.email }))).toMatchObject({ code: 223, retryAfter: 2 * MINUTE });
  });

  it('is the documented 5 minutes for a mail this client did not send, whatever other address or flow it mailed', async () => {
    const later = sharedClock();
    const account = accountApi(exh.client());
    // Addresses differ after case folding only by ß/ss: the service keeps them apart, so must the client.
    await account.register({ ...newUser, email: 'strasse@example.com' });
    await accountApi(exh.client()).register({ ...newUser, email: 'STRAßE@example.com' });
    later(MINUTE);
    expect(await failure(account.requestActivation({ email: 'straße@example.com' }))).toMatchObject({ code: 223, retryAfter: 5 * MINUTE });
    // A manual account got no mail: the mail another client asked for afterwards is the one that counts.
    await account.register({ ...newUser, email: 'manual@example.com', activationMode: 'manual' });
    later(MINUTE);
    await accountApi(exh.client()).requestActivation({ email: 'manual@example.com' });
    later(MINUTE);
    expect(await failure(account.requestActivation({ email: 'manual@example.com' }))).toMatchObject({ code: 223, retryAfter: 5 * MINUTE });
  });

  it('after a completed reset, the next wait is not counted from the mail of that reset', async () => {
    const later = sharedClock();
    const { email } = activeUser();
    const account = accountApi(exh.client());
    await account.requestPasswordReset({ email, mode: 'pinCode' });
    await account.resetPassword({ email, pinCode: exh.db.lastMail(email, 'reset')!.pinCode!, newPassword: 'New-password2' });
    later(MINUTE);
    // The user asks again on another device, then here.
    await accountApi(exh.client()).requestPasswordReset({ email });
    later(MINUTE);
    expect(await failure(account.requestPasswordReset({ email }))).toMatchObject({ code: 221, retryAfter: 5 * MINUTE });
  });

  it('only the two "too soon" errors get a retryAfter', async () => {
    const error = await failure(accountApi(exh.client()).requestActivation({ email: 'nobody@example.com' }));
    expect(error).toBeInstanceOf(core.EmailUnknownError);
    expect(error).not.toHaveProperty('retryAfter');
  });

  it('a mail request is sent once: not again after a gateway error, nor after a "too soon"', async () => {
    const { email } = activeUser();
    const account = accountApi(exh.client());
    exh.db.failNext(1, { status: 503 }, { method: 'GET', path: '/users/v1/forgot_password' });
    expect(await failure(account.requestPasswordReset({ email }))).toMatchObject({ status: 503 });
    expect(exh.db.count('GET', '/users/v1/forgot_password')).toBe(1);
    await account.requestPasswordReset({ email });
    await expect(account.requestPasswordReset({ email })).rejects.toBeInstanceOf(core.ForgotPasswordRequestTimeoutError);
    expect(exh.db.count('GET', '/users/v1/forgot_password')).toBe(3);
  });
});

describe('checkPassword edges', () => {
  it('the maximum length is allowed, one more is not; a class the policy does not require is not listed', () => {
    const policy = { minimumLength: 2, maximumLength: 4, upperCaseRequired: false, lowerCaseRequired: true, symbolRequired: false, numberRequired: false };
    expect(checkPassword(policy, 'abcd')).toEqual({
      ok: true,
      rules: [
        { rule: 'minimumLength', met: true, length: 2 },
        { rule: 'maximumLength', met: true, length: 4 },
        { rule: 'lowerCase', met: true },
      ],
    });
    expect(checkPassword(policy, 'abcde').rules[1]).toEqual({ rule: 'maximumLength', met: false, length: 4 });
    expect(checkPassword(policy, 'abcde').ok).toBe(false);
  });
});

describe('how the account calls are sent', () => {
  it('accountApi answers one API per client', () => {
    const client = exh.client();
    expect(accountApi(client)).toBe(accountApi(client));
    expect(accountApi(exh.client())).not.toBe(accountApi(client));
  });

  it('an answer that is not JSON is an ExhError with the status', async () => {
    exh.db.failNext(1, { status: 200, body: '<html>maintenance</html>' }, { path: '/users/v1/password_policy' });
    const error = await failure(accountApi(exh.client()).passwordPolicy());
    expect(error).toBeInstanceOf(ExhError);
    expect(error).toMatchObject({ status: 200, message: 'The ExH service answered 200 with a body that is not JSON' });
  });

  it('the consumer calls do not carry the session: a token revoked elsewhere neither fails them nor ends the session', async () => {
    const client = await signedIn();
    exh.db.revokeToken(client.getSession()!.tokenId);
    await expect(accountApi(client).isEmailAvailable('free@example.com')).resolves.toBe(true);
    expect(client.getState().status).toBe('authenticated');
  });

  it('signed out, a user call is UserNotAuthenticatedError 104', async () => {
    const error = await failure(accountApi(exh.client()).updateProfile({ firstName: 'x' }));
    expect(error).toBeInstanceOf(UserNotAuthenticatedError);
    expect(error).toMatchObject({ code: 104, message: 'Not signed in' });
  });

  it('a user call is sent as the user signed in when it was made, even if signed out right after', async () => {
    const client = await signedIn();
    const update = accountApi(client).updateProfile({ firstName: 'Saved' });
    void client.logout({ revoke: false });
    await expect(update).resolves.toMatchObject({ firstName: 'Saved' });
  });
});
