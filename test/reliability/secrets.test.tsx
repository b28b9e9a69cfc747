// @vitest-environment jsdom
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginForm, useAuth, useLogout, useSsoToken, useTokens, type ExhClient } from '../../src';
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

function sweep(queryClient: QueryClient) {
  seen.push(document.documentElement.outerHTML, document.body.textContent ?? '');
  for (const query of queryClient.getQueryCache().getAll()) seen.push(dump({ key: query.queryKey, data: query.state.data }), dump(query.state.error));
  for (const mutation of queryClient.getMutationCache().getAll()) {
    const { data, variables, context, error } = mutation.state;
    seen.push(dump({ data, variables, context }), dump(error));
  }
}

function expectNoSecret(secrets: Array<string | undefined>) {
  const text = seen.join('\n');
  for (const secret of secrets.filter((s): s is string => Boolean(s))) {
    expect(text.includes(secret), `a secret (${secret.slice(0, 3)}…) was found`).toBe(false);
  }
}

describe('no password, token secret or consumer secret leaks', () => {
  it('across the LoginForm flows: errors, MFA, success, the token list, SSO and logout', async () => {
    const user = userEvent.setup();
    const queryClient = new QueryClient();
    const password = mfaUser.password;
    let client: ExhClient | undefined;
    function Probe() {
      client = useAuth((s) => s.client);
      const status = useAuth((s) => s.status);
      const tokens = useTokens();
      const sso = useSsoToken();
      const logout = useLogout();
      return status === 'authenticated' ? (
        <>
          <p>{`${tokens.data?.data.length ?? 0} sessions`}</p>
          <button onClick={() => sso.generate.mutate(undefined, { onSuccess: (t) => sso.consume.mutate(t.ssoToken) })}>sso</button>
          <button onClick={() => logout.mutate()}>out</button>
        </>
      ) : (
        <LoginForm />
      );
    }
    renderWithAuth(<Probe />, { queryClient, storage: 'session' });
    const email = screen.getByLabelText('Email');
    const passwordInput = screen.getByLabelText('Password');

    // 106, then a 500 with the password echoed in an HTML body, then a network error.
    await user.type(email, mfaUser.email);
    await user.type(passwordInput, 'wrong-' + password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText(/not correct/);
    exh.db.failNext(1, { status: 500, body: `<html>echo ${password}</html>` });
    exh.advance(1100); // past the mock's 1 s throttle
    await user.clear(passwordInput);
    await user.type(passwordInput, password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText(/Something went wrong/);
    exh.db.failNext(1, { status: 0 });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText(/cannot be reached/);

    // MFA: a wrong code, then the right one.
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = await screen.findByLabelText(/6-digit code/);
    await user.type(code, '000000');
    await screen.findByText(/not correct/);
    exh.advance(1100); // past the MFA back-off
    await user.type(code, await totp(mfaUser.mfa!.totpSecret));
    await screen.findByText(/sessions/);

    const session = client!.getSession()!;
    expect(session.tokenSecret).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/[1-9] sessions?/)).toBeTruthy());
    await user.click(screen.getByText('sso'));
    await waitFor(() => expect(client!.getSession()?.tokenId).not.toBe(session.tokenId));
    const second = client!.getSession()!;
    await user.click(screen.getByText('out'));
    await screen.findByLabelText('Email');

    sweep(queryClient);
    seen.push(JSON.stringify({ ...localStorage }));
    expectNoSecret([password, session.tokenSecret, second.tokenSecret, consumerSecret, ...exh.db.tokensOf(mfaUser.email).map((t) => t.tokenSecret)]);
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
