// @vitest-environment jsdom
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StrictMode } from 'react';
import {
  AuthLoading,
  AuthProvider,
  RequireAuth,
  SignedIn,
  SignedOut,
  safeReturnTo,
  saveReturnTo,
  takeReturnTo,
  useAuth,
  useLogin,
  withAuthRequired,
} from '../../src/react';
import type { ExhClient, StorageAdapter } from '../../src/core';
import { consumerKey, consumerSecret, demo, host, mfaUser, setupMockExh } from '../helpers';
import { renderWithAuth, wrapperFor } from './render';

setupMockExh();

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

/** A storage that has not answered yet: the provider stays 'loading'. */
const pendingStorage: StorageAdapter = { get: () => new Promise(() => undefined), set: () => undefined, remove: () => undefined };

function Gates() {
  return (
    <>
      <SignedIn>in</SignedIn>
      <SignedOut>out</SignedOut>
      <AuthLoading>loading</AuthLoading>
    </>
  );
}

const shown = () => ['in', 'out', 'loading'].filter((text) => screen.queryByText(text));

describe('SignedIn, SignedOut, AuthLoading', () => {
  it('render by status: loading, signed out, the MFA step (signed out), signed in, signed out again', async () => {
    const loading = renderWithAuth(<Gates />, { storage: pendingStorage });
    expect(shown()).toEqual(['loading']);
    loading.unmount();

    let client!: ExhClient;
    function Probe() {
      client = useAuth((s) => s.client);
      return null;
    }
    renderWithAuth(
      <>
        <Probe />
        <Gates />
      </>,
    );
    expect(shown()).toEqual(['out']);
    await act(() => client.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined));
    expect(client.getState().status).toBe('mfaRequired');
    expect(shown()).toEqual(['out']);
    await act(() => client.authenticate({ email: demo.email, password: demo.password }));
    expect(shown()).toEqual(['in']);
    await act(() => client.logout());
    expect(shown()).toEqual(['out']);
  });
});

