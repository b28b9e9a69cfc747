import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidMfaTokenError, MfaRequiredError, memoryStorage, type ExhClient, type Session, type StorageAdapter } from '../../src/core';
import { consumerKey, demo, host, mfaUser, setupMockExh } from '../helpers';
import { sharedStorage } from '../reliability/tabs';

const exh = setupMockExh();
const credentials = { email: demo.email, password: demo.password };
const key = `exh-auth-react:${host}:${consumerKey}`;
const stored = (session: unknown) => JSON.stringify({ version: 1, session });
/** Long enough for a revocation or a storage answer the store started in the background. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function atMfaStep(client: ExhClient) {
  const error = await client.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MfaRequiredError);
  return client.getState().mfa!;
}

/** An asynchronous storage whose next reads answer only when the test says. */
function heldReads(base: StorageAdapter = memoryStorage()) {
  const pending: { resolve: (value: string | null) => void; reject: (error: unknown) => void }[] = [];
  const adapter: StorageAdapter = {
    ...base,
    get: () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
  };
  return { adapter, next: () => pending.shift()! };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('store listeners', () => {
  it('a throwing listener neither fails the sign-in nor stops the next listener; its error is reported', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const client = exh.client();
    const boom = new Error('app listener failed');
    client.subscribe(() => {
      throw boom;
    });
    const second = vi.fn();
    client.subscribe(second);
    await expect(client.authenticate(credentials)).resolves.toMatchObject({ userId: expect.any(String) });
    expect(second).toHaveBeenCalled();
    expect(reportError).toHaveBeenCalledWith(boom);
    expect(client.getState().status).toBe('authenticated');
  });

  it('without reportError, the error goes to console.error', async () => {
    vi.stubGlobal('reportError', undefined);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = exh.client();
    const boom = new Error('app listener failed');
    client.subscribe(() => {
      throw boom;
    });
    await client.authenticate(credentials);
    await client.logout();
    expect(consoleError).toHaveBeenCalledWith(boom);
    expect(client.getState().status).toBe('unauthenticated');
  });
});

