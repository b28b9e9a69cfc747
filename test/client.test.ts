import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ExhError,
  InvalidMfaCodeError,
  InvalidMfaTokenError,
  MfaReattemptDelayError,
  MfaRequiredError,
  NetworkError,
  OAuthSignatureError,
  OAuthTokenError,
  ResourceUnknownError,
  UserNotAuthenticatedError,
  createExhClient,
  type StorageAdapter,
} from '../src/core';
import { createMockExh, totp } from '../src/msw';
import { consumerKey, consumerSecret, demo, host, mfaUser, setupMockExh } from './helpers';

const exh = setupMockExh();

async function mfaChallenge(client = exh.client()) {
  const error = await client.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MfaRequiredError);
  return { client, error: error as MfaRequiredError };
}

describe('password grant', () => {
  it('signs in and keeps the session', async () => {
    const client = exh.client();
    const session = await client.authenticate({ email: demo.email, password: demo.password });
    expect(session).toMatchObject({ userId: expect.any(String), token: expect.any(String), tokenSecret: expect.any(String) });
    expect(client.getSession()).toEqual(session);
    expect(client.getState().status).toBe('authenticated');
    expect(exh.db.tokensOf(demo.email).map((t) => t.id)).toContain(session.tokenId);
    expect(await client.me()).toMatchObject({ email: demo.email });
  });

  it('throws AuthenticationError for a wrong password and stays signed out', async () => {
    const client = exh.client();
    const error = await client.authenticate({ email: demo.email, password: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 106, name: 'AuthenticationError' });
    expect(client.getState().status).toBe('unauthenticated');
  });

  it('throws MfaRequiredError with the challenge and moves to mfaRequired', async () => {
    const { client, error } = await mfaChallenge();
    expect(error.mfa.methods.map((m) => m.type)).toEqual(['totp', 'recoveryCodes']);
    expect(error.mfa.tokenExpiresIn).toBeGreaterThan(0);
    expect(client.getState()).toMatchObject({ status: 'mfaRequired', mfa: { token: error.mfa.token } });
  });
});

describe('MFA grant', () => {
  it('signs in with a TOTP code, defaulting to the pending challenge', async () => {
    const { client, error } = await mfaChallenge();
    const totpMethod = error.mfa.methods.find((m) => m.type === 'totp')!;
    const session = await client.confirmMfa({ methodId: totpMethod.id, code: await totp(mfaUser.mfa!.totpSecret, exh.now()) });
    expect(client.getState()).toMatchObject({ status: 'authenticated', session: { tokenId: session.tokenId }, mfa: null });
    expect(client.getSession()).toEqual(session);
  });

  it('takes a recovery code once', async () => {
    const code = mfaUser.mfa!.recoveryCodes[0]!;
    const first = await mfaChallenge();
    const recovery = first.error.mfa.methods.find((m) => m.type === 'recoveryCodes')!;
    await first.client.confirmMfa({ methodId: recovery.id, code });
    const second = await mfaChallenge();
    await expect(second.client.confirmMfa({ methodId: recovery.id, code })).rejects.toBeInstanceOf(InvalidMfaCodeError);
    expect(second.client.getState().status).toBe('mfaRequired');
  });

  it('answers a retry within the back-off with MfaReattemptDelayError', async () => {
    const { client, error } = await mfaChallenge();
    const methodId = error.mfa.methods[0]!.id;
    await expect(client.confirmMfa({ methodId, code: '000000' })).rejects.toBeInstanceOf(InvalidMfaCodeError);
    const delayed = await client.confirmMfa({ methodId, code: '000000' }).catch((e: unknown) => e);
    expect(delayed).toBeInstanceOf(MfaReattemptDelayError);
    expect((delayed as MfaReattemptDelayError).remainingDelay).toBeGreaterThan(0);
  });

  it('ends the challenge on 131 with the reason in the state', async () => {
    const { client, error } = await mfaChallenge();
    exh.advance(error.mfa.tokenExpiresIn + 1000);
    const code = await totp(mfaUser.mfa!.totpSecret, exh.now());
    await expect(client.confirmMfa({ methodId: error.mfa.methods[0]!.id, code })).rejects.toBeInstanceOf(InvalidMfaTokenError);
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', mfa: null, error: { code: 131 } });
  });

  it('fails without a pending challenge', async () => {
    await expect(exh.client().confirmMfa({ methodId: 'x', code: '123456' })).rejects.toBeInstanceOf(InvalidMfaTokenError);
  });
});

