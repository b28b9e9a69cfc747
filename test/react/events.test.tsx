// @vitest-environment jsdom
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  accountApi,
  createExhClient,
  InvalidMfaTokenError,
  OAuthTokenError,
  ResourceUnknownError,
  SessionEndedByPasswordResetError,
  type ExhClient,
  type StorageAdapter,
} from '../../src/core';
import { AuthProvider, useAuth, type AuthProviderProps } from '../../src/react';
import { consumerKey, consumerSecret, demo, host, mfaUser, setupMockExh } from '../helpers';
import { wrapperFor } from './render';

const exh = setupMockExh();
const storageKey = `exh-auth-react:${host}:${consumerKey}`;

afterEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The provider's events, as the app sees them, in order. */
function recorder() {
  const events: unknown[][] = [];
  const props = {
    onSignedIn: vi.fn((session) => events.push(['signedIn', session.tokenId])),
    onSignedOut: vi.fn((reason) => events.push(['signedOut', reason])),
    onError: vi.fn((error) => events.push(['error', error.name])),
  } satisfies Partial<AuthProviderProps>;
  return { events, props };
}

function mount(props: Partial<AuthProviderProps> = {}) {
  return renderHook(() => useAuth(), { wrapper: wrapperFor(props) });
}

const otherTab = () => createExhClient({ host, consumerKey, consumerSecret, storage: 'local' });
const storageEvent = () => act(() => void window.dispatchEvent(new StorageEvent('storage', { key: storageKey, storageArea: localStorage })));

