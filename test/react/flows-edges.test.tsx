// @vitest-environment jsdom
/**
 * The edges of the sign-in, account and MFA flows: what an app sees when a session ends while a request is in
 * flight, when signed out, with a padded or odd address, and the keys it finds the package's work by.
 */
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ExhError, InvalidPresenceTokenError, UserNotAuthenticatedError, type ExhClient } from '../../src/core';
import {
  looksLikeEmail,
  useAddMfaMethod,
  useAuth,
  useConfirmMfa,
  useEmailAvailable,
  useLogin,
  useLogout,
  useMe,
  useMfaSettings,
  usePresence,
  useRegister,
  useRequestPasswordReset,
  useSsoToken,
  useUpdateProfile,
  useVerifyMfaMethod,
} from '../../src/react';
import { totp } from '../../src/msw';
import { demo, host, mfaUser, setupMockExh } from '../helpers';
import { wrapperFor } from './render';

const exh = setupMockExh();

async function signedIn(): Promise<ExhClient> {
  const client = exh.client();
  await client.authenticate({ email: demo.email, password: demo.password });
  return client;
}

/** Holds the requests to `path` until `release()`; `sent` resolves when the first one reaches the mock. */
function hold(path: string, method: 'post' | 'put') {
  let release!: () => void;
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const sent = new Promise<void>((resolve) => (reached = resolve));
  // Returning nothing hands the request on to the mock's own handler.
  exh.server.use(
    http[method](`${host}${path}`, async () => {
      reached();
      await held;
    }),
  );
  return { release, sent };
}

describe('an address as typed', () => {
  it('looksLikeEmail takes the whole text: no space before the address, nothing after it', () => {
    expect(looksLikeEmail('new@example.com')).toBe(true);
    expect(looksLikeEmail('my new@example.com')).toBe(false);
    expect(looksLikeEmail('new@example.com please')).toBe(false);
  });

  it('useEmailAvailable checks a padded address without its spaces', async () => {
    const { result } = renderHook(() => useEmailAvailable(`  ${demo.email} `, { debounceMs: 0 }), { wrapper: wrapperFor() });
    expect(result.current.email).toBe(demo.email);
    await waitFor(() => expect(result.current.data).toBe(false));
    expect(exh.db.count('GET', '/users/v1/email_available')).toBe(1);
  });
});

describe('signed out', () => {
  it('useMfaSettings asks nothing', async () => {
    const { result } = renderHook(() => useMfaSettings(), { wrapper: wrapperFor() });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle' });
    expect(exh.db.requests).toHaveLength(0);
  });

  it('an MFA write fails with 132 (confirm your password), an SSO token with 104, neither with a request', async () => {
    const { result } = renderHook(() => ({ add: useAddMfaMethod(), sso: useSsoToken() }), { wrapper: wrapperFor() });
    const add = await act(() => result.current.add.mutateAsync({ type: 'recoveryCodes' }).catch((e: unknown) => e));
    expect(add).toBeInstanceOf(InvalidPresenceTokenError);
    const sso = await act(() => result.current.sso.generate.mutateAsync().catch((e: unknown) => e));
    expect(sso).toBeInstanceOf(UserNotAuthenticatedError);
    expect(exh.db.requests).toHaveLength(0);
  });
});

describe('a session that ends while a request is in flight', () => {
  it('an MFA write still resolves with its answer (the service did it), and no settings are cached for anyone', async () => {
    const client = await signedIn();
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ presence: usePresence(), settings: useMfaSettings(), add: useAddMfaMethod() }), {
      wrapper: wrapperFor({ client, queryClient }),
    });
    await waitFor(() => expect(result.current.settings.isSuccess).toBe(true));
    await act(() => result.current.presence.confirm(demo.password));
    const { release, sent } = hold('/auth/v2/mfa/users/:userId/methods', 'post');
    const adding = result.current.add.mutateAsync({ type: 'recoveryCodes' });
    await sent;
    await act(() => client.logout({ revoke: false }));
    release();
    const method = await act(() => adding);
    expect(method).toMatchObject({ type: 'recoveryCodes', codes: expect.any(Array) });
    expect(queryClient.getQueryCache().findAll({ queryKey: ['exh-auth-react', { kind: 'mfaSettings' }] }).flatMap((q) => q.state.data ?? [])).toEqual([]);
  });

  it('useUpdateProfile resolves with the user, who does not go back into the cache', async () => {
    const client = await signedIn();
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ me: useMe(), update: useUpdateProfile() }), { wrapper: wrapperFor({ client, queryClient }) });
    await waitFor(() => expect(result.current.me.isSuccess).toBe(true));
    const { release, sent } = hold('/users/v1/:userId', 'put');
    const updating = result.current.update.mutateAsync({ firstName: 'Late' });
    await sent;
    await act(() => client.logout({ revoke: false }));
    release();
    expect(await act(() => updating)).toMatchObject({ firstName: 'Late' });
    expect(queryClient.getQueryCache().findAll({ queryKey: ['exh-auth-react', { kind: 'me' }] }).flatMap((q) => q.state.data ?? [])).toEqual([]);
  });

  it('an SSO token made meanwhile is not handed out: the mutation fails saying why', async () => {
    const client = await signedIn();
    const { result } = renderHook(() => useSsoToken(), { wrapper: wrapperFor({ client }) });
    const { release, sent } = hold('/auth/v2/oauth1/ssoTokens/generate', 'post');
    const generating = result.current.generate.mutateAsync().catch((e: unknown) => e);
    await sent;
    await act(() => client.logout({ revoke: false }));
    release();
    const error = await act(() => generating);
    expect(error).toBeInstanceOf(ExhError);
    expect((error as ExhError).message).toBe('The session ended while the SSO token was made');
  });
});

