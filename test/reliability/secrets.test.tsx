// @vitest-environment jsdom
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginForm, useAuth, useLogout, useRevokeToken, useSsoToken, useTokens, type AuthView } from '../../src';
import { totp } from '../../src/msw';
import { consumerSecret, demo, mfaUser, setupMockExh } from '../helpers';
import { renderWithAuth, wrapperFor } from '../react/render';

// An older service version, which lists token secrets: they must not reach the cache either.
const exh = setupMockExh({ listTokenSecrets: true });

/** Everything the sweep reads: console output, errors, DOM, caches, storage. */
const seen: string[] = [];
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;

beforeEach(() => {
  for (const method of consoleMethods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void seen.push(args.map(dump).join(' ')));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  seen.length = 0;
  localStorage.clear();
  sessionStorage.clear();
});

function dump(value: unknown): string {
  if (value instanceof Error) {
    const body = (value as { body?: unknown }).body;
    return [value.name, value.message, value.stack, JSON.stringify(value), JSON.stringify(body), String(value.cause)].join('\n');
  }
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** What the app can reach, read after a step: DOM, caches, web storage, useAuth() and console output (in `seen`). */
function sweep(queryClient: QueryClient, auth: AuthView | undefined): string {
  const reach = [...seen, document.documentElement.outerHTML, document.body.textContent ?? ''];
  for (const query of queryClient.getQueryCache().getAll()) reach.push(dump({ key: query.queryKey, data: query.state.data }), dump(query.state.error));
  for (const mutation of queryClient.getMutationCache().getAll()) {
    const { data, variables, context, error } = mutation.state;
    reach.push(dump({ data, variables, context }), dump(error));
  }
  // The chosen storage ('session' here) holds the current secret by design; localStorage holds nothing.
  reach.push(JSON.stringify({ ...localStorage }));
  if (auth) {
    const { client: _client, ...view } = auth;
    reach.push(dump(view), dump(auth.error));
  }
  return reach.join('\n');
}

/** Every secret the flow has made so far: passwords, the consumer secret, every token secret the server ever issued. */
const secrets = new Set<string>();
function rememberServerSecrets() {
  for (const email of [demo.email, mfaUser.email]) for (const token of exh.db.tokensOf(email)) secrets.add(token.tokenSecret);
}

function expectNoSecretAfter(step: string, reach: string) {
  rememberServerSecrets();
  const found = [...secrets].filter((secret) => reach.includes(secret));
  expect(found.map((secret) => `${secret.slice(0, 3)}…`), `secrets in reach of the app after: ${step}`).toEqual([]);
}

describe('no password, token secret or consumer secret leaks', () => {
  beforeEach(() => {
    secrets.clear();
    secrets.add(demo.password).add(mfaUser.password).add(consumerSecret);
  });

  it('after every step: refused sign-ins, password and MFA sign-in, tokens listed, revoke, SSO generate and consume, logout', async () => {
    const user = userEvent.setup();
    const queryClient = new QueryClient();
    // Other devices of the user: the service (an older version) lists them with their secrets.
    const otherDevices = [exh.db.createToken(demo.email), exh.db.createToken(demo.email), exh.db.createToken(mfaUser.email)];
    let auth: AuthView | undefined;
    function Probe() {
      auth = useAuth();
      const tokens = useTokens();
      const revoke = useRevokeToken();
      const sso = useSsoToken();
      const logout = useLogout();
      if (auth.status !== 'authenticated') return <LoginForm />;
      const other = tokens.data?.data.find((t) => !t.current);
      const ssoToken = sso.generate.data?.ssoToken;
      return (
        <>
          <ul aria-label="sessions">
            {tokens.data?.data.map((t) => <li key={t.id}>{`${t.id}${t.current ? ' (this device)' : ''}`}</li>)}
          </ul>
          <button onClick={() => other && revoke.mutate(other.id)}>revoke</button>
          <button onClick={() => sso.generate.mutate()}>generate</button>
          {ssoToken && <button onClick={() => sso.consume.mutate(ssoToken)}>consume</button>}
          <button onClick={() => logout.mutate()}>out</button>
        </>
      );
    }
    renderWithAuth(<Probe />, { queryClient, storage: 'session' });
    const after = (step: string) => expectNoSecretAfter(step, sweep(queryClient, auth));
    const listed = async (count: number) => {
      await waitFor(() => expect(within(screen.getByRole('list', { name: 'sessions' })).getAllByRole('listitem')).toHaveLength(count));
    };
    const signIn = async (email: string, password: string) => {
      await user.clear(screen.getByLabelText('Email'));
      await user.type(screen.getByLabelText('Email'), email);
      await user.clear(screen.getByLabelText('Password'));
      await user.type(screen.getByLabelText('Password'), password);
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
    };

    // Refused: a wrong password (106), a 500 echoing the password in HTML, the network gone.
    await signIn(demo.email, 'wrong-' + demo.password);
    await screen.findByText(/not correct/);
    after('a wrong password');
    exh.advance(1100); // past the mock's 1 s login throttle
    exh.db.failNext(1, { status: 500, body: `<html>echo ${demo.password}</html>` });
    await signIn(demo.email, demo.password);
    await screen.findByText(/Something went wrong/);
    after('a 500 echoing the password');
    exh.db.failNext(1, { status: 0 });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText(/cannot be reached/);
    after('a network error');

    // Password sign-in; the token list arrives (with every device's secret, from this service version).
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: 'out' });
    after('password sign-in');
    await listed(3);
    const swept = sweep(queryClient, auth);
    // The sweep reads the cache: the other devices' ids are in it (so the secrets would be too).
    expect(swept).toContain(otherDevices[0]!.id);
    expectNoSecretAfter('tokens listed', swept);

    await user.click(screen.getByRole('button', { name: 'revoke' }));
    await listed(2);
    after('revoke');

    await user.click(screen.getByRole('button', { name: 'generate' }));
    await screen.findByRole('button', { name: 'consume' });
    after('generate SSO token');

    const before = auth!.session!.tokenId;
    await user.click(screen.getByRole('button', { name: 'consume' }));
    await waitFor(() => expect(auth!.session?.tokenId).not.toBe(before));
    after('SSO consume');
    await listed(3);
    after('tokens listed for the SSO session');

    await user.click(screen.getByRole('button', { name: 'out' }));
    await screen.findByLabelText('Email');
    after('logout');

    // MFA sign-in: the password step, a wrong code, the right one.
    exh.advance(1100);
    await signIn(mfaUser.email, mfaUser.password);
    const code = await screen.findByLabelText('Authenticator app code');
    after('password accepted, MFA step');
    await user.type(code, '000000');
    await screen.findByText(/not correct/);
    after('a wrong MFA code');
    exh.advance(1100); // past the MFA back-off
    await user.type(code, await totp(mfaUser.mfa!.totpSecret, exh.now()));
    await screen.findByRole('button', { name: 'out' });
    after('MFA sign-in');
    await listed(2);
    after('tokens listed for the MFA session');

    await user.click(screen.getByRole('button', { name: 'out' }));
    await screen.findByLabelText('Email');
    after('the second logout');
    // The password (both demo users share it), the consumer secret, 3 other devices, 3 sessions.
    expect(secrets.size).toBe(8);
  }, 30_000);

  it('useAuth().session carries no token secret', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapperFor({ storage: 'memory' }) });
    const session = await act(() => result.current.client.authenticate({ email: demo.email, password: demo.password }));
    expect(JSON.stringify(result.current.session)).not.toContain(session.tokenSecret);
  });

  it('keeps the token secret only in the chosen storage', async () => {
    for (const storage of ['memory', 'session', 'local'] as const) {
      const { result, unmount } = renderHook(() => ({ auth: useAuth(), logout: useLogout() }), { wrapper: wrapperFor({ storage }) });
      await act(() => result.current.auth.client.authenticate({ email: demo.email, password: demo.password }));
      const secret = result.current.auth.client.getSession()!.tokenSecret;
      const inLocal = JSON.stringify({ ...localStorage }).includes(secret);
      const inSession = JSON.stringify({ ...sessionStorage }).includes(secret);
      expect({ storage, inLocal, inSession }).toEqual({ storage, inLocal: storage === 'local', inSession: storage === 'session' });
      await act(() => result.current.logout.mutateAsync());
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret);
      unmount();
    }
  });
});
