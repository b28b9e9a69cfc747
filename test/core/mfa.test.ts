/** The core client's MFA API against the mock auth service: the presence token's life, settings, every write. */
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  ExhError,
  InvalidMfaCodeError,
  InvalidPresenceTokenError,
  MfaRequiredError,
  mfaApi,
  NotEnoughMfaMethodsError,
  UserNotAuthenticatedError,
  type ExhClient,
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

/** An answer the test lets through when it wants: the request is under way until then. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('presence token edges', () => {
  it('tells its listeners only when it changes, and not after they unsubscribe', async () => {
    const api = mfaApi(await signedIn());
    const listener = vi.fn();
    const stop = api.subscribePresence(listener);
    api.forgetPresence(); // nothing kept: nothing changes
    expect(listener).not.toHaveBeenCalled();
    await api.confirmPresence(demo.password);
    api.forgetPresence();
    api.forgetPresence();
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    await api.confirmPresence(demo.password);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('is dropped, and its listeners told, exactly at the margin before its expiry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const api = mfaApi(await signedIn());
      const listener = vi.fn();
      api.subscribePresence(listener);
      const { expiresAt } = await api.confirmPresence(demo.password);
      const start = Date.now();
      vi.setSystemTime(expiresAt - 10_000); // the clock alone, before the timer runs
      expect(api.presence()).toBeNull();
      vi.setSystemTime(start);
      vi.advanceTimersByTime(expiresAt - 10_000 - Date.now() - 1);
      expect(api.presence()).not.toBeNull();
      expect(listener).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1);
      expect(api.presence()).toBeNull();
      expect(listener).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a listener of the client that reads it during a logout already finds none", async () => {
    const client = await signedIn();
    const api = mfaApi(client);
    const seen: unknown[] = [];
    // Subscribed before the token is kept, so it hears the logout before the MFA API does.
    client.subscribe(() => seen.push(api.presence()));
    await api.confirmPresence(demo.password);
    await client.logout();
    expect(seen).toEqual([null]);
  });

  it('signed out, a call is UserNotAuthenticatedError 104 with a message', async () => {
    const error = await failure(mfaApi(exh.client()).settings());
    expect(error).toBeInstanceOf(UserNotAuthenticatedError);
    expect(error).toMatchObject({ code: 104, message: 'Not signed in' });
  });

  it('a write without a token says to confirm the password first', async () => {
    const error = await failure(mfaApi(await signedIn()).disable());
    expect(error.message).toBe('Confirm your password first (no valid presence token)');
  });

  it('a settings read is sent as the user signed in when it was made, even if signed out right after', async () => {
    const client = await signedIn();
    const read = mfaApi(client).settings();
    void client.logout({ revoke: false });
    await expect(read).resolves.toMatchObject({ enabled: false });
  });

  it('an answer that is not JSON is an ExhError with the status', async () => {
    const api = mfaApi(await signedIn());
    exh.server.use(http.get(`${host}/auth/v2/mfa/users/:userId`, () => new HttpResponse('<html>', { status: 200 })));
    const error = await failure(api.settings());
    expect(error).toBeInstanceOf(ExhError);
    expect(error).toMatchObject({ status: 200, message: 'The ExH service answered 200 with a body that is not JSON' });
  });

  it('a write is not sent again after a gateway error', async () => {
    const api = mfaApi(await signedIn());
    await api.confirmPresence(demo.password);
    exh.db.failNext(1, { status: 503 }, { method: 'POST' });
    expect(await failure(api.enable())).toMatchObject({ status: 503 });
    expect(writes()).toBe(1);
  });

  it("a settings read is retried as the client retries a GET: once after a gateway error, not twice", async () => {
    const api = mfaApi(await signedIn());
    const reads = () => exh.db.requests.filter((r) => r.path.startsWith('/auth/v2/mfa/users/') && r.method === 'GET').length;
    exh.db.failNext(1, { status: 502 }, { method: 'GET' });
    await expect(api.settings()).resolves.toMatchObject({ enabled: false });
    expect(reads()).toBe(2);
    exh.db.failNext(2, { status: 502 }, { method: 'GET' });
    expect(await failure(api.settings())).toMatchObject({ status: 502 });
    expect(reads()).toBe(4);
  });

  it.each([
    ['no token', { expiryTimestamp: Date.now() + 60_000 }],
    ['no expiry', { token: 'abc' }],
    ['neither', {}],
    ['an empty body', undefined],
  ])('a presence answer with %s is an ExhError and keeps nothing', async (_, body) => {
    const api = mfaApi(await signedIn());
    exh.server.use(
      http.post(`${host}/auth/v2/confirmPresence`, () => (body === undefined ? new HttpResponse(null, { status: 200 }) : HttpResponse.json(body))),
    );
    const error = await failure(api.confirmPresence(demo.password));
    expect(error).toBeInstanceOf(ExhError);
    expect(error.message).toBe('The ExH service answered a presence token without a token or expiry');
    expect(api.presence()).toBeNull();
  });

  it('without a creation time, the token expires when the service says', async () => {
    const api = mfaApi(await signedIn());
    const expiryTimestamp = Date.now() + 5 * 60_000;
    exh.server.use(http.post(`${host}/auth/v2/confirmPresence`, () => HttpResponse.json({ token: 'abc', expiryTimestamp })));
    expect(await api.confirmPresence(demo.password)).toEqual({ token: 'abc', expiresAt: expiryTimestamp });
    expect(api.presence()).toEqual({ token: 'abc', expiresAt: expiryTimestamp });
  });

  it('a token that arrives after a logout is returned but not kept, and nobody is told', async () => {
    const client = await signedIn();
    const api = mfaApi(client);
    const listener = vi.fn();
    api.subscribePresence(listener);
    const answer = gate();
    exh.server.use(
      http.post(`${host}/auth/v2/confirmPresence`, async () => {
        await answer.opened;
        return HttpResponse.json({ token: 'late', expiryTimestamp: Date.now() + 60_000 });
      }),
    );
    const confirming = api.confirmPresence(demo.password);
    await client.logout({ revoke: false });
    answer.open();
    await expect(confirming).resolves.toMatchObject({ token: 'late' });
    expect(listener).not.toHaveBeenCalled();
    expect(api.presence()).toBeNull();
  });

  it('a 132 for a write begun with an older token keeps the token confirmed meanwhile', async () => {
    const api = mfaApi(await signedIn());
    await api.confirmPresence(demo.password);
    const answer = gate();
    exh.server.use(
      http.post(`${host}/auth/v2/mfa/users/:userId/enable`, async () => {
        await answer.opened;
        return HttpResponse.json({ code: 132, name: 'INVALID_PRESENCE_TOKEN_EXCEPTION', message: 'expired' }, { status: 400 });
      }),
    );
    const enabling = api.enable();
    const fresh = await api.confirmPresence(demo.password);
    answer.open();
    expect(await failure(enabling)).toBeInstanceOf(InvalidPresenceTokenError);
    expect(api.presence()).toEqual(fresh);
  });

  it('a 132 for a write whose token was forgotten meanwhile is still the InvalidPresenceTokenError', async () => {
    const api = mfaApi(await signedIn());
    await api.confirmPresence(demo.password);
    const answer = gate();
    exh.server.use(
      http.post(`${host}/auth/v2/mfa/users/:userId/enable`, async () => {
        await answer.opened;
        return HttpResponse.json({ code: 132, name: 'INVALID_PRESENCE_TOKEN_EXCEPTION', message: 'expired' }, { status: 400 });
      }),
    );
    const enabling = api.enable();
    api.forgetPresence();
    answer.open();
    expect(await failure(enabling)).toBeInstanceOf(InvalidPresenceTokenError);
  });
});
