// @vitest-environment jsdom
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExhClient, MfaRequiredError, type Session } from '../../src/core';
import { RequireAuth, exhQueryKeys, useAuth, useConfirmMfa, useLogin, useLogout, useTokens } from '../../src/react';
import { totp } from '../../src/msw';
import { consumerKey, consumerSecret, demo, host, mfaUser, setupMockExh } from '../helpers';
import { renderWithAuth, wrapperFor } from './render';

const exh = setupMockExh();
const storageKey = `exh-auth-react:${host}:${consumerKey}`;

afterEach(() => {
  localStorage.clear();
  vi.useRealTimers();
});

function useFlow() {
  return { auth: useAuth(), login: useLogin(), confirm: useConfirmMfa(), logout: useLogout() };
}

/** What the cache still holds under the package's keys (a disabled query of the signed-out state holds none). */
function cachedData(queryClient: QueryClient) {
  return queryClient.getQueryCache().findAll({ queryKey: exhQueryKeys.all }).map((q) => q.state.data).filter(Boolean);
}

async function storedSession(): Promise<Session> {
  const client = createExhClient({ host, consumerKey, consumerSecret, storage: 'local' });
  return client.authenticate({ email: demo.email, password: demo.password });
}

describe('the session state machine', () => {
  it('goes unauthenticated → authenticated → unauthenticated through login and logout', async () => {
    const { result } = renderHook(useFlow, { wrapper: wrapperFor() });
    expect(result.current.auth.status).toBe('unauthenticated');
    await act(() => result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
    expect(result.current.auth).toMatchObject({ status: 'authenticated', userId: expect.any(String) });
    expect(result.current.auth.session?.userId).toBe(result.current.auth.userId);
    await act(() => result.current.logout.mutateAsync());
    expect(result.current.auth).toMatchObject({ status: 'unauthenticated', session: null, error: null });
    expect(exh.db.tokensOf(demo.email)).toHaveLength(0);
  });

  it('goes through mfaRequired with the challenge, then authenticated', async () => {
    const { result } = renderHook(useFlow, { wrapper: wrapperFor() });
    await act(() => result.current.login.mutateAsync({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined));
    await waitFor(() => expect(result.current.login.error).toBeInstanceOf(MfaRequiredError));
    const { mfa } = result.current.auth;
    expect(result.current.auth.status).toBe('mfaRequired');
    expect(mfa).toMatchObject({ token: expect.any(String), methods: expect.any(Array), expiresAt: expect.any(Number) });
    const code = await totp(mfaUser.mfa!.totpSecret, exh.now());
    await act(() => result.current.confirm.mutateAsync({ methodId: mfa!.methods[0]!.id, code }));
    expect(result.current.auth).toMatchObject({ status: 'authenticated', mfa: null });
  });

  it('ends the challenge when tokenExpiresIn passes, saying why', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const { result } = renderHook(useFlow, { wrapper: wrapperFor() });
    await act(() => result.current.login.mutateAsync({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined));
    expect(result.current.auth.status).toBe('mfaRequired');
    act(() => vi.advanceTimersByTime(result.current.auth.mfa!.tokenExpiresIn + 1));
    expect(result.current.auth).toMatchObject({ status: 'unauthenticated', mfa: null, error: { code: 131 } });
  });

  it('ends the challenge on 131', async () => {
    const { result } = renderHook(useFlow, { wrapper: wrapperFor() });
    await act(() => result.current.login.mutateAsync({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined));
    const methodId = result.current.auth.mfa!.methods[0]!.id;
    await act(() => result.current.confirm.mutateAsync({ methodId, code: '123456', token: 'unknown-token' }).catch(() => undefined));
    expect(result.current.auth).toMatchObject({ status: 'unauthenticated', error: { code: 131 } });
  });

  it('signs out when the token is revoked elsewhere (108 on a refetch) and empties the cache', async () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ flow: useFlow(), tokens: useTokens() }), { wrapper: wrapperFor({ queryClient }) });
    await act(() => result.current.flow.login.mutateAsync({ email: demo.email, password: demo.password }));
    await waitFor(() => expect(result.current.tokens.isSuccess).toBe(true));
    exh.db.revokeToken(result.current.flow.auth.session!.tokenId);
    await act(() => result.current.tokens.refetch());
    expect(result.current.flow.auth).toMatchObject({ status: 'unauthenticated', error: { code: 108 } });
    expect(cachedData(queryClient)).toEqual([]);
  });

  it('removes every query of the previous user on logout', async () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ flow: useFlow(), tokens: useTokens() }), { wrapper: wrapperFor({ queryClient }) });
    await act(() => result.current.flow.login.mutateAsync({ email: demo.email, password: demo.password }));
    await waitFor(() => expect(result.current.tokens.data?.data).toHaveLength(1));
    expect(cachedData(queryClient)).toHaveLength(1);
    await act(() => result.current.flow.logout.mutateAsync());
    expect(cachedData(queryClient)).toEqual([]);
    expect(result.current.tokens.data).toBeUndefined();
  });
});

