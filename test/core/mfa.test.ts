/** The core client's MFA API against the mock auth service: the presence token's life, settings, every write. */
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  InvalidMfaCodeError,
  InvalidPresenceTokenError,
  MfaRequiredError,
  mfaApi,
  NotEnoughMfaMethodsError,
  UserNotAuthenticatedError,
  type ExhClient,
  type ExhError,
  type NewMfaMethod,
} from '../../src/core';
import { totp } from '../../src/msw';
import { demo, host, setupMockExh } from '../helpers';

const exh = setupMockExh();
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('resolved'), (error: unknown) => error as ExhError);

async function signedIn(): Promise<ExhClient> {
  const client = exh.client();
  await client.authenticate({ email: demo.email, password: demo.password });
  return client;
}

const writes = () => exh.db.requests.filter((r) => r.path.startsWith('/auth/v2/mfa/') && r.method === 'POST').length;

describe('presence token', () => {
  it('is asked with the password, kept for this session and handed to every write without asking again', async () => {
    const client = await signedIn();
    const api = mfaApi(client);
    expect(api.presence()).toBeNull();
    const token = await api.confirmPresence(demo.password);
    expect(token).toEqual({ token: expect.any(String), expiresAt: expect.any(Number) });
    expect(token.expiresAt).toBeGreaterThan(Date.now());
    expect(api.presence()).toEqual(token);
    // The same object while nothing changes (a stable snapshot for React).
    expect(api.presence()).toBe(api.presence());
    await api.addMethod({ type: 'recoveryCodes' });
    await api.addMethod({ type: 'totp', name: 'Phone' });
    expect(exh.db.count('POST', '/auth/v2/confirmPresence')).toBe(1);
    expect(mfaApi(client)).toBe(api);
  });

  it('a wrong password is an AuthenticationError (106) and keeps no token', async () => {
    const api = mfaApi(await signedIn());
    const error = await failure(api.confirmPresence('wrong'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(api.presence()).toBeNull();
  });

  it('a write without a valid token fails with 132 before any request', async () => {
    const api = mfaApi(await signedIn());
    const error = await failure(api.enable());
    expect(error).toBeInstanceOf(InvalidPresenceTokenError);
    expect(error.code).toBe(132);
    expect(writes()).toBe(0);
  });

  it('needs a signed-in user', async () => {
    const api = mfaApi(exh.client());
    expect(await failure(api.confirmPresence('x'))).toBeInstanceOf(UserNotAuthenticatedError);
    expect(await failure(api.settings())).toBeInstanceOf(UserNotAuthenticatedError);
    expect(exh.db.requests).toHaveLength(0);
  });

  it('expires shortly before the service says, and tells its listeners', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const api = mfaApi(await signedIn());
      const listener = vi.fn();
      const stop = api.subscribePresence(listener);
      const { expiresAt } = await api.confirmPresence(demo.password);
      expect(listener).toHaveBeenCalledTimes(1);
      vi.setSystemTime(expiresAt - 11_000);
      expect(api.presence()).not.toBeNull();
      vi.setSystemTime(expiresAt - 9_000);
      // Too close to expiry to start a write with it.
      expect(api.presence()).toBeNull();
      vi.advanceTimersByTime(expiresAt);
      expect(listener).toHaveBeenCalledTimes(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a 132 answer drops the token, so the next write asks for the password again', async () => {
    const api = mfaApi(await signedIn());
    await api.confirmPresence(demo.password);
    exh.db.failNext(1, { status: 400, body: { code: 132, name: 'INVALID_PRESENCE_TOKEN_EXCEPTION', message: 'expired' } });
    expect(await failure(api.enable())).toBeInstanceOf(InvalidPresenceTokenError);
    expect(api.presence()).toBeNull();
  });

  it('is gone when the session changes, and one listener throwing does not stop the others', async () => {
    const client = await signedIn();
    const api = mfaApi(client);
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const after = vi.fn();
    api.subscribePresence(() => {
      throw new Error('listener bug');
    });
    api.subscribePresence(after);
    await api.confirmPresence(demo.password);
    await client.logout();
    expect(api.presence()).toBeNull();
    expect(after).toHaveBeenCalledTimes(2);
    expect(reportError).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener bug' }));
    vi.unstubAllGlobals();
    // Signed in again: a new session, no token from the old one.
    await client.authenticate({ email: demo.email, password: demo.password });
    expect(api.presence()).toBeNull();
  });

  it("counts its lifetime on this device's clock: a service clock an hour behind does not expire it on arrival", async () => {
    const api = mfaApi(await signedIn());
    exh.advance(-60 * 60_000); // the service's clock an hour behind this device's
    const { expiresAt } = await api.confirmPresence(demo.password);
    expect(expiresAt).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(api.presence()).not.toBeNull();
    await api.addMethod({ type: 'recoveryCodes' });
  });

  it('forgetPresence drops it', async () => {
    const api = mfaApi(await signedIn());
    await api.confirmPresence(demo.password);
    api.forgetPresence();
    expect(api.presence()).toBeNull();
  });
});

describe('MFA settings and writes', () => {
  it("a verification reads only the answer's status, whatever its body", async () => {
    const api = mfaApi(await signedIn());
    await api.confirmPresence(demo.password);
    exh.server.use(http.post(`${host}/auth/v2/mfa/users/:userId/methods/:methodId/verification/confirm`, () => new HttpResponse('OK', { status: 200 })));
    await expect(api.verifyMethod('some-method', '123456')).resolves.toBeUndefined();
  });

  it('sets MFA up as PROTOCOL.md says, and sign-in then asks for it', async () => {
    const client = await signedIn();
    const api = mfaApi(client);
    const before = await api.settings();
    expect(before).toMatchObject({ enabled: false, methods: [] });

    await api.confirmPresence(demo.password);
    const codes = (await api.addMethod({ type: 'recoveryCodes' })) as Extract<NewMfaMethod, { type: 'recoveryCodes' }>;
    expect(codes.codes.length).toBeGreaterThan(0);
    const method = (await api.addMethod({ type: 'totp', name: 'Phone' })) as Extract<NewMfaMethod, { type: 'totp' }>;
    expect(method).toMatchObject({ type: 'totp', name: 'Phone', verified: false, secret: expect.stringMatching(/^[\da-f]{40}$/i) });

    const settings = await api.settings();
    // The auth service's ISO times arrive as epoch ms; no secret or code is ever listed.
    for (const listed of settings.methods) {
      expect(listed).not.toHaveProperty('secret');
      expect(listed).not.toHaveProperty('codes');
      if (listed.creationTimestamp !== undefined) expect(typeof listed.creationTimestamp).toBe('number');
    }
    expect(JSON.stringify(settings)).not.toContain(method.secret);
  });

  it('verifies the TOTP method with a current code, enables, and the password grant then asks for MFA', async () => {
    const client = await signedIn();
    const api = mfaApi(client);
    await api.confirmPresence(demo.password);
    const method = (await api.addMethod({ type: 'totp' })) as Extract<NewMfaMethod, { type: 'totp' }>;
    expect(await failure(api.enable())).toBeInstanceOf(NotEnoughMfaMethodsError);
    expect(await failure(api.verifyMethod(method.id, '000000'))).toBeInstanceOf(InvalidMfaCodeError);
    exh.advance(30_000); // past the re-attempt wait of the wrong code
    await api.verifyMethod(method.id, await totp(method.secret, exh.now()));
    await api.enable();
    expect(await api.settings()).toMatchObject({ enabled: true, methods: [{ id: method.id, verified: true }] });
    // 133: the last verified method stays while MFA is on.
    expect(await failure(api.removeMethod(method.id))).toBeInstanceOf(NotEnoughMfaMethodsError);

    const other = exh.client();
    const challenge = await failure(other.authenticate({ email: demo.email, password: demo.password }));
    expect(challenge).toBeInstanceOf(MfaRequiredError);
    await other.confirmMfa({ methodId: method.id, code: await totp(method.secret, exh.now()) });
    expect(other.getState().status).toBe('authenticated');

    await api.disable();
    await api.removeMethod(method.id);
    expect(await api.settings()).toMatchObject({ enabled: false, methods: [] });
    const third = exh.client();
    await third.authenticate({ email: demo.email, password: demo.password });
    expect(third.getState().status).toBe('authenticated');
  });
});
