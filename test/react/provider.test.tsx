// @vitest-environment jsdom
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { useEffect, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createExhClient } from '../../src/core';
import { AuthProvider, RequireAuth, exhQueryKeys, useAuth, useExhClient, useExhQueryKeys, useLogin, useTokens, type ExhQueryKeys } from '../../src/react';
import { consumerKey, consumerSecret, demo, host, setupMockExh } from '../helpers';
import { renderHookWithAuth, renderWithAuth } from './render';

const exh = setupMockExh();

afterEach(() => window.history.replaceState(null, '', '/'));

describe('SSO token from the URL', () => {
  it('is consumed exactly once under StrictMode, and only its parameter leaves the URL', async () => {
    const other = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });
    await other.authenticate({ email: demo.email, password: demo.password });
    const { ssoToken } = await other.generateSsoToken();
    window.history.replaceState(null, '', `/app/page?keep=a%20b&ssoToken=${ssoToken}&x=(1)#section`);
    function Status() {
      return <p>{useAuth((s) => s.status)}</p>;
    }
    renderWithAuth(<Status />, { strict: true, consumeSsoTokenFromUrl: true });
    // What the first paint shows: no sign-in form flashes before the exchange.
    expect(screen.getByText('loading')).toBeTruthy();
    await screen.findByText('authenticated');
    expect(exh.db.count('POST', '/auth/v2/oauth1/ssoTokens/consume')).toBe(1);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/app/page?keep=a%20b&x=(1)#section');
  });

  it('takes a custom parameter name and says why when the token is no good', async () => {
    window.history.replaceState(null, '', '/?sso=used-or-unknown');
    renderWithAuth(<ErrorProbe />, { consumeSsoTokenFromUrl: 'sso' });
    expect(await screen.findByText('unauthenticated: ResourceUnknownError')).toBeTruthy();
    expect(window.location.search).toBe('');
  });
});

function ErrorProbe() {
  const { status, error } = useAuth();
  return <p>{`${status}: ${error?.name ?? '-'}`}</p>;
}

describe('the QueryClient', () => {
  let firstKeys: ExhQueryKeys | undefined;
  function TokensProbe() {
    firstKeys = useExhQueryKeys();
    const login = useLogin();
    const tokens = useTokens();
    return (
      <>
        <button onClick={() => login.mutate({ email: demo.email, password: demo.password })}>in</button>
        <p>{tokens.data ? `tokens ${tokens.data.data.length}` : 'none'}</p>
      </>
    );
  }

  it('is the one passed as a prop', async () => {
    const queryClient = new QueryClient();
    renderWithAuth(<TokensProbe />, { queryClient });
    act(() => screen.getByText('in').click());
    await screen.findByText('tokens 1');
    expect(queryClient.getQueryCache().findAll({ queryKey: exhQueryKeys.tokens() })).toHaveLength(1);
  });

  it('is the app’s from a QueryClientProvider above', async () => {
    const queryClient = new QueryClient();
    renderWithAuth(<TokensProbe />, {}, { wrapper: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider> });
    act(() => screen.getByText('in').click());
    await screen.findByText('tokens 1');
    expect(queryClient.getQueryCache().findAll({ queryKey: exhQueryKeys.tokens() })).toHaveLength(1);
  });

  it('is not shared by two providers on different hosts under one app QueryClient', async () => {
    const queryClient = new QueryClient();
    const otherHost = 'https://other.exh.test';
    exh.server.use(http.all(`${otherHost}/*`, () => HttpResponse.json({ code: 108, name: 'OAUTH_TOKEN_EXCEPTION', message: 'no' }, { status: 401 })));
    renderWithAuth(
      <>
        <TokensProbe />
        <AuthProvider host={otherHost} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory">
          <section aria-label="other">
            <OtherStatus />
          </section>
        </AuthProvider>
      </>,
      {},
      { wrapper: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider> },
    );
    act(() => screen.getByText('in').click());
    await screen.findByText('tokens 1');
    expect(screen.getByLabelText('other').textContent).toBe('other unauthenticated');
    const cache = queryClient.getQueryCache();
    expect(cache.findAll({ queryKey: firstKeys!.all })).toHaveLength(cache.findAll({ queryKey: exhQueryKeys.all }).length);
  });

  function OtherStatus() {
    return <>other {useAuth((s) => s.status)}</>;
  }
});