describe('SSO tokens', () => {
  it('generates a single-use token that signs in a second client', async () => {
    const first = exh.client();
    await first.authenticate({ email: demo.email, password: demo.password });
    const sso = await first.generateSsoToken();
    expect(sso).toMatchObject({ ssoToken: expect.any(String), userId: first.getSession()!.userId });
    const second = exh.client();
    const session = await second.consumeSsoToken(sso.ssoToken);
    expect(session.userId).toBe(first.getSession()!.userId);
    const third = exh.client();
    await expect(third.consumeSsoToken(sso.ssoToken)).rejects.toBeInstanceOf(ResourceUnknownError);
    expect(third.getState()).toMatchObject({ status: 'unauthenticated', error: { code: 16 } });
  });

  it('needs a session to generate one', async () => {
    await expect(exh.client().generateSsoToken()).rejects.toMatchObject({ code: 104 });
  });
});

describe('tokens', () => {
  it('lists with an RQL string and revokes', async () => {
    const client = exh.client();
    await client.authenticate({ email: demo.email, password: demo.password });
    await exh.client().authenticate({ email: demo.email, password: demo.password });
    const all = await client.tokens.find();
    expect(all.data).toHaveLength(2);
    const page = await client.tokens.find({ rql: '?limit(1,0)' });
    expect(page.data).toHaveLength(1);
    expect(page.page).toMatchObject({ total: 2, limit: 1, offset: 0 });
    const other = all.data.find((t) => t.id !== client.getSession()!.tokenId)!;
    expect(await client.tokens.remove(other.id)).toEqual({ affectedRecords: 1 });
    expect((await client.tokens.find()).data.map((t) => t.id)).toEqual([client.getSession()!.tokenId]);
  });

  it('signs out when the current token is revoked', async () => {
    const client = exh.client();
    const session = await client.authenticate({ email: demo.email, password: demo.password });
    await client.tokens.remove(session.tokenId);
    expect(client.getState().status).toBe('unauthenticated');
  });

  it('clears the session when a call answers 108 (revoked elsewhere)', async () => {
    const client = exh.client();
    const session = await client.authenticate({ email: demo.email, password: demo.password });
    exh.db.revokeToken(session.tokenId);
    await expect(client.me()).rejects.toBeInstanceOf(OAuthTokenError);
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', session: null, error: { code: 108 } });
  });
});

describe('logout', () => {
  it('revokes the token on the server and clears the session', async () => {
    const client = exh.client();
    const session = await client.authenticate({ email: demo.email, password: demo.password });
    expect(await client.logout()).toEqual({ revoked: true });
    expect(client.getSession()).toBeNull();
    expect(exh.db.tokensOf(demo.email).map((t) => t.id)).not.toContain(session.tokenId);
  });

  it('clears the local session also offline', async () => {
    const client = exh.client();
    await client.authenticate({ email: demo.email, password: demo.password });
    exh.server.use(http.all(`${host}/*`, () => HttpResponse.error()));
    expect(await client.logout()).toEqual({ revoked: false });
    expect(client.getState().status).toBe('unauthenticated');
  });

  it('keeps the token on the server with revoke: false', async () => {
    const client = exh.client();
    const session = await client.authenticate({ email: demo.email, password: demo.password });
    await client.logout({ revoke: false });
    expect(exh.db.tokensOf(demo.email).map((t) => t.id)).toContain(session.tokenId);
  });
});

