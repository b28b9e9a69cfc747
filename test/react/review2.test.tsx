// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { delay, http } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExhClient, type ExhClient } from '../../src/core';
import {
  AuthProvider,
  useAuth,
  useExhClient,
  useExhQueryKeys,
  useLogin,
  useLogout,
  useRevokeOtherTokens,
  useRevokeToken,
  useSsoToken,
  useTokens,
} from '../../src/react';
import { consumerKey, consumerSecret, demo, host, setupMockExh } from '../helpers';
import { renderHookWithAuth, wrapperFor } from './render';

const exh = setupMockExh();
const TOKENS = '/auth/v2/oauth1/tokens';
const other = { email: 'other@example.com', password: 'other-password' };

afterEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
});

const signIn = (client: { authenticate: ExhClient['authenticate'] }, user = demo) =>
  client.authenticate({ email: user.email, password: user.password });

describe('the provider’s client is made once per configuration', () => {
  it('an inline storage object re-rendered 5 times revokes nothing and stays signed in', async () => {
    const values = new Map<string, string>();
    let renders = 0;
    // A new adapter object on every render, as `storage={{ get, set, remove }}` written inline gives.
    const Wrapper = ({ children }: { children?: ReactNode }) => {
      renders++;
      return (
        <AuthProvider
          host={host}
          consumerKey={consumerKey}
          consumerSecret={consumerSecret}
          storage={{ get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v), remove: (k) => void values.delete(k) }}
        >
          {children}
        </AuthProvider>
      );
    };
    const { result, rerender } = renderHook(() => ({ status: useAuth((s) => s.status), client: useExhClient() }), { wrapper: Wrapper });
    const client = result.current.client;
    await act(() => signIn(client));
    for (let i = 0; i < 5; i++) rerender();
    await act(() => delay(20)); // a revoke would be under way by now
    expect(renders).toBeGreaterThanOrEqual(6);
    expect(exh.db.count('DELETE')).toBe(0);
    expect(result.current.status).toBe('authenticated');
    expect(result.current.client).toBe(client);
    expect(exh.db.tokensOf(demo.email)).toHaveLength(1);
  });

  it('a changed host makes a new client and revokes the old session once', async () => {
    let hostProp = host;
    const Wrapper = ({ children }: { children?: ReactNode }) =>
      (
        <AuthProvider host={hostProp} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory">
          {children}
        </AuthProvider>
      );
    const { result, rerender } = renderHook(() => ({ status: useAuth((s) => s.status), client: useExhClient() }), { wrapper: Wrapper });
    const oldClient = result.current.client;
    await act(() => signIn(oldClient));
    hostProp = 'https://api2.exh.test';
    rerender();
    rerender();
    await waitFor(() => expect(exh.db.tokensOf(demo.email)).toHaveLength(0));
    await act(() => delay(20));
    expect(exh.db.count('DELETE')).toBe(1);
    expect(result.current.client.host).toBe('https://api2.exh.test');
    expect(result.current.status).toBe('unauthenticated');
  });
});

