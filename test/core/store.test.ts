import { afterEach, describe, expect, it, vi } from 'vitest';
import { consumerKey, demo, host, setupMockExh } from '../helpers';
import { sharedStorage } from '../reliability/tabs';

const exh = setupMockExh();
const credentials = { email: demo.email, password: demo.password };
const key = `exh-auth-react:${host}:${consumerKey}`;

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
