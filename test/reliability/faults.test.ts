import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExhError, NetworkError, OAuthTokenError, type ExhClient } from '../../src/core';
import { demo, host, setupMockExh } from '../helpers';
import { sharedStorage } from './tabs';

const exh = setupMockExh();
const credentials = { email: demo.email, password: demo.password };

// No fault may end in an unhandled rejection.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => void process.on('unhandledRejection', onUnhandled));
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled.splice(0)).toEqual([]);
});

/** The state after a failed call is the one before it, and says nothing it should not. */
async function expectConsistentAfter(client: ExhClient, action: () => Promise<unknown>, ErrorClass: typeof ExhError) {
  const before = client.getState();
  const error = await action().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ErrorClass);
  expect(client.getState()).toBe(before);
  return error as ExhError;
}

describe('faults on the wire', () => {
  it('connection refused: NetworkError, still signed out', async () => {
    const client = exh.client();
    exh.db.failNext(1, { status: 0 });
    await expectConsistentAfter(client, () => client.authenticate(credentials), NetworkError);
    await client.authenticate(credentials); // and the next try works
    expect(client.getState().status).toBe('authenticated');
  });

  it('network lost mid-login (the answer never completes): NetworkError', async () => {
    const client = exh.client();
    exh.server.use(
      http.post(`${host}/auth/v2/oauth1/tokens`, () => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":"1","tok'));
            controller.error(new TypeError('network lost'));
          },
        });
        return new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    await expectConsistentAfter(client, () => client.authenticate(credentials), NetworkError);
  });

  it('a timeout on every call: NetworkError everywhere, the session kept', async () => {
    // Signed in by a client with the default timeout (30 ms is too short for a busy machine), on storage both read.
    const values = new Map<string, string>();
    const storage = { get: (key: string) => values.get(key) ?? null, set: (key: string, value: string) => void values.set(key, value), remove: (key: string) => void values.delete(key) };
    await exh.client({ storage }).authenticate(credentials);
    const client = exh.client({ storage, timeout: 30 });
    expect(client.getState().status).toBe('authenticated');
    exh.server.use(http.all(`${host}/*`, () => delay('infinite')));
    for (const call of [() => client.me(), () => client.tokens.find(), () => client.generateSsoToken(), () => client.tokens.remove('x')]) {
      await expectConsistentAfter(client, call, NetworkError);
    }
    // The sign-in's own client is the one checked (a second, idle client stays consistent whatever happens).
    const signIn = exh.client({ timeout: 30 });
    await expectConsistentAfter(signIn, () => signIn.authenticate(credentials), NetworkError);
    expect(client.getState().status).toBe('authenticated');
  });

  it.each([
    [500, '<html><body>Internal Server Error</body></html>'],
    [502, '<html><h1>502 Bad Gateway</h1></html>'],
    [503, ''],
  ])('%i with an HTML or empty body: a plain ExhError with the status', async (status, body) => {
    const client = exh.client();
    await client.authenticate(credentials);
    exh.db.failNext(4, { status, body, headers: { 'Content-Type': 'text/html' } });
    const error = await expectConsistentAfter(client, () => client.me(), ExhError);
    expect(error).toMatchObject({ status, code: undefined, name: 'ExhError' });
    expect(error.message).not.toContain('<');
    const login = exh.client();
    await expectConsistentAfter(login, () => login.authenticate(credentials), ExhError);
  });

  it('a 200 with malformed JSON: ExhError, not a SyntaxError, and no session', async () => {
    const client = exh.client();
    exh.db.failNext(1, { status: 200, body: '{"id": "abc", "token": ' });
    const error = await expectConsistentAfter(client, () => client.authenticate(credentials), ExhError);
    expect(error.status).toBe(200);
    exh.db.failNext(1, { status: 200, body: { unexpected: true } });
    await expectConsistentAfter(client, () => client.authenticate(credentials), ExhError);
  });

  it('108 on a background call signs out; a late 108 for an older session changes nothing', async () => {
    const client = exh.client();
    const first = await client.authenticate(credentials);
    exh.server.use(http.get(`${host}/users/v1/me`, async () => (await delay(30), HttpResponse.json({ code: 108, name: 'OAUTH_TOKEN_EXCEPTION', message: 'gone' }, { status: 401 }))));
    const late = client.me().catch((e: unknown) => e);
    await client.logout();
    const second = await client.authenticate(credentials);
    expect(await late).toBeInstanceOf(OAuthTokenError);
    expect(client.getState()).toMatchObject({ status: 'authenticated', session: { tokenId: second.tokenId } });
    expect(second.tokenId).not.toBe(first.tokenId);
  });
});

