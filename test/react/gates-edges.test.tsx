// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthProvider,
  RequireAuth,
  exhQueryKeys,
  safeReturnTo,
  saveReturnTo,
  takeReturnTo,
  useAuth,
  useExhClient,
  useExhQueryKeys,
  useMe,
  useTokens,
  withAuthRequired,
} from '../../src/react';
import type { ExhClient } from '../../src/core';
import { demo, mfaUser, setupMockExh } from '../helpers';
import { renderHookWithAuth, renderWithAuth, wrapperFor } from './render';

const exh = setupMockExh();

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
});

const signIn = (client: ExhClient) => client.authenticate({ email: demo.email, password: demo.password });

describe('returnTo when storage fails', () => {
  it('a path whose host cannot be parsed is refused', () => {
    expect(safeReturnTo('//[')).toBeNull();
  });

  it('saveReturnTo says false when the write is refused (storage full, private mode)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(saveReturnTo('/reports')).toBe(false);
  });

  it('a sandboxed frame, whose storage throws on access, keeps nothing and gives nothing', () => {
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('sandboxed', 'SecurityError');
    });
    expect(saveReturnTo('/reports')).toBe(false);
    expect(takeReturnTo()).toBeNull();
  });

  it('takeReturnTo gives null when the read throws', () => {
    sessionStorage.setItem('exh-auth-react:returnTo', '/reports');
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(takeReturnTo()).toBeNull();
  });
});

describe('RequireAuth and withAuthRequired edges', () => {
  it('a gate mounted at the MFA step treats the user as signed out', async () => {
    const onUnauthenticated = vi.fn();
    let client!: ExhClient;
    function Probe() {
      client = useAuth((s) => s.client);
      return null;
    }
    const { rerenderWith } = renderWithAuth(<Probe />);
    await act(() => client.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined));
    expect(client.getState().status).toBe('mfaRequired');
    rerenderWith(
      <>
        <Probe />
        <RequireAuth fallback="code please" onUnauthenticated={onUnauthenticated}>
          secret
        </RequireAuth>
      </>,
    );
    expect(screen.getByText('code please')).toBeTruthy();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('navigate without redirectTo neither navigates nor keeps a path', () => {
    const navigate = vi.fn();
    const onUnauthenticated = vi.fn();
    renderWithAuth(<RequireAuth navigate={navigate} returnTo="/settings" onUnauthenticated={onUnauthenticated} fallback="out" />);
    expect(screen.getByText('out')).toBeTruthy();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(navigate).not.toHaveBeenCalled();
    expect(takeReturnTo()).toBeNull();
  });

  it('withAuthRequired names an anonymous component "Component"', () => {
    expect(withAuthRequired(() => null).displayName).toBe('withAuthRequired(Component)');
  });
});

describe('useAuth follows a replaced client', () => {
  it('client and logout are the new client’s', async () => {
    const first = exh.client();
    const second = exh.client();
    let given = first;
    const Wrapper = ({ children }: { children?: ReactNode }) => <AuthProvider client={given}>{children}</AuthProvider>;
    const { result, rerender } = renderHook(() => useAuth(), { wrapper: Wrapper });
    expect(result.current.client).toBe(first);
    given = second;
    rerender();
    expect(result.current.client).toBe(second);
    await act(() => signIn(second));
    expect(result.current.status).toBe('authenticated');
    await act(() => result.current.logout());
    expect(second.getState().status).toBe('unauthenticated');
  });
});

describe('useMe signed out', () => {
  it('asks nothing', async () => {
    const { result } = renderHookWithAuth(() => useMe());
    expect(result.current.fetchStatus).toBe('idle');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle' });
    expect(exh.db.count('GET')).toBe(0);
  });
});

describe('query keys by kind', () => {
  it('exhQueryKeys and useExhQueryKeys() tokens() and me() each find their own query only', async () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ me: useMe(), tokens: useTokens(), keys: useExhQueryKeys(), client: useExhClient() }), {
      wrapper: wrapperFor({ queryClient }),
    });
    await act(() => signIn(result.current.client));
    await waitFor(() => expect(result.current.me.data && result.current.tokens.data).toBeDefined());
    const found = (queryKey: readonly unknown[]) => queryClient.getQueriesData({ queryKey }).map(([, data]) => data);
    expect(found(exhQueryKeys.all)).toHaveLength(2);
    expect(found(exhQueryKeys.me())).toEqual([result.current.me.data]);
    expect(found(exhQueryKeys.tokens())).toEqual([result.current.tokens.data]);
    expect(found(result.current.keys.me())).toEqual([result.current.me.data]);
    expect(found(result.current.keys.tokens())).toEqual([result.current.tokens.data]);
  });

  it('a key’s session is the token id, "-" signed out', async () => {
    const { result } = renderHookWithAuth(() => ({ keys: useExhQueryKeys(), client: useExhClient() }));
    expect(result.current.keys.all[1].session).toBe('-');
    await act(() => signIn(result.current.client));
    const tokenId = result.current.client.getSession()!.tokenId;
    expect(result.current.keys.all[1].session).toBe(tokenId);
    expect(result.current.keys.me()[1]).toMatchObject({ session: tokenId, kind: 'me' });
  });
});