describe('tabs sharing one storage', () => {
  it('clearing a session leaves another tab’s newer session in storage', async () => {
    const origin = sharedStorage();
    const tabA = exh.client({ storage: origin.tab() });
    const tabB = exh.client({ storage: origin.tab() });
    await tabA.authenticate(credentials);
    // Tab A has no subscriber (nothing rendered): it does not hear of tab B's newer sign-in.
    const session = await tabB.authenticate(credentials);
    await tabA.logout();
    expect(tabA.getState().status).toBe('unauthenticated');
    expect(JSON.parse(origin.values.get(key)!)).toMatchObject({ session: { tokenId: session.tokenId } });
    expect(exh.client({ storage: origin.tab() }).getSession()).toEqual(session);
  });

  it('a token revoked elsewhere (108) clears only its own stored session', async () => {
    const origin = sharedStorage();
    const tabA = exh.client({ storage: origin.tab() });
    const first = await tabA.authenticate(credentials);
    const second = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    exh.db.revokeToken(first.tokenId);
    await expect(tabA.me()).rejects.toMatchObject({ code: 108 });
    expect(tabA.getState()).toMatchObject({ status: 'unauthenticated', error: { code: 108 } });
    expect(exh.client({ storage: origin.tab() }).getSession()).toEqual(second);
  });

  it('still removes the stored session when it is the one cleared', async () => {
    const origin = sharedStorage();
    const tabA = exh.client({ storage: origin.tab() });
    await tabA.authenticate(credentials);
    await tabA.logout();
    expect(origin.values.has(key)).toBe(false);
  });

  it('with asynchronous storage too', async () => {
    const origin = sharedStorage();
    const asyncTab = () => {
      const tab = origin.tab();
      return { ...tab, get: async (k: string) => tab.get(k), remove: async (k: string) => tab.remove(k) };
    };
    const tabA = exh.client({ storage: asyncTab() });
    await tabA.authenticate(credentials);
    const session = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    await tabA.logout();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(exh.client({ storage: origin.tab() }).getSession()).toEqual(session);
    const tabC = exh.client({ storage: asyncTab() });
    expect(tabC.getState().status).toBe('loading');
    await expect.poll(() => tabC.getSession()).toEqual(session);
    await tabC.logout();
    await expect.poll(() => origin.values.has(key)).toBe(false);
  });

  it('a store whose subscribers all left re-reads storage when one comes back', async () => {
    const origin = sharedStorage();
    const tabA = exh.client({ storage: origin.tab() });
    expect(tabA.getState().status).toBe('unauthenticated');
    tabA.subscribe(() => undefined)(); // mounted, then unmounted
    const session = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    expect(tabA.getState().status).toBe('unauthenticated'); // nobody listened
    const listener = vi.fn();
    const stop = tabA.subscribe(listener);
    await expect.poll(() => tabA.getState().status).toBe('authenticated');
    expect(tabA.getSession()).toEqual(session);
    expect(listener).toHaveBeenCalled();
    stop();
  });

  it('coming back keeps this tab’s own SSO exchange in progress', async () => {
    const owner = exh.client();
    await owner.authenticate(credentials);
    const { ssoToken } = await owner.generateSsoToken();
    const origin = sharedStorage();
    const tab = exh.client({ storage: origin.tab() });
    tab.subscribe(() => undefined)();
    const consumed = tab.consumeSsoToken(ssoToken);
    const stop = tab.subscribe(() => undefined); // e.g. the provider mounting during the exchange
    expect(tab.getState().status).toBe('loading');
    await consumed;
    expect(tab.getState().status).toBe('authenticated');
    stop();
  });
  it('a session read from storage is not this tab’s to revoke when another tab’s replaces it', async () => {
    const origin = sharedStorage();
    // The signing-in tabs have no listener: only `tab` hears of the others' sessions.
    const first = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    const tab = exh.client({ storage: origin.tab() });
    expect(tab.getSession()).toEqual(first); // read at first use
    const stop = tab.subscribe(() => undefined);
    const second = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    expect(tab.getSession()).toEqual(second); // heard from another tab
    const third = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    expect(tab.getSession()).toEqual(third);
    await settle();
    expect(exh.db.tokensOf(demo.email)).toHaveLength(3);
    stop();
  });

  it('a stored session is the same one only when both its id and its token are', () => {
    const origin = sharedStorage();
    const other = origin.tab();
    const session: Session = { tokenId: 'id-1', userId: 'user', applicationId: 'app', token: 'token-1', tokenSecret: 'secret-1', createdAt: 1 };
    void other.set(key, stored(session));
    const tab = exh.client({ storage: origin.tab() });
    expect(tab.getSession()).toEqual(session);
    const stop = tab.subscribe(() => undefined);
    const newToken = { ...session, token: 'token-2', tokenSecret: 'secret-2' };
    void other.set(key, stored(newToken));
    expect(tab.getSession()).toEqual(newToken);
    const newId = { ...newToken, tokenId: 'id-2' };
    void other.set(key, stored(newId));
    expect(tab.getSession()).toEqual(newId);
    stop();
  });

  it('a listener coming after the sign-in finds its own session stored: same state, nothing revoked', async () => {
    const origin = sharedStorage();
    const tab = exh.client({ storage: origin.tab() });
    await tab.authenticate(credentials);
    const state = tab.getState();
    const listener = vi.fn();
    const stop = tab.subscribe(listener); // re-reads storage
    expect(tab.getState()).toBe(state);
    expect(listener).not.toHaveBeenCalled();
    await settle();
    expect(exh.db.tokensOf(demo.email)).toHaveLength(1);
    await expect(tab.me()).resolves.toMatchObject({ email: demo.email });
    stop();
  });

  it('a sign-out elsewhere keeps this tab’s own MFA step', async () => {
    const origin = sharedStorage();
    const tab = exh.client({ storage: origin.tab() });
    const mfa = await atMfaStep(tab);
    const stop = tab.subscribe(() => undefined);
    void origin.tab().remove(key); // another tab signed out
    expect(tab.getState()).toMatchObject({ status: 'mfaRequired', mfa: { token: mfa.token } });
    stop();
  });

  it('after a logout, the next sign-in is stored again', async () => {
    const origin = sharedStorage();
    const tab = exh.client({ storage: origin.tab() });
    await tab.authenticate(credentials);
    await tab.logout();
    const session = await tab.authenticate(credentials);
    expect(JSON.parse(origin.values.get(key)!)).toMatchObject({ session: { tokenId: session.tokenId } });
  });

  it('of two listeners, the one left still hears other tabs', async () => {
    const origin = sharedStorage();
    const tab = exh.client({ storage: origin.tab() });
    expect(tab.getState().status).toBe('unauthenticated');
    const stopFirst = tab.subscribe(() => undefined);
    const second = vi.fn();
    const stopSecond = tab.subscribe(second);
    stopFirst();
    const session = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    expect(tab.getSession()).toEqual(session);
    expect(second).toHaveBeenCalled();
    stopSecond();
  });

  it('a store listens to its storage once, and stops with its last listener', () => {
    const tab = sharedStorage().tab();
    let subscriptions = 0;
    const client = exh.client({
      storage: {
        ...tab,
        subscribe(k, listener) {
          subscriptions++;
          const off = tab.subscribe!(k, listener);
          return () => {
            subscriptions--;
            off();
          };
        },
      },
    });
    const stops = [client.subscribe(() => undefined), client.subscribe(() => undefined)];
    expect(subscriptions).toBe(1);
    stops.forEach((stop) => stop());
    expect(subscriptions).toBe(0);
  });
});