describe('useVerifyMfaMethod', () => {
  it('marks the verified method only, not the others', async () => {
    const client = await signedIn();
    const { result } = renderHook(() => ({ presence: usePresence(), settings: useMfaSettings(), add: useAddMfaMethod(), verify: useVerifyMfaMethod() }), {
      wrapper: wrapperFor({ client }),
    });
    await waitFor(() => expect(result.current.settings.isSuccess).toBe(true));
    await act(() => result.current.presence.confirm(demo.password));
    const first = await act(() => result.current.add.mutateAsync({ type: 'totp', name: 'Phone' }));
    const second = await act(() => result.current.add.mutateAsync({ type: 'totp', name: 'Tablet' }));
    if (second.type !== 'totp') throw new Error('not a TOTP method');
    const code = await totp(second.secret, exh.now());
    await act(() => result.current.verify.mutateAsync({ methodId: second.id, code }));
    await waitFor(() =>
      expect(result.current.settings.data?.methods.map((m) => [m.id, m.verified])).toEqual([
        [first.id, false],
        [second.id, true],
      ]),
    );
  });
});

describe("the keys an app finds the package's work by", () => {
  it('each mutation and the MFA settings query carry their kind', async () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(
      () => ({
        auth: useAuth(),
        login: useLogin(),
        confirm: useConfirmMfa(),
        logout: useLogout(),
        sso: useSsoToken(),
        presence: usePresence(),
        settings: useMfaSettings(),
        add: useAddMfaMethod(),
      }),
      { wrapper: wrapperFor({ queryClient }) },
    );
    const found = (kind: string) => queryClient.getMutationCache().findAll({ mutationKey: ['exh-auth-react', { kind }] }).length;

    await act(() => result.current.login.mutateAsync({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined));
    expect(found('login')).toBe(1);
    const code = await totp(mfaUser.mfa!.totpSecret, exh.now());
    await act(() => result.current.confirm.mutateAsync({ methodId: result.current.auth.mfa!.methods[0]!.id, code }));
    expect(found('confirmMfa')).toBe(1);
    const { ssoToken } = await act(() => result.current.sso.generate.mutateAsync());
    expect(found('ssoGenerate')).toBe(1);
    await act(() => result.current.logout.mutateAsync());
    expect(found('logout')).toBe(1);
    await act(() => result.current.sso.consume.mutateAsync(ssoToken));
    expect(found('ssoConsume')).toBe(1);

    await waitFor(() => expect(result.current.settings.isSuccess).toBe(true));
    expect(queryClient.getQueryCache().findAll({ queryKey: ['exh-auth-react', { kind: 'mfaSettings' }] })).toHaveLength(1);
    await act(() => result.current.presence.confirm(mfaUser.password));
    await act(() => result.current.add.mutateAsync({ type: 'recoveryCodes' }));
    expect(found('mfa')).toBe(1);
  });
});

describe('a sign-out', () => {
  it('leaves no settled account mutation behind: no profile, address or new account of before', async () => {
    const client = await signedIn();
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ update: useUpdateProfile(), request: useRequestPasswordReset(), register: useRegister() }), {
      wrapper: wrapperFor({ client, queryClient }),
    });
    await act(() => result.current.update.mutateAsync({ firstName: 'Renamed' }));
    await act(() => result.current.request.mutateAsync({ email: demo.email }));
    await act(() =>
      result.current.register.mutateAsync({ firstName: 'New', lastName: 'Person', email: 'new@example.com', password: 'Secret-password1', phoneNumber: '+32470000000', language: 'EN' }),
    );
    const cached = () => JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state));
    expect(cached()).toContain('Renamed');
    await act(() => client.logout());
    for (const text of [demo.email, 'Renamed', 'new@example.com']) expect(cached()).not.toContain(text);
  });
});