describe('http', () => {
  it('signs any other call with the current session', async () => {
    const client = exh.client();
    await client.authenticate({ email: demo.email, password: demo.password });
    const me = await client.http.get('users/v1/me', { searchParams: { q: 'a b&c', 'x[]': 'é' } }).json();
    expect(me).toMatchObject({ email: demo.email });
  });

  it('throws typed errors, a NetworkError without an answer, and ExhError for non-JSON answers', async () => {
    const client = exh.client();
    await expect(client.http.get('users/v1/me')).rejects.toBeInstanceOf(UserNotAuthenticatedError);
    exh.server.use(http.get(`${host}/users/v1/me`, () => HttpResponse.error()));
    await expect(client.http.get('users/v1/me')).rejects.toBeInstanceOf(NetworkError);
    exh.server.use(http.get(`${host}/users/v1/me`, () => new HttpResponse('<html>bad gateway</html>', { status: 502 })));
    const error = await client.http.get('users/v1/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExhError);
    expect(error).toMatchObject({ status: 502, code: undefined });
  });

  it('turns a timeout into a NetworkError', async () => {
    const client = exh.client({ timeout: 50 });
    exh.server.use(http.get(`${host}/users/v1/me`, () => new Promise(() => undefined)));
    await expect(client.http.get('users/v1/me', { retry: 0 })).rejects.toBeInstanceOf(NetworkError);
  });

  it('never retries a POST', async () => {
    const client = exh.client();
    let calls = 0;
    exh.server.use(http.post(`${host}/auth/v2/oauth1/tokens`, () => (calls++, new HttpResponse(null, { status: 503 }))));
    await expect(client.authenticate({ email: demo.email, password: demo.password })).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);
  });
});

describe('storage', () => {
  function recordingStorage(initial: Record<string, string> = {}): StorageAdapter & { values: Map<string, string> } {
    const values = new Map(Object.entries(initial));
    return { values, get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v), remove: (k) => void values.delete(k) };
  }

  it('keeps the session under a namespaced key, and a new client picks it up', async () => {
    const storage = recordingStorage();
    const client = exh.client({ storage });
    const session = await client.authenticate({ email: demo.email, password: demo.password });
    expect([...storage.values.keys()]).toEqual([`exh-auth-react:${host}:test-consumer-key`]);
    expect(exh.client({ storage }).getSession()).toEqual(session);
    await client.logout();
    expect(storage.values.size).toBe(0);
  });

  it('honours storageKey', async () => {
    const storage = recordingStorage();
    await exh.client({ storage, storageKey: 'my-app' }).authenticate({ email: demo.email, password: demo.password });
    expect([...storage.values.keys()]).toEqual(['my-app']);
  });

  it.each(['{not json', '{"session":{"token":1}}', 'null', '[]', '"text"'])('treats a corrupt value %s as signed out', (raw) => {
    const storage = recordingStorage({ [`exh-auth-react:${host}:test-consumer-key`]: raw });
    expect(exh.client({ storage }).getState().status).toBe('unauthenticated');
  });

  it('falls back to memory where storage throws or does not exist', async () => {
    const throwing: StorageAdapter = {
      get: () => { throw new Error('denied'); },
      set: () => { throw new Error('denied'); },
      remove: () => { throw new Error('denied'); },
    };
    const client = exh.client({ storage: throwing });
    expect(client.getState().status).toBe('unauthenticated');
    await client.authenticate({ email: demo.email, password: demo.password });
    expect(client.getState().status).toBe('authenticated');
    // Node has no localStorage: 'local' falls back to memory.
    const local = exh.client({ storage: 'local' });
    await local.authenticate({ email: demo.email, password: demo.password });
    expect(local.getState().status).toBe('authenticated');
  });

  it('waits for asynchronous storage in the loading state', async () => {
    const sync = recordingStorage();
    const session = await exh.client({ storage: sync }).authenticate({ email: demo.email, password: demo.password });
    const asyncStorage: StorageAdapter = { get: async (k) => sync.get(k) as string | null, set: async () => undefined, remove: async () => undefined };
    const client = exh.client({ storage: asyncStorage });
    expect(client.getState().status).toBe('loading');
    await new Promise<void>((resolve) => client.subscribe(resolve));
    expect(client.getState().status).toBe('authenticated');
    expect(client.getSession()).toEqual(session);
  });
});