describe('an SSO token in the URL while a user is signed in', () => {
  /** Signed in as the demo user (stored session), with a link carrying another user's SSO token. */
  async function arriveWithOthersLink() {
    exh.db.addUser(other);
    const mine = await signIn(createExhClient({ host, consumerKey, consumerSecret, storage: 'local' }));
    const theirs = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });
    await signIn(theirs, other);
    const { ssoToken } = await theirs.generateSsoToken();
    window.history.replaceState(null, '', `/page?ssoToken=${ssoToken}&keep=1`);
    exh.db.resetRequests();
    return { mine, ssoToken };
  }

  const render = (props: Parameters<typeof wrapperFor>[0]) =>
    renderHookWithAuth(() => useAuth(), { storage: 'local', consumeSsoTokenFromUrl: true, ...props });

  it('is not used by default: it leaves the URL and goes to onSsoTokenIgnored, once', async () => {
    const { mine, ssoToken } = await arriveWithOthersLink();
    const onSsoTokenIgnored = vi.fn();
    const { result } = render({ onSsoTokenIgnored, strict: true });
    await act(() => delay(20));
    expect(onSsoTokenIgnored.mock.calls).toEqual([[ssoToken]]);
    expect(window.location.search).toBe('?keep=1');
    expect(exh.db.requests).toEqual([]);
    expect(result.current.session?.tokenId).toBe(mine.tokenId);
  });

  it('waits for asynchronous storage before choosing: a stored session makes it ignored', async () => {
    const values = new Map<string, string>();
    const sync = { get: (k: string) => values.get(k) ?? null, set: (k: string, v: string) => void values.set(k, v), remove: (k: string) => void values.delete(k) };
    const mine = await signIn(createExhClient({ host, consumerKey, consumerSecret, storage: sync }));
    const { ssoToken } = await arriveWithOthersLink();
    let answer: () => void = () => undefined;
    const storage = { ...sync, get: (k: string) => new Promise<string | null>((resolve) => (answer = () => resolve(sync.get(k)))) };
    const onSsoTokenIgnored = vi.fn();
    const { result } = render({ storage, onSsoTokenIgnored });
    expect(result.current.status).toBe('loading');
    await act(() => delay(10));
    act(() => answer());
    await waitFor(() => expect(onSsoTokenIgnored.mock.calls).toEqual([[ssoToken]]));
    expect(exh.db.count('POST', '/auth/v2/oauth1/ssoTokens/consume')).toBe(0);
    expect(result.current.session?.tokenId).toBe(mine.tokenId);
  });

  it('with ssoTokenWhileSignedIn="switch" revokes the current session, then signs in with it, once', async () => {
    const { mine } = await arriveWithOthersLink();
    const onSsoTokenIgnored = vi.fn();
    const { result } = render({ ssoTokenWhileSignedIn: 'switch', onSsoTokenIgnored, strict: true });
    await waitFor(() => expect(result.current.status).toBe('authenticated'));
    await waitFor(() => expect(result.current.userId).not.toBe(mine.userId));
    expect(exh.db.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE ${TOKENS}/${mine.tokenId}`, 'POST /auth/v2/oauth1/ssoTokens/consume']);
    expect(exh.db.tokensOf(demo.email)).toHaveLength(0);
    expect(onSsoTokenIgnored).not.toHaveBeenCalled();
    expect(window.location.search).toBe('?keep=1');
  });
});

/** Signed in as the demo user with `others` more sessions, the token list loaded. */
async function signedIn(others: number) {
  for (let i = 0; i < others; i++) exh.db.createToken(demo.email);
  const queryClient = new QueryClient();
  const view = renderHook(
    () => ({
      auth: useAuth(),
      login: useLogin(),
      tokens: useTokens(),
      revoke: useRevokeToken(),
      revoke2: useRevokeToken(),
      others: useRevokeOtherTokens(),
      keys: useExhQueryKeys(),
    }),
    { wrapper: wrapperFor({ queryClient }) },
  );
  await act(() => view.result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
  await waitFor(() => expect(view.result.current.tokens.data?.data).toHaveLength(others + 1));
  const ids = view.result.current.tokens.data!.data.filter((t) => !t.current).map((t) => t.id);
  const cached = () => queryClient.getQueryData<{ data: Array<{ id: string }> }>(view.result.current.keys.tokens(''))!.data.map((t) => t.id).sort();
  /** The cached list as it is when the lists are refetched (the second listing from now on; the first one is the mutation's own). */
  const atRefetch = (listings = 2) => {
    let seen: string[] | undefined;
    let count = 0;
    exh.server.use(http.get(`${host}${TOKENS}`, () => void (++count === listings && (seen = cached()))));
    return () => seen;
  };
  return { ...view, ids, atRefetch, listed: () => view.result.current.tokens.data!.data.map((t) => t.id).sort() };
}

const failure = { status: 500, body: { code: 0, name: 'INTERNAL', message: 'boom' } };

describe('a failed revoke puts back only what failed', () => {
  it('sign out other devices: only the token whose revoke failed comes back, then the lists are refetched', async () => {
    const { result, ids, listed, atRefetch } = await signedIn(3);
    const current = result.current.auth.session!.tokenId;
    exh.db.failNext(1, failure, { method: 'DELETE', path: `${TOKENS}/${ids[1]}` });
    const putBack = atRefetch(2);
    exh.db.resetRequests();
    await act(() => result.current.others.mutateAsync().catch(() => undefined));
    await waitFor(() => expect(result.current.others.isError).toBe(true));
    expect(listed()).toEqual([current, ids[1]].sort());
    // The mutation's own listing, the three DELETEs, then the refetch.
    expect(exh.db.requests.map((r) => r.method)).toEqual(['GET', 'DELETE', 'DELETE', 'DELETE', 'GET']);
    expect(putBack()).toEqual([current, ids[1]].sort());
  });

  it('two concurrent revokes: the one that failed comes back, the one that went through does not', async () => {
    const { result, ids, listed, atRefetch } = await signedIn(2);
    const [done, refused] = ids as [string, string];
    const putBack = atRefetch(1);
    const current = result.current.auth.session!.tokenId;
    // The refused revoke answers last, after the other went through.
    exh.server.use(http.delete(`${host}${TOKENS}/${refused}`, async () => void (await delay(60))));
    exh.db.failNext(1, failure, { method: 'DELETE', path: `${TOKENS}/${refused}` });
    await act(async () => {
      const first = result.current.revoke.mutateAsync(refused).catch(() => undefined);
      await delay(5);
      await Promise.all([first, result.current.revoke2.mutateAsync(done)]);
    });
    await waitFor(() => expect(listed()).toEqual([current, refused].sort()));
    expect(putBack()).toEqual([current, refused].sort());
    expect(exh.db.tokensOf(demo.email).map((t) => t.id).sort()).toEqual([current, refused].sort());
  });

  it('a 16 (token already gone, e.g. a retried DELETE whose first attempt went through) counts as revoked', async () => {
    const { result, ids, listed } = await signedIn(3);
    const current = result.current.auth.session!.tokenId;
    // These tokens get revoked just before their DELETE arrives: the service answers 16.
    for (const id of [ids[0]!, ids[2]!]) exh.server.use(http.delete(`${host}${TOKENS}/${id}`, () => void exh.db.revokeToken(id)));
    expect(await act(() => result.current.others.mutateAsync())).toEqual({ revoked: 3 });
    expect(listed()).toEqual([current]);
    // Asked again, one token alone: 16 again, and a success.
    await act(() => result.current.revoke.mutateAsync(ids[2]!).catch(() => undefined));
    expect(exh.db.requests.filter((r) => r.code === 16)).toHaveLength(3);
    await waitFor(() => expect(result.current.revoke.isSuccess).toBe(true));
    expect(listed()).toEqual([current]);
    expect(exh.db.tokensOf(demo.email).map((t) => t.id)).toEqual([current]);
  });

  it('a successful revoke alone refetches nothing', async () => {
    const { result, ids } = await signedIn(1);
    exh.db.resetRequests();
    await act(() => result.current.revoke.mutateAsync(ids[0]!));
    expect(exh.db.requests.map((r) => r.method)).toEqual(['DELETE']);
  });
});

describe('no secret in reach of components', () => {
  it('useAuth().session has no token secret, and one identity per session', async () => {
    const { result, rerender } = renderHook(() => ({ view: useAuth(), session: useAuth((s) => s.session), client: useExhClient() }), {
      wrapper: wrapperFor(),
    });
    await act(() => signIn(result.current.client));
    const { session } = result.current.view;
    expect(session).not.toHaveProperty('tokenSecret');
    expect(session?.tokenId).toBe(result.current.client.getSession()?.tokenId);
    rerender();
    expect(result.current.view.session).toBe(session);
    expect(result.current.session).toBe(session);
  });

  it('a generated SSO token leaves the mutation cache on logout', async () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ sso: useSsoToken(), logout: useLogout(), client: useExhClient() }), { wrapper: wrapperFor({ queryClient }) });
    await act(() => signIn(result.current.client));
    const { ssoToken } = await act(() => result.current.sso.generate.mutateAsync());
    expect(JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state))).toContain(ssoToken);
    await act(() => result.current.logout.mutateAsync());
    expect(JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state))).not.toContain(ssoToken);
  });

  it('an SSO token that arrives after logout is dropped, not cached', async () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ sso: useSsoToken(), logout: useLogout(), client: useExhClient() }), { wrapper: wrapperFor({ queryClient }) });
    await act(() => signIn(result.current.client));
    exh.server.use(http.post(`${host}/auth/v2/oauth1/ssoTokens/generate`, async () => void (await delay(40))));
    await act(async () => {
      const generated = result.current.sso.generate.mutateAsync().catch((error: unknown) => error);
      await delay(5);
      await result.current.logout.mutateAsync({ revoke: false });
      expect(await generated).toBeInstanceOf(Error);
    });
    const stored = exh.db.snapshot().ssoTokens.map((t) => t.ssoToken);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state))).not.toContain(stored[0]);
  });
});

describe('query keys of one provider', () => {
  it('two providers on one host and application under one QueryClient keep each other’s queries', async () => {
    const queryClient = new QueryClient();
    const useProbe = () => ({ tokens: useTokens(), logout: useLogout(), client: useExhClient(), keys: useExhQueryKeys() });
    const first = renderHook(useProbe, { wrapper: wrapperFor({ queryClient }) });
    const second = renderHook(useProbe, { wrapper: wrapperFor({ queryClient }) });
    await act(() => signIn(first.result.current.client));
    await act(() => signIn(second.result.current.client));
    await waitFor(() => expect(second.result.current.tokens.data?.data).toHaveLength(2));
    await waitFor(() => expect(first.result.current.tokens.data).toBeDefined());
    await act(() => first.result.current.logout.mutateAsync());
    expect(queryClient.getQueryData(second.result.current.keys.tokens(''))).toBeDefined();
    expect(second.result.current.tokens.data?.data).toHaveLength(2);
    // useExhQueryKeys() reaches this provider's queries only.
    exh.db.resetRequests();
    await act(() => queryClient.invalidateQueries({ queryKey: second.result.current.keys.all }));
    expect(exh.db.count('GET', TOKENS)).toBe(1);
    await waitFor(() => expect(second.result.current.tokens.data?.data).toHaveLength(1));
  });

  it('useExhQueryKeys() keys change with the session and match the hooks’ queries', async () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ tokens: useTokens({ rql: 'limit(5,0)' }), keys: useExhQueryKeys(), client: useExhClient() }), {
      wrapper: wrapperFor({ queryClient }),
    });
    const signedOut = result.current.keys;
    await act(() => signIn(result.current.client));
    await waitFor(() => expect(result.current.tokens.data).toBeDefined());
    expect(result.current.keys).not.toBe(signedOut);
    expect(queryClient.getQueryData(result.current.keys.tokens('limit(5,0)'))).toBe(result.current.tokens.data);
    expect(queryClient.getQueryCache().findAll({ queryKey: result.current.keys.tokens() })).toHaveLength(1);
    expect(queryClient.getQueryCache().findAll({ queryKey: result.current.keys.me() })).toHaveLength(0);
  });
});