describe('a stored session', () => {
  it('is authenticated on the first render, with no request before it', async () => {
    const session = await storedSession();
    exh.db.resetRequests();
    const statuses: string[] = [];
    function Probe() {
      statuses.push(useAuth((s) => s.status));
      return null;
    }
    const seen: string[] = [];
    renderWithAuth(
      <RequireAuth fallback={<p>login</p>} loading={<p>loading</p>}>
        <p>app</p>
        <Probe />
      </RequireAuth>,
      { storage: 'local', onSessionChange: (s) => seen.push(s?.tokenId ?? 'none') },
    );
    expect(statuses[0]).toBe('authenticated');
    expect(screen.getByText('app')).toBeTruthy();
    expect(screen.queryByText('login')).toBeNull();
    expect(exh.db.requests).toHaveLength(0);
    expect(seen).toEqual([]);
    expect(session.tokenId).toBeTruthy();
  });

  it('follows a login and a logout in another tab (storage event)', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapperFor({ storage: 'local' }) });
    expect(result.current.status).toBe('unauthenticated');
    const { tokenSecret: _secret, ...session } = await storedSession(); // another tab's client writes localStorage
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: storageKey, storageArea: localStorage })));
    await waitFor(() => expect(result.current).toMatchObject({ status: 'authenticated', session: { tokenId: session.tokenId } }));
    localStorage.removeItem(storageKey);
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: storageKey, storageArea: localStorage })));
    await waitFor(() => expect(result.current.status).toBe('unauthenticated'));
  });

  it('keeps a memory session per tab: in no web storage, deaf to other tabs, not shared with a new tab', async () => {
    // A 'local' provider alongside shows that the other tab's storage events do arrive and get read.
    const local = renderHook(() => useAuth(), { wrapper: wrapperFor({ storage: 'local' }) });
    const memory = renderHook(() => useAuth(), { wrapper: wrapperFor({ storage: 'memory' }) });
    const mine = await act(() => memory.result.current.client.authenticate({ email: demo.email, password: demo.password }));
    expect(memory.result.current).toMatchObject({ status: 'authenticated', session: { tokenId: mine.tokenId } });
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(mine.token);
    expect(local.result.current.status).toBe('unauthenticated');

    const notify = (key: string | null) => act(() => void window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage })));
    const theirs = await storedSession(); // another tab signs in
    notify(storageKey);
    await waitFor(() => expect(local.result.current.session?.tokenId).toBe(theirs.tokenId));
    expect(memory.result.current.session?.tokenId).toBe(mine.tokenId);

    localStorage.clear(); // and signs out
    notify(null);
    await waitFor(() => expect(local.result.current.status).toBe('unauthenticated'));
    expect(memory.result.current).toMatchObject({ status: 'authenticated', session: { tokenId: mine.tokenId } });

    // A new tab with memory storage starts signed out.
    const newTab = renderHook(() => useAuth(), { wrapper: wrapperFor({ storage: 'memory' }) });
    expect(newTab.result.current.status).toBe('unauthenticated');
  });
});

describe('useAuth(select)', () => {
  it('re-renders a status-only consumer neither on a token refetch nor on unrelated changes', async () => {
    let statusRenders = 0;
    function Status() {
      statusRenders++;
      return <p>{useAuth((s) => s.status)}</p>;
    }
    let tokens: ReturnType<typeof useTokens> | undefined;
    function Tokens() {
      tokens = useTokens();
      return null;
    }
    function Login() {
      const login = useLogin();
      return <button onClick={() => login.mutate({ email: demo.email, password: demo.password })}>in</button>;
    }
    renderWithAuth(
      <>
        <Status />
        <Tokens />
        <Login />
      </>,
    );
    act(() => screen.getByText('in').click());
    await screen.findByText('authenticated');
    await waitFor(() => expect(tokens?.isSuccess).toBe(true));
    const before = statusRenders;
    const fetches = exh.db.count('GET', '/auth/v2/oauth1/tokens');
    await act(() => tokens!.refetch());
    await act(() => tokens!.refetch());
    expect(exh.db.count('GET', '/auth/v2/oauth1/tokens')).toBe(fetches + 2);
    expect(statusRenders).toBe(before);
  });

  it('accepts a selector that builds a new object each time without looping', async () => {
    const { result } = renderHook(() => useAuth((s) => ({ signedIn: s.status === 'authenticated' })), { wrapper: wrapperFor() });
    expect(result.current).toEqual({ signedIn: false });
  });
});
