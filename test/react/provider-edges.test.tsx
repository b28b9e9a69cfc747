// @vitest-environment jsdom
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { focusManager, QueryClient, useMutation } from '@tanstack/react-query';
import { delay } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExhClient, ExhError, type ExhClient } from '../../src/core';
import { AuthProvider, useAuth, useExhClient, useLogin, type AuthProviderProps } from '../../src/react';
import { consumerKey, consumerSecret, demo, host, setupMockExh } from '../helpers';
import { renderHookWithAuth } from './render';

const exh = setupMockExh();

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

const signIn = (client: ExhClient) => client.authenticate({ email: demo.email, password: demo.password });

/** A provider whose props the test changes between renders. */
function withProps(initial: Partial<AuthProviderProps>) {
  const props = { current: initial };
  const Wrapper = ({ children }: { children?: ReactNode }) => <AuthProvider {...props.current}>{children}</AuthProvider>;
  const hook = renderHook(() => ({ status: useAuth((s) => s.status), client: useExhClient() }), { wrapper: Wrapper });
  return { ...hook, props };
}

const keys = { host, consumerKey, consumerSecret };

describe('AuthProvider configuration', () => {
  it.each([
    ['host', { consumerKey, consumerSecret }],
    ['consumerKey', { host, consumerSecret }],
    ['consumerSecret', { host, consumerKey }],
  ])('without `client`, a missing %s is an error that names the props', (_, props) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React's report of the render error
    expect(() => render(<AuthProvider {...props} storage="memory" />)).toThrow(
      'exh-auth-react: <AuthProvider> needs `client`, or `host`, `consumerKey` and `consumerSecret`',
    );
  });

  it('a changed storage kind makes a new client and signs the old session out', async () => {
    const { result, rerender, props } = withProps({ ...keys, storage: 'memory' });
    const first = result.current.client;
    await act(() => signIn(first));
    props.current = { ...keys, storage: 'local' };
    rerender();
    expect(result.current.client).not.toBe(first);
    await waitFor(() => expect(exh.db.tokensOf(demo.email)).toHaveLength(0));
    expect(result.current.status).toBe('unauthenticated');
  });

  it("no storage prop and storage='local' are one configuration: one client, nothing revoked", async () => {
    const { result, rerender, props } = withProps({ ...keys });
    const first = result.current.client;
    await act(() => signIn(first));
    props.current = { ...keys, storage: 'local' };
    rerender();
    await act(() => delay(20));
    expect(result.current.client).toBe(first);
    expect(exh.db.count('DELETE')).toBe(0);
    expect(result.current.status).toBe('authenticated');
  });

  it('an adapter keeping its values in its own fields is read once: what it stores changes no client', async () => {
    // A plain-object adapter, its data in a field: the values it holds are no part of the configuration.
    const adapter = {
      values: {} as Record<string, string>,
      get(key: string) {
        return this.values[key] ?? null;
      },
      set(key: string, value: string) {
        this.values[key] = value;
      },
      remove(key: string) {
        delete this.values[key];
      },
    };
    const { result, rerender } = withProps({ ...keys, storage: adapter });
    const first = result.current.client;
    await act(() => signIn(first));
    rerender();
    await act(() => delay(20));
    expect(result.current.client).toBe(first);
    expect(exh.db.count('DELETE')).toBe(0);
    expect(exh.db.tokensOf(demo.email)).toHaveLength(1);
  });

  it('an app that stops passing `client` and passes host and keys instead gets a client of them', () => {
    const given = createExhClient({ ...keys, host: 'https://given.exh.test', storage: 'memory' });
    const { result, rerender, props } = withProps({ client: given });
    expect(result.current.client).toBe(given);
    props.current = { ...keys, storage: 'memory' };
    rerender();
    expect(result.current.client).not.toBe(given);
    expect(result.current.client.host).toBe(host);
  });

  it('the events follow a replaced client: a sign-in with the new one is an onSignedIn', async () => {
    const onSignedIn = vi.fn();
    const { result, rerender, props } = withProps({ ...keys, storage: 'memory', onSignedIn });
    const first = result.current.client;
    props.current = { ...props.current, storage: 'session' };
    rerender();
    expect(result.current.client).not.toBe(first);
    const session = await act(() => signIn(result.current.client));
    expect(onSignedIn.mock.calls).toEqual([[expect.objectContaining({ tokenId: session.tokenId })]]);
  });
});