describe('answer formats: one shape for the app, camelCase with epoch-ms times', () => {
  it('me() camelizes the users service\'s snake_case user at every depth and leaves values alone', async () => {
    const client = exh.client();
    await client.authenticate({ email: demo.email, password: demo.password });
    const user = await client.me();
    expect(user).toEqual({
      id: demo.id,
      firstName: 'Demo',
      lastName: 'User',
      email: demo.email,
      phoneNumber: '+32470123456',
      language: 'EN',
      timeZone: 'Europe/Brussels',
      activation: true,
      roles: demo.roles,
      staffEnlistments: demo.staffEnlistments,
      patientEnlistments: demo.patientEnlistments,
      creationTimestamp: expect.any(Number),
      updateTimestamp: expect.any(Number),
    });
    expect(user.staffEnlistments![0]!.roles![0]!.permissions).toEqual(['VIEW_PATIENTS', 'VIEW_DOCUMENTS']);
    expect(user.roles![0]!.permissions![0]).toEqual({ name: 'VIEW_USER', description: 'See any user' });
  });

  it('reads the auth service\'s ISO-8601 times as epoch ms: the session, listed tokens, SSO tokens', async () => {
    const signedInAt = exh.now();
    const client = exh.client();
    const session = await client.authenticate({ email: demo.email, password: demo.password });
    expect(session.createdAt).toBe(signedInAt);
    exh.advance(5000);
    const { data } = await client.tokens.find();
    expect(data).toEqual([
      { id: session.tokenId, userId: session.userId, applicationId: session.applicationId, token: session.token, creationTimestamp: signedInAt, lastUsedTimestamp: signedInAt + 5000 },
    ]);
    const sso = await client.generateSsoToken();
    expect(sso).toMatchObject({ creationTimestamp: signedInAt + 5000, updateTimestamp: signedInAt + 5000, expiryTimestamp: signedInAt + 5000 + 5 * 60_000 });
  });

  it('also takes epoch-ms numbers, as older auth deployments send them, and still drops listed secrets', async () => {
    const client = exh.client();
    const session = await client.authenticate({ email: demo.email, password: demo.password });
    const listed = { id: 't1', userId: session.userId, applicationId: 'a', token: 'tk', tokenSecret: 'other-device-secret', lastUsedTimestamp: 1_632_784_002_261 };
    exh.db.failNext(1, { status: 200, body: { data: [listed], page: { total: 1, offset: 0, limit: 20 } } }, { method: 'GET' });
    expect((await client.tokens.find()).data).toEqual([{ id: 't1', userId: session.userId, applicationId: 'a', token: 'tk', lastUsedTimestamp: 1_632_784_002_261 }]);
  });
});

describe('host', () => {
  it.each(['127.0.0.1:8787', 'localhost:8787', 'api.example.com', '', 'ftp://api.example.com', '//api.example.com'])(
    'refuses %j at once, naming the host option and the expected form',
    (badHost) => {
      expect(() => createExhClient({ host: badHost, consumerKey, consumerSecret, storage: 'memory' })).toThrow(
        `exh-auth-react: host must be an absolute http(s) URL such as "https://api.dev.example.extrahorizon.io"; got ${JSON.stringify(badHost)}`,
      );
    },
  );

  it('takes http and https URLs, with or without a trailing slash', () => {
    expect(createExhClient({ host: 'http://localhost:8787/', consumerKey, consumerSecret, storage: 'memory' }).host).toBe('http://localhost:8787');
    expect(exh.client({ host: `${host}/` }).host).toBe(host);
  });
});