describe('the test harness', () => {
  // The strict project is only worth running if React really runs effects twice there, as in an app's
  // development build: StrictMode at the root (test/strict.setup.ts), not inside a wrapper component.
  it('runs effects twice in the strict project and with strict: true, once otherwise', () => {
    const mounts: string[] = [];
    const useProbe = (name: string) => useEffect(() => void mounts.push(name), [name]);
    const project = process.env.EXH_STRICT === '1' ? 2 : 1;
    function Probe({ name }: { name: string }) {
      useProbe(name);
      return null;
    }
    renderWithAuth(<Probe name="render" />);
    renderWithAuth(<Probe name="render, strict" />, { strict: true });
    renderHookWithAuth(() => useProbe('hook'));
    renderHookWithAuth(() => useProbe('hook, strict'), { strict: true });
    const count = (name: string) => mounts.filter((m) => m === name).length;
    expect([count('render'), count('render, strict'), count('hook'), count('hook, strict')]).toEqual([project, 2, project, 2]);
  });
});

describe('AuthProvider props', () => {
  it('uses a given client', () => {
    const client = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });
    const { result } = renderHook(() => useExhClient(), {
      wrapper: ({ children }: { children: ReactNode }) => <AuthProvider client={client}>{children}</AuthProvider>,
    });
    expect(result.current).toBe(client);
  });

  it('builds a new client when the host changes and signs the old one out', async () => {
    let hostProp = host;
    const seen: Array<string | null> = [];
    const Wrapper = ({ children }: { children: ReactNode }) => (
      <AuthProvider host={hostProp} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory" onSessionChange={(s) => seen.push(s?.userId ?? null)}>
        {children}
      </AuthProvider>
    );
    const { result, rerender } = renderHook(() => ({ auth: useAuth(), login: useLogin(), client: useExhClient() }), { wrapper: Wrapper });
    await act(() => result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
    const oldClient = result.current.client;
    expect(seen).toEqual([result.current.auth.userId]);
    hostProp = 'https://api2.exh.test';
    rerender();
    expect(result.current.client).not.toBe(oldClient);
    expect(result.current.client.host).toBe('https://api2.exh.test');
    expect(result.current.auth.status).toBe('unauthenticated');
    await waitFor(() => expect(exh.db.tokensOf(demo.email)).toHaveLength(0)); // revoked on the old host
    expect(oldClient.getSession()).toBeNull();
  });

  it('explains a missing provider', () => {
    expect(() => renderHook(() => useAuth())).toThrow(/AuthProvider/);
  });
});

describe('RequireAuth', () => {
  it('shows the fallback when signed out and the children once signed in, never looping', async () => {
    let renders = 0;
    function Login() {
      renders++;
      const login = useLogin();
      return <button onClick={() => login.mutate({ email: demo.email, password: demo.password })}>sign in</button>;
    }
    renderWithAuth(
      <RequireAuth fallback={<Login />} loading={<p>loading</p>}>
        <p>secret page</p>
      </RequireAuth>,
    );
    act(() => screen.getByText('sign in').click());
    await screen.findByText('secret page');
    expect(renders).toBeLessThan(5);
  });

  it('shows the loading placeholder while asynchronous storage answers', async () => {
    let release: (value: string | null) => void = () => undefined;
    const storage = { get: () => new Promise<string | null>((r) => (release = r)), set: () => undefined, remove: () => undefined };
    renderWithAuth(
      <RequireAuth fallback={<p>login</p>} loading={<p>loading</p>}>
        <p>app</p>
      </RequireAuth>,
      { storage },
    );
    expect(screen.getByText('loading')).toBeTruthy();
    act(() => release(null));
    await screen.findByText('login');
  });
});