describe('what storage holds is checked', () => {
  it('a stored value lacking any field of a session, or no JSON, is no session', async () => {
    const session = await exh.client().authenticate(credentials);
    const broken = [
      stored({ ...session, tokenId: '' }),
      stored({ ...session, token: 42 }),
      stored({ ...session, tokenSecret: undefined }),
      stored({ ...session, applicationId: 7 }),
      stored({ ...session, createdAt: String(session.createdAt) }),
      stored(null),
      'null',
      '{"session":',
    ];
    for (const raw of broken) {
      const storage = memoryStorage();
      void storage.set(key, raw);
      const client = exh.client({ storage });
      expect(client.getState().status, raw).toBe('unauthenticated');
      expect(client.getSession(), raw).toBeNull();
    }
    const storage = memoryStorage();
    void storage.set(key, stored(session));
    expect(exh.client({ storage }).getSession()).toEqual(session);
  });
});

describe('asynchronous storage', () => {
  it('a first read answering after a sign-in does not undo it', async () => {
    const reads = heldReads();
    const client = exh.client({ storage: reads.adapter });
    expect(client.getState().status).toBe('loading');
    const read = reads.next();
    const session = await client.authenticate(credentials);
    read.resolve(null); // what storage held when asked
    await settle();
    expect(client.getState().status).toBe('authenticated');
    expect(client.getSession()).toEqual(session);
  });

  it('a first read that fails means signed out', async () => {
    const reads = heldReads();
    const client = exh.client({ storage: reads.adapter });
    expect(client.getState().status).toBe('loading');
    reads.next().reject(new Error('storage unavailable'));
    await expect.poll(() => client.getState().status).toBe('unauthenticated');
  });

  it('a write or a removal that fails later is no unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const base = memoryStorage();
      const client = exh.client({
        storage: {
          get: base.get,
          set: (k, value) => (void base.set(k, value), Promise.reject(new Error('quota exceeded'))),
          remove: (k) => (void base.remove(k), Promise.reject(new Error('storage closed'))),
        },
      });
      await client.authenticate(credentials);
      await client.logout();
      await settle();
      expect(client.getState().status).toBe('unauthenticated');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('a storage that throws is left for memory', () => {
  it('refused writes (quota, private mode): the session lives on in memory, also once a listener comes', async () => {
    const refusing: StorageAdapter = {
      get: () => null,
      set: () => {
        throw new Error('QuotaExceededError');
      },
      remove: () => undefined,
    };
    const client = exh.client({ storage: refusing });
    const session = await client.authenticate(credentials);
    const stop = client.subscribe(() => undefined); // re-reads what was stored
    expect(client.getState().status).toBe('authenticated');
    expect(client.getSession()).toEqual(session);
    stop();
  });

  it('a storage that cannot be read is not written either', async () => {
    const set = vi.fn();
    const unreadable: StorageAdapter = {
      get: () => {
        throw new Error('SecurityError');
      },
      set,
      remove: () => undefined,
    };
    const client = exh.client({ storage: unreadable });
    expect(client.getState().status).toBe('unauthenticated');
    const session = await client.authenticate(credentials);
    expect(client.getSession()).toEqual(session);
    expect(set).not.toHaveBeenCalled();
  });

  it('nor one whose reads start failing (site data blocked meanwhile)', async () => {
    const base = memoryStorage();
    let readable = true;
    const set = vi.fn(base.set);
    const flaky: StorageAdapter = {
      ...base,
      get: (k) => {
        if (!readable) throw new Error('SecurityError');
        return base.get(k);
      },
      set,
    };
    const client = exh.client({ storage: flaky });
    await client.authenticate(credentials);
    readable = false;
    await client.logout(); // cannot check what is stored
    expect(client.getState().status).toBe('unauthenticated');
    set.mockClear();
    const session = await client.authenticate(credentials);
    expect(client.getSession()).toEqual(session);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('the MFA step', () => {
  /** The next password grant answers 129 with this challenge. */
  const challenge = (mfa: object) =>
    exh.db.failNext(
      1,
      {
        status: 403,
        body: {
          code: 129,
          name: 'MFA_REQUIRED_EXCEPTION',
          message: 'MFA is required for this user',
          mfa: { token: 'challenge-token', attempts: 0, methods: [{ id: 'm1', type: 'totp', name: 'App', tags: [] }], ...mfa },
        },
      },
      { method: 'POST', path: '/auth/v2/oauth1/tokens' },
    );

  it('says when the challenge expires and how many attempts failed before', async () => {
    const client = exh.client();
    const before = Date.now();
    const first = await atMfaStep(client);
    expect(first.attempts).toBe(0);
    expect(first.expiresAt).toBeGreaterThanOrEqual(before + first.tokenExpiresIn);
    expect(first.expiresAt).toBeLessThanOrEqual(Date.now() + first.tokenExpiresIn);
    await expect(client.confirmMfa({ methodId: first.methods[0]!.id, code: '000000' })).rejects.toBeDefined();
    const second = await atMfaStep(client);
    expect(second.attempts).toBe(1);
  });

  it('ends when its time is up, saying so (131)', async () => {
    const client = exh.client();
    challenge({ tokenExpiresIn: 30 });
    await atMfaStep(client);
    await expect.poll(() => client.getState().status).toBe('unauthenticated');
    const { error } = client.getState();
    expect(error).toBeInstanceOf(InvalidMfaTokenError);
    expect(error).toMatchObject({ code: 131, message: expect.stringMatching(/expired/) });
  });

  it('a challenge without a lifetime (tokenExpiresIn 0) lasts until the service refuses it', async () => {
    const client = exh.client();
    challenge({ tokenExpiresIn: 0 });
    await atMfaStep(client);
    await settle();
    expect(client.getState().status).toBe('mfaRequired');
  });

  it('cancelMfa without an MFA step leaves the session alone', async () => {
    const client = exh.client();
    const session = await client.authenticate(credentials);
    const state = client.getState();
    client.cancelMfa();
    expect(client.getState()).toBe(state);
    expect(client.getSession()).toEqual(session);
  });
});


describe('the public state carries no token secret', () => {
  it('getState().session is the session without its secret; getSession() has it all', async () => {
    const client = exh.client();
    const session = await client.authenticate(credentials);
    const state = client.getState();
    expect(state.session).not.toBeNull();
    expect(state.session).not.toHaveProperty('tokenSecret');
    expect(JSON.stringify(state)).not.toContain(session.tokenSecret);
    const { tokenSecret: _secret, ...info } = session;
    expect(state.session).toEqual(info);
    expect(client.getSession()).toEqual(session);
    // One state, one session object: selectors comparing with Object.is do not re-render.
    expect(client.getState()).toBe(state);
    expect(client.getState().session).toBe(state.session);
  });

  it('so does a session read from storage', async () => {
    const origin = sharedStorage();
    const session = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    const client = exh.client({ storage: origin.tab() });
    expect(client.getState().session).not.toHaveProperty('tokenSecret');
    expect(client.getState().session?.tokenId).toBe(session.tokenId);
    expect(client.getSession()).toEqual(session);
  });
});