describe('clock skew', () => {
  it('re-signs once with the server time from a 109 answer and keeps the offset', async () => {
    exh.advance(60 * 60 * 1000); // the server's clock is an hour ahead of ours
    const client = exh.client();
    await client.authenticate({ email: demo.email, password: demo.password });
    expect(exh.db.count('POST', '/auth/v2/oauth1/tokens')).toBe(2);
    exh.db.resetRequests();
    await client.me();
    expect(exh.db.requests.map((r) => r.status)).toEqual([200]);
  });

  it('says the clock could not be checked when the answer\'s Date header is hidden', async () => {
    // A cross-origin service that does not expose Date, and a device clock an hour behind the service's.
    const hidden = createMockExh({ host, consumerKey, consumerSecret, now: () => exh.now(), dateHeader: false });
    exh.server.use(...hidden.handlers);
    exh.advance(60 * 60 * 1000);
    const error = await exh.client().authenticate({ email: demo.email, password: demo.password }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthSignatureError);
    expect(error).toMatchObject({ code: 109, clockUnknown: true });
    expect(hidden.db.count('POST', '/auth/v2/oauth1/tokens')).toBe(1); // nothing to correct the clock with: no re-sign
  });

  it('does not blame the clock when the Date header was read', async () => {
    const error = await exh.client({ consumerSecret: 'wrong' }).authenticate({ email: demo.email, password: demo.password }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthSignatureError);
    expect(error).toMatchObject({ code: 109, clockUnknown: false });
    exh.advance(60 * 60 * 1000);
    // Re-signed with the service's time, refused again: the secret is wrong, not the clock.
    expect(await exh.client({ consumerSecret: 'wrong' }).authenticate({ email: demo.email, password: demo.password }).catch((e: unknown) => e)).toMatchObject({
      code: 109,
      clockUnknown: false,
    });
  });

  it('fails a real bad signature once, without a loop', async () => {
    const client = exh.client({ consumerSecret: 'wrong' });
    await expect(client.authenticate({ email: demo.email, password: demo.password })).rejects.toMatchObject({ code: 109 });
    expect(exh.db.count('POST', '/auth/v2/oauth1/tokens')).toBe(1);
    exh.advance(60 * 60 * 1000);
    exh.db.resetRequests();
    await expect(client.authenticate({ email: demo.email, password: demo.password })).rejects.toMatchObject({ code: 109 });
    expect(exh.db.count('POST', '/auth/v2/oauth1/tokens')).toBe(2);
  });
});

describe('a scripted journey', () => {
  it('password, MFA with TOTP and a recovery code, tokens with RQL, revoke, SSO on a second client, logout', async () => {
    const web = exh.client();
    await web.authenticate({ email: demo.email, password: demo.password });
    expect(web.getState().status).toBe('authenticated');

    const phone = exh.client();
    const challenge = await phone.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch((e: MfaRequiredError) => e);
    const methodOf = (type: string) => (challenge as MfaRequiredError).mfa.methods.find((m) => m.type === type)!.id;
    await phone.confirmMfa({ methodId: methodOf('totp'), code: await totp(mfaUser.mfa!.totpSecret, exh.now()) });
    const tablet = exh.client();
    const code = mfaUser.mfa!.recoveryCodes[1]!;
    const second = (await tablet.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch((e: MfaRequiredError) => e)) as MfaRequiredError;
    await tablet.confirmMfa({ methodId: second.mfa.methods.find((m) => m.type === 'recoveryCodes')!.id, code });
    const third = exh.client();
    const again = (await third.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch((e: MfaRequiredError) => e)) as MfaRequiredError;
    await expect(third.confirmMfa({ methodId: again.mfa.methods.find((m) => m.type === 'recoveryCodes')!.id, code })).rejects.toBeInstanceOf(InvalidMfaCodeError);

    const page = await phone.tokens.find({ rql: 'limit(1,1)' });
    expect(page.page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    const { data } = await phone.tokens.find();
    const tabletToken = data.find((t) => t.id === tablet.getSession()!.tokenId)!;
    await phone.tokens.remove(tabletToken.id);
    await expect(tablet.me()).rejects.toBeInstanceOf(OAuthTokenError);
    expect(tablet.getState().status).toBe('unauthenticated');

    const { ssoToken } = await phone.generateSsoToken();
    const laptop = exh.client();
    await laptop.consumeSsoToken(ssoToken);
    expect((await laptop.me()).email).toBe(mfaUser.email);
    await expect(exh.client().consumeSsoToken(ssoToken)).rejects.toBeInstanceOf(ResourceUnknownError);

    for (const client of [web, phone, laptop]) expect(await client.logout()).toEqual({ revoked: true });
    expect(exh.db.tokensOf(demo.email)).toHaveLength(0);
    expect(exh.db.tokensOf(mfaUser.email)).toHaveLength(0);
  });
});