describe('races', () => {
  it('logout while a login is in flight: stays signed out, the late token is revoked', async () => {
    const client = exh.client();
    exh.server.use(http.post(`${host}/auth/v2/oauth1/tokens`, async () => void (await delay(40))));
    const login = client.authenticate(credentials).catch((e: unknown) => e);
    await client.logout();
    expect(await login).toBeInstanceOf(ExhError);
    expect(client.getState().status).toBe('unauthenticated');
    await expect.poll(() => exh.db.tokensOf(demo.email).length).toBe(0);
  });

  it('logout while a request is in flight: the answer does not sign back in or error the state', async () => {
    const client = exh.client();
    await client.authenticate(credentials);
    exh.server.use(http.get(`${host}/auth/v2/oauth1/tokens`, async () => (await delay(30), HttpResponse.json({ code: 108, name: 'OAUTH_TOKEN_EXCEPTION', message: 'revoked' }, { status: 401 }))));
    const list = client.tokens.find().catch((e: unknown) => e);
    await client.logout();
    await list;
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', error: null });
  });

  /** Two tabs of one origin, both signed out and listening to each other, then signing in at once. */
  async function loginInTwoTabs(readDelay?: number) {
    const origin = sharedStorage();
    const tabs = [exh.client({ storage: origin.tab({ readDelay }) }), exh.client({ storage: origin.tab({ readDelay }) })];
    const stops = tabs.map((tab) => tab.subscribe(() => undefined));
    await expect.poll(() => tabs.map((tab) => tab.getState().status)).toEqual(['unauthenticated', 'unauthenticated']);
    await Promise.all(tabs.map((tab) => tab.authenticate(credentials)));
    const stored = () => {
      const [value] = origin.values.values();
      return value === undefined ? undefined : (JSON.parse(value) as { session: { tokenId: string } }).session.tokenId;
    };
    return { tabs, stored, stop: () => stops.forEach((stop) => stop()) };
  }

  /** Each tab's session against what the storage holds, read afresh on every poll, and again once every read under way landed. */
  async function expectBothOnStoredSession({ tabs, stored, stop }: Awaited<ReturnType<typeof loginInTwoTabs>>) {
    const onStored = () => tabs.map((tab) => tab.getSession()?.tokenId === stored());
    await expect.poll(onStored).toEqual([true, true]);
    await delay(50);
    expect(onStored()).toEqual([true, true]);
    expect(tabs.map((tab) => tab.getState().status)).toEqual(['authenticated', 'authenticated']);
    for (const tab of tabs) expect((await tab.me()).email).toBe(demo.email);
    stop();
  }

  it('a login started in two tabs at once: both tabs end on the session in storage', async () => {
    await expectBothOnStoredSession(await loginInTwoTabs());
  });

  // A read of an asynchronous storage that answers after this tab's own sign-in must not put the other
  // tab's older session back.
  it('a login started in two tabs at once, asynchronous storage: both tabs end on the session in storage', async () => {
    await expectBothOnStoredSession(await loginInTwoTabs(5));
  });

  // Each tab's grant makes a token and only one is kept: the tab whose session was replaced revokes its own.
  it('a login started in two tabs at once: the grant that lost the race is revoked', async () => {
    const { stored, stop } = await loginInTwoTabs();
    await expect.poll(() => exh.db.tokensOf(demo.email).map((t) => t.id), { timeout: 300 }).toEqual([stored()]);
    stop();
  });

  it('two tabs signing out at once: both signed out, no error, the token revoked', async () => {
    const origin = sharedStorage();
    const tabA = exh.client({ storage: origin.tab() });
    const tabB = exh.client({ storage: origin.tab() });
    const stops = [tabA.subscribe(() => undefined), tabB.subscribe(() => undefined)];
    await tabA.authenticate(credentials);
    await expect.poll(() => tabB.getState().status).toBe('authenticated');
    const results = await Promise.all([tabA.logout(), tabB.logout()]);
    expect(results.some((r) => r.revoked)).toBe(true);
    expect([tabA.getState().status, tabB.getState().status]).toEqual(['unauthenticated', 'unauthenticated']);
    expect(origin.values.size).toBe(0);
    expect(exh.db.tokensOf(demo.email)).toHaveLength(0);
    stops.forEach((stop) => stop());
  });
});