describe('AuthProvider events', () => {
  it("onSignedIn with the session (no secret) on sign-in, onSignedOut('logout') on sign-out, once each", async () => {
    const { events, props } = recorder();
    const { result } = mount(props);
    const session = await act(() => result.current.client.authenticate({ email: demo.email, password: demo.password }));
    expect(props.onSignedIn.mock.calls[0]![0]).toMatchObject({ tokenId: session.tokenId, userId: session.userId });
    expect(props.onSignedIn.mock.calls[0]![0]).not.toHaveProperty('tokenSecret');
    await act(() => result.current.logout());
    expect(events).toEqual([
      ['signedIn', session.tokenId],
      ['signedOut', 'logout'],
    ]);
  });

  it('once per change in StrictMode (at the root, where effects run twice)', async () => {
    const { events, props } = recorder();
    let client!: ExhClient;
    function Probe() {
      client = useAuth((s) => s.client);
      return null;
    }
    render(
      <StrictMode>
        <AuthProvider host={host} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory" {...props}>
          <Probe />
        </AuthProvider>
      </StrictMode>,
    );
    const session = await act(() => client.authenticate({ email: demo.email, password: demo.password }));
    await act(() => client.logout());
    expect(events).toEqual([
      ['signedIn', session.tokenId],
      ['signedOut', 'logout'],
    ]);
  });

  it('the MFA step is no sign-in: onSignedIn once the code is confirmed; its expiry is an onError, no onSignedOut', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const { events, props } = recorder();
    const { result } = mount(props);
    await act(() => result.current.client.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined));
    expect(events).toEqual([]);
    act(() => vi.advanceTimersByTime(result.current.mfa!.tokenExpiresIn + 1));
    expect(events).toEqual([['error', 'InvalidMfaTokenError']]);
    expect(props.onError.mock.calls[0]![0]).toBeInstanceOf(InvalidMfaTokenError);
  });

  it("a token refused by the service (108): onSignedOut('revoked'), then onError with the OAuthTokenError", async () => {
    const { events, props } = recorder();
    const { result } = mount(props);
    const session = await act(() => result.current.client.authenticate({ email: demo.email, password: demo.password }));
    exh.db.revokeToken(session.tokenId); // from another device
    await act(() => result.current.client.me().catch(() => undefined));
    expect(events).toEqual([
      ['signedIn', session.tokenId],
      ['signedOut', 'revoked'],
      ['error', 'OAuthTokenError'],
    ]);
    expect(props.onError.mock.calls[0]![0]).toBeInstanceOf(OAuthTokenError);
  });

  it("revoking this session's own token is this tab's sign-out: 'logout'", async () => {
    const { events, props } = recorder();
    const { result } = mount(props);
    const session = await act(() => result.current.client.authenticate({ email: demo.email, password: demo.password }));
    await act(() => result.current.client.tokens.remove(session.tokenId));
    expect(events.at(-1)).toEqual(['signedOut', 'logout']);
    expect(props.onError).not.toHaveBeenCalled();
  });

  it("a password reset of the signed-in user: onSignedOut('password-reset') once, onError with its error", async () => {
    const email = 'reset@example.com';
    exh.db.addUser({ email, password: 'Old-password1' });
    const { events, props } = recorder();
    const { result } = mount(props);
    const session = await act(() => result.current.client.authenticate({ email, password: 'Old-password1' }));
    const account = accountApi(result.current.client);
    await account.requestPasswordReset({ email });
    await act(() => account.resetPassword({ hash: exh.db.lastMail(email, 'reset')!.hash!, newPassword: 'New-password2' }));
    expect(events).toEqual([
      ['signedIn', session.tokenId],
      ['signedOut', 'password-reset'],
      ['error', 'SessionEndedByPasswordResetError'],
    ]);
    expect(props.onError.mock.calls[0]![0]).toBeInstanceOf(SessionEndedByPasswordResetError);
  });

  it("another tab: its sign-in is an onSignedIn, its sign-out an onSignedOut('other-tab'), its other user both", async () => {
    const { events, props } = recorder();
    mount({ ...props, storage: 'local' });
    const theirs = await otherTab().authenticate({ email: demo.email, password: demo.password });
    storageEvent();
    await waitFor(() => expect(events).toEqual([['signedIn', theirs.tokenId]]));

    const replaced = await otherTab().authenticate({ email: demo.email, password: demo.password });
    storageEvent();
    await waitFor(() => expect(events).toHaveLength(3));
    expect(events.slice(1)).toEqual([
      ['signedOut', 'other-tab'],
      ['signedIn', replaced.tokenId],
    ]);

    localStorage.removeItem(storageKey);
    storageEvent();
    await waitFor(() => expect(events.at(-1)).toEqual(['signedOut', 'other-tab']));
    expect(props.onError).not.toHaveBeenCalled();
  });

  it('a session restored from storage at load is no sign-in (asynchronous storage too); its end is', async () => {
    const stored = await otherTab().authenticate({ email: demo.email, password: demo.password });
    const raw = localStorage.getItem(storageKey);
    const asyncStorage: StorageAdapter = { get: async () => raw, set: async () => undefined, remove: async () => undefined };
    for (const storage of ['local', asyncStorage] as const) {
      const { events, props } = recorder();
      const onSessionChange = vi.fn();
      const { result, unmount } = mount({ ...props, storage, onSessionChange });
      await waitFor(() => expect(result.current.session?.tokenId).toBe(stored.tokenId));
      expect(events).toEqual([]);
      await act(() => result.current.client.logout({ revoke: false }));
      expect(events).toEqual([['signedOut', 'logout']]);
      unmount();
    }
  });

  it('a failed SSO token exchange: onError, no sign-in or sign-out', async () => {
    const { events, props } = recorder();
    window.history.replaceState(null, '', '/?ssoToken=used-or-unknown');
    const { result } = mount({ ...props, consumeSsoTokenFromUrl: true });
    await waitFor(() => expect(result.current.status).toBe('unauthenticated'));
    expect(events).toEqual([['error', 'ResourceUnknownError']]);
    expect(props.onError.mock.calls[0]![0]).toBeInstanceOf(ResourceUnknownError);
  });

  it('an SSO token sign-in is an onSignedIn', async () => {
    const other = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });
    await other.authenticate({ email: demo.email, password: demo.password });
    const { ssoToken } = await other.generateSsoToken();
    window.history.replaceState(null, '', `/?ssoToken=${ssoToken}`);
    const { events, props } = recorder();
    const { result } = mount({ ...props, consumeSsoTokenFromUrl: true });
    await waitFor(() => expect(result.current.status).toBe('authenticated'));
    expect(events).toEqual([['signedIn', result.current.session!.tokenId]]);
  });

  it('a callback that throws is reported and stops neither the other callbacks nor the clean-up of the old session', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const boom = new Error('app bug');
    const onError = vi.fn();
    const onSessionChange = vi.fn(() => {
      throw boom;
    });
    const { result } = mount({ onSessionChange, onSignedOut: () => { throw boom; }, onError });
    const session = await act(() => result.current.client.authenticate({ email: demo.email, password: demo.password }));
    exh.db.revokeToken(session.tokenId);
    await act(() => result.current.client.me().catch(() => undefined));
    expect(result.current.status).toBe('unauthenticated');
    expect(onSessionChange).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledWith(expect.any(OAuthTokenError));
    expect(reportError.mock.calls).toEqual([[boom], [boom], [boom]]);
  });
});