describe("the provider's own QueryClient", () => {
  it('stops listening to window focus and online events when the provider unmounts', () => {
    expect(focusManager.hasListeners()).toBe(false);
    const { unmount } = renderHookWithAuth(() => useAuth());
    expect(focusManager.hasListeners()).toBe(true);
    unmount();
    expect(focusManager.hasListeners()).toBe(false);
  });
});

describe('a session change in a shared QueryClient', () => {
  it("removes only the package's settled mutations: the app's own, and the sign-in causing the change, stay", async () => {
    const queryClient = new QueryClient();
    const { result } = renderHookWithAuth(() => ({ app: useMutation({ mutationFn: async (n: number) => n * 2 }, queryClient), login: useLogin() }), { queryClient });
    await act(() => result.current.app.mutateAsync(21));
    await act(() => result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
    const left = queryClient.getMutationCache().getAll().map((m) => [m.state.status, m.state.data ?? null]);
    expect(left).toEqual([
      ['success', 42],
      ['success', expect.objectContaining({ userId: expect.any(String) })],
    ]);
  });
});

describe('onError', () => {
  it('is not called again when the error clears (a sign-in after a failed SSO exchange)', async () => {
    window.history.replaceState(null, '', '/?ssoToken=unknown');
    const onError = vi.fn();
    const { result } = renderHookWithAuth(() => ({ auth: useAuth(), client: useExhClient() }), { consumeSsoTokenFromUrl: true, onError });
    await waitFor(() => expect(result.current.auth.error?.name).toBe('ResourceUnknownError'));
    await act(() => signIn(result.current.client));
    expect(result.current.auth.status).toBe('authenticated');
    expect(onError.mock.calls.map(([error]) => (error as ExhError | undefined)?.name ?? String(error))).toEqual(['ResourceUnknownError']);
  });

  it('is called once per error: the same reason given to a second logout is no new error', async () => {
    const onError = vi.fn();
    const { result } = renderHookWithAuth(() => useExhClient(), { onError });
    await act(() => signIn(result.current));
    const reason = new ExhError('Ended by the app');
    await act(() => result.current.logout({ reason }));
    await act(() => result.current.logout({ reason }));
    expect(onError.mock.calls).toEqual([[reason]]);
  });
});

describe('an SSO token in the URL', () => {
  it('under StrictMode with asynchronous storage, is still used once the storage answers', async () => {
    const other = createExhClient({ ...keys, storage: 'memory' });
    await signIn(other);
    const { ssoToken } = await other.generateSsoToken();
    window.history.replaceState(null, '', `/?ssoToken=${ssoToken}`);
    let answer: () => void = () => undefined;
    const storage = { get: () => new Promise<string | null>((resolve) => (answer = () => resolve(null))), set: () => undefined, remove: () => undefined };
    const { result } = renderHookWithAuth(() => useAuth(), { storage, consumeSsoTokenFromUrl: true, strict: true });
    expect(window.location.search).toBe('');
    await act(() => delay(10));
    act(() => answer());
    await waitFor(() => expect(result.current.status).toBe('authenticated'));
    expect(exh.db.count('POST', '/auth/v2/oauth1/ssoTokens/consume')).toBe(1);
  });

  it('while signed in and without onSsoTokenIgnored, is dropped from the URL and nothing breaks', async () => {
    const mine = await signIn(createExhClient({ ...keys, storage: 'local' }));
    window.history.replaceState(null, '', '/page?ssoToken=someone-elses&keep=1');
    exh.db.resetRequests();
    const { result } = renderHookWithAuth(() => useAuth(), { storage: 'local', consumeSsoTokenFromUrl: true });
    await act(() => delay(20));
    expect(window.location.search).toBe('?keep=1');
    expect(result.current.session?.tokenId).toBe(mine.tokenId);
    expect(exh.db.requests).toEqual([]);
  });
});