describe('useAuth isAuthenticated and isLoading', () => {
  it('follow the status, also through a selector', async () => {
    const { result } = renderHook(
      () => ({ view: useAuth(), selected: useAuth((s) => s.isAuthenticated), login: useLogin() }),
      { wrapper: wrapperFor() },
    );
    expect(result.current.view).toMatchObject({ status: 'unauthenticated', isAuthenticated: false, isLoading: false });
    expect(result.current.selected).toBe(false);
    await act(() => result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
    expect(result.current.view).toMatchObject({ status: 'authenticated', isAuthenticated: true, isLoading: false });
    expect(result.current.selected).toBe(true);
  });

  it('isLoading while the stored session is read', () => {
    const { result } = renderHook(() => useAuth((s) => [s.isLoading, s.isAuthenticated].join()), { wrapper: wrapperFor({ storage: pendingStorage }) });
    expect(result.current).toBe('true,false');
  });
});

describe('safeReturnTo: only a path of this origin', () => {
  it.each([
    ['/patients/12?tab=notes#top', '/patients/12?tab=notes#top'],
    ['/', '/'],
    ['/a/../b', '/b'],
  ])('keeps %s as %s', (path, expected) => {
    expect(safeReturnTo(path)).toBe(expected);
  });

  it.each([
    'https://evil.example/x',
    '//evil.example/x',
    '/\\evil.example/x',
    '/\t/evil.example',
    '/..//evil.example',
    '/.//evil.example',
    'javascript:alert(1)',
    'patients',
    '',
    null,
    42,
  ])('refuses %j', (path) => {
    expect(safeReturnTo(path)).toBeNull();
  });

  it('saveReturnTo keeps nothing for another origin, and takeReturnTo gives back only a safe path, once', () => {
    expect(saveReturnTo('//evil.example/x')).toBe(false);
    expect(takeReturnTo()).toBeNull();

    window.history.replaceState(null, '', '/reports?year=2026#q3');
    expect(saveReturnTo()).toBe(true);
    expect(takeReturnTo()).toBe('/reports?year=2026#q3');
    expect(takeReturnTo()).toBeNull(); // read once

    // Written by something else on the page: still checked when read.
    sessionStorage.setItem('exh-auth-react:returnTo', 'https://evil.example/');
    expect(takeReturnTo()).toBeNull();
    expect(sessionStorage.getItem('exh-auth-react:returnTo')).toBeNull();
  });
});

describe('RequireAuth and withAuthRequired send a signed-out user to sign in, and back', () => {
  it('navigate: keeps the current path, goes to redirectTo once (StrictMode too), and the sign-in route returns there', async () => {
    window.history.replaceState(null, '', '/patients/12?tab=notes');
    const navigate = vi.fn();
    let client!: ExhClient;
    function Probe() {
      client = useAuth((s) => s.client);
      return null;
    }
    renderWithAuth(
      <>
        <Probe />
        <RequireAuth navigate={navigate} redirectTo="/sign-in" fallback="redirecting">
          secret
        </RequireAuth>
      </>,
      {},
      // At the root: a StrictMode further down does not run effects twice.
      { wrapper: StrictMode },
    );
    expect(screen.getByText('redirecting')).toBeTruthy();
    expect(navigate.mock.calls).toEqual([['/sign-in']]);

    // The sign-in route, after a successful sign-in:
    await act(() => client.authenticate({ email: demo.email, password: demo.password }));
    expect(takeReturnTo()).toBe('/patients/12?tab=notes');
    expect(screen.getByText('secret')).toBeTruthy();

    // Signed out again: sent again, once.
    await act(() => client.logout());
    expect(navigate).toHaveBeenCalledTimes(2);
  });

  it('an unsafe returnTo is not kept, the redirect still happens', () => {
    const navigate = vi.fn();
    renderWithAuth(<RequireAuth navigate={navigate} redirectTo="/sign-in" returnTo="//evil.example/" />);
    expect(navigate).toHaveBeenCalledWith('/sign-in');
    expect(takeReturnTo()).toBeNull();
  });

  it('neither navigates nor calls onUnauthenticated while the session loads, nor when signed in', async () => {
    const navigate = vi.fn();
    const onUnauthenticated = vi.fn();
    const { unmount } = renderWithAuth(<RequireAuth navigate={navigate} redirectTo="/sign-in" onUnauthenticated={onUnauthenticated} loading="wait" />, {
      storage: pendingStorage,
    });
    expect(screen.getByText('wait')).toBeTruthy();
    unmount();
    const { result } = renderHook(() => useLogin(), { wrapper: wrapperFor() });
    await act(() => result.current.mutateAsync({ email: demo.email, password: demo.password }));
    expect(navigate).not.toHaveBeenCalled();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('withAuthRequired: the component with its props when signed in, else the fallback and onUnauthenticated', async () => {
    function Dashboard({ title }: { title: string }) {
      return <h1>{title}</h1>;
    }
    const onUnauthenticated = vi.fn();
    const Protected = withAuthRequired(Dashboard, { fallback: 'please sign in', onUnauthenticated });
    expect(Protected.displayName).toBe('withAuthRequired(Dashboard)');
    let client!: ExhClient;
    function Probe() {
      client = useAuth((s) => s.client);
      return null;
    }
    render(
      <StrictMode>
        <AuthProvider host={host} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory">
          <Probe />
          <Protected title="Dashboard" />
        </AuthProvider>
      </StrictMode>,
    );
    expect(screen.getByText('please sign in')).toBeTruthy();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    await act(() => client.authenticate({ email: demo.email, password: demo.password }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Dashboard' })).toBeTruthy());
  });

  it('withAuthRequired with navigate sends to the sign-in route', () => {
    const navigate = vi.fn();
    const Protected = withAuthRequired(() => <p>secret</p>, { navigate, redirectTo: '/login', returnTo: '/settings' });
    renderWithAuth(<Protected />);
    expect(navigate).toHaveBeenCalledWith('/login');
    expect(takeReturnTo()).toBe('/settings');
    expect(screen.queryByText('secret')).toBeNull();
  });
});
