// @vitest-environment jsdom
/**
 * TanStack Query's options on the package's hooks: the app's pass through (select, enabled, staleTime, meta,
 * throwOnError, callbacks), the package's own stay (key, function, retry, networkMode, cache updates).
 * The `expectTypeOf` lines are checked by `npm run typecheck`.
 */
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Component, type ReactNode } from 'react';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ExhClient, ExhError, ExhUser, MfaSettingsMethod, NewMfaMethod, PasswordPolicy, SessionInfo, UserMfaSettings } from '../../src/core';
import {
  useAddMfaMethod,
  useEmailAvailable,
  useExhQueryKeys,
  useLogin,
  useLogout,
  useMe,
  useMfaSettings,
  usePasswordPolicy,
  usePresence,
  useRegister,
  useRevokeToken,
  useSsoToken,
  useTokens,
  useUpdateProfile,
  type LoginAttempt,
  type RegisterAttempt,
} from '../../src/react';
import { demo, setupMockExh } from '../helpers';
import { renderWithAuth, wrapperFor } from './render';

const exh = setupMockExh();

/** Signed in before rendering, on a QueryClient of the test's own (to read its caches). */
async function signedIn(client: ExhClient = exh.client()) {
  await client.authenticate({ email: demo.email, password: demo.password });
  const queryClient = new QueryClient();
  exh.db.resetRequests();
  return { client, queryClient, wrapper: wrapperFor({ client, queryClient }) };
}

class Boundary extends Component<{ children?: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">boundary: {this.state.error.name}</p> : this.props.children;
  }
}

describe('query options', () => {
  it('select shapes and types data', async () => {
    const { wrapper } = await signedIn();
    const { result } = renderHook(
      () => ({
        name: useMe({ select: (user) => user.firstName }),
        count: useTokens({ rql: 'limit(10,0)', select: (list) => list.data.length }),
        methods: useMfaSettings({ select: (settings) => settings.methods.map((method) => method.type) }),
      }),
      { wrapper },
    );
    expectTypeOf(result.current.name.data).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.current.count.data).toEqualTypeOf<number | undefined>();
    expectTypeOf(result.current.methods.data).toEqualTypeOf<Array<MfaSettingsMethod['type']> | undefined>();
    await waitFor(() => expect(result.current.name.data).toBe(demo.firstName));
    await waitFor(() => expect(result.current.count.data).toBe(1));
    await waitFor(() => expect(result.current.methods.data).toEqual([]));
  });

  it('enabled: false (or a function answering false) sends no request; signed out, enabled: true sends none either', async () => {
    const { wrapper } = await signedIn();
    const { result } = renderHook(
      () => ({
        me: useMe({ enabled: false }),
        tokens: useTokens({ enabled: () => false }),
        mfa: useMfaSettings({ enabled: false }),
        policy: usePasswordPolicy({ enabled: false }),
        email: useEmailAvailable('free@example.com', { debounceMs: 0, enabled: false }),
      }),
      { wrapper },
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(result.current.me.fetchStatus).toBe('idle');
    expect(result.current.email.isDebouncing).toBe(false);
    expect(exh.db.requests).toEqual([]);

    const signedOut = renderHook(() => ({ me: useMe({ enabled: true }), tokens: useTokens({ enabled: () => true }) }), { wrapper: wrapperFor() });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(signedOut.result.current.me.fetchStatus).toBe('idle');
    expect(exh.db.requests).toEqual([]);
  });

  it('staleTime is the app’s: a second component within it asks nothing, the package’s default (0) asks again', async () => {
    const { wrapper } = await signedIn();
    const first = renderHook(() => useMe({ staleTime: 60_000 }), { wrapper });
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    const second = renderHook(() => useMe({ staleTime: 60_000 }), { wrapper });
    expect(second.result.current.data?.id).toBe(first.result.current.data?.id);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(exh.db.count('GET', '/users/v1/me')).toBe(1);

    // The password policy's default (never stale) gives way to the app's.
    const policy = renderHook(() => usePasswordPolicy({ staleTime: 0 }), { wrapper });
    await waitFor(() => expect(policy.result.current.isSuccess).toBe(true));
    renderHook(() => usePasswordPolicy({ staleTime: 0 }), { wrapper });
    await waitFor(() => expect(exh.db.count('GET', '/users/v1/password_policy')).toBe(2));
  });

  it('meta reaches the query; retry and networkMode stay the package’s, whatever is passed', async () => {
    const { wrapper, queryClient } = await signedIn();
    exh.db.failNext(1, { status: 500, body: { code: 0, name: 'INTERNAL', message: 'boom' } }, { path: '/users/v1/me' });
    // @ts-expect-error retry is the package's (ky retries what is safe to retry)
    const { result } = renderHook(() => useMe({ meta: { screen: 'profile' }, retry: 3, networkMode: 'online' }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(exh.db.count('GET', '/users/v1/me')).toBe(1);
    const [query] = queryClient.getQueryCache().findAll({ queryKey: ['exh-auth-react', { kind: 'me' }] });
    expect(query!.meta).toEqual({ screen: 'profile' });
    expect(query!.options.networkMode).toBe('always');
  });

  it('throwOnError sends a failed query to the nearest error boundary', async () => {
    const client = exh.client();
    await client.authenticate({ email: demo.email, password: demo.password });
    exh.db.failNext(1, { status: 500, body: { code: 0, name: 'INTERNAL', message: 'boom' } }, { path: '/users/v1/me' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Name() {
      return <p>{useMe({ throwOnError: true }).data?.firstName}</p>;
    }
    renderWithAuth(
      <Boundary>
        <Name />
      </Boundary>,
      { client },
    );
    expect((await screen.findByRole('alert')).textContent).toBe('boundary: ExhError');
    vi.mocked(console.error).mockRestore();
  });

  it('useEmailAvailable keeps its own debounce option beside TanStack’s', async () => {
    const { wrapper } = await signedIn();
    const { result } = renderHook(() => useEmailAvailable(demo.email, { debounceMs: 0, select: (free) => (free ? 'free' : 'taken') }), { wrapper });
    expectTypeOf(result.current.data).toEqualTypeOf<string | undefined>();
    await waitFor(() => expect(result.current.data).toBe('taken'));
    expect(result.current.email).toBe(demo.email);
  });
});

describe('mutation options', () => {
  it('an app onSuccess runs after the package’s cache update (useUpdateProfile: useMe already has the answer)', async () => {
    const { wrapper, queryClient } = await signedIn();
    const seen: unknown[] = [];
    const { result } = renderHook(
      () => {
        const keys = useExhQueryKeys();
        return {
          me: useMe(),
          update: useUpdateProfile({
            onSuccess: (user, patch) => {
              expectTypeOf(user).toEqualTypeOf<ExhUser>();
              seen.push([user.firstName, patch, queryClient.getQueryData<ExhUser>(keys.me())?.firstName]);
            },
          }),
        };
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.me.isSuccess).toBe(true));
    await act(() => result.current.update.mutateAsync({ firstName: 'Renamed' }));
    expect(seen).toEqual([['Renamed', { firstName: 'Renamed' }, 'Renamed']]);
    await waitFor(() => expect(result.current.me.data?.firstName).toBe('Renamed'));
    expect(exh.db.count('GET', '/users/v1/me')).toBe(1);
  });

  it('an MFA write updates the settings before the app’s onSuccess, which sees the secret once', async () => {
    const { wrapper } = await signedIn();
    const seen: string[] = [];
    const { result } = renderHook(
      () => {
        const settings = useMfaSettings();
        return {
          presence: usePresence(),
          settings,
          add: useAddMfaMethod({
            onSuccess: (method) => {
              expectTypeOf(method).toEqualTypeOf<NewMfaMethod>();
              seen.push(`${method.type} with ${method.type === 'recoveryCodes' ? method.codes.length : 0} codes`);
            },
            onSettled: () => seen.push('settled'),
          }),
        };
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.settings.data?.methods).toEqual([]));
    await act(() => result.current.presence.confirm(demo.password));
    await act(() => result.current.add.mutateAsync({ type: 'recoveryCodes' }));
    expect(seen).toEqual(['recoveryCodes with 10 codes', 'settled']);
    await waitFor(() => expect(result.current.settings.data?.methods.map((method) => method.type)).toEqual(['recoveryCodes']));
  });

  it('the app’s onMutate context reaches its own callbacks; the package’s optimistic revoke still happens and is rolled back', async () => {
    const client = exh.client();
    exh.db.createToken(demo.email);
    const { wrapper } = await signedIn(client);
    const calls: string[] = [];
    const { result } = renderHook(
      () => ({
        tokens: useTokens(),
        revoke: useRevokeToken({
          onMutate: (tokenId) => ({ startedFor: tokenId }),
          onError: (error, _tokenId, context) => {
            expectTypeOf(context).toEqualTypeOf<{ startedFor: string } | undefined>();
            calls.push(`error ${error.name} for ${context?.startedFor}`);
          },
          onSettled: (_data, _error, _tokenId, context) => calls.push(`settled ${context?.startedFor}`),
        }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.tokens.data?.data).toHaveLength(2));
    const other = result.current.tokens.data!.data.find((token) => !token.current)!;
    exh.db.failNext(1, { status: 500, body: { code: 0, name: 'INTERNAL', message: 'boom' } }, { method: 'DELETE' });
    await act(() => result.current.revoke.mutateAsync(other.id).catch(() => undefined));
    expect(calls).toEqual([`error ExhError for ${other.id}`, `settled ${other.id}`]);
    expect(result.current.revoke.context).toEqual({ startedFor: other.id });
    expect(result.current.tokens.data!.data.map((token) => token.id)).toContain(other.id);

    calls.length = 0;
    await act(() => result.current.revoke.mutateAsync(other.id));
    expect(calls).toEqual([`settled ${other.id}`]);
    expect(result.current.tokens.data!.data.map((token) => token.id)).not.toContain(other.id);
  });

  it('useRegister: the app’s onSuccess sees the attempt without the password; the address is cached as taken first', async () => {
    const queryClient = new QueryClient();
    const seen: unknown[] = [];
    const user = { firstName: 'New', lastName: 'Person', email: 'new@example.com', password: 'Secret-password1', phoneNumber: '+32470000000', language: 'EN' };
    const { result } = renderHook(
      () => ({
        register: useRegister({
          onSuccess: (_user, attempt) => {
            expectTypeOf(attempt).toEqualTypeOf<RegisterAttempt>();
            seen.push('password' in attempt, queryClient.getQueryData(['exh-auth-react', 'emailAvailable', 'https://api.exh.test', user.email]));
          },
        }),
        available: useEmailAvailable(user.email, { enabled: false }),
      }),
      { wrapper: wrapperFor({ queryClient }) },
    );
    await act(() => result.current.register.mutateAsync(user));
    expect(seen).toEqual([false, false]);
  });

  it('useLogin and useSsoToken take the options of each mutation; their variables hold no secret', async () => {
    const onLogin = vi.fn();
    const onConsumeError = vi.fn();
    const { result } = renderHook(
      () => ({
        login: useLogin({
          onSuccess: (session, attempt) => {
            expectTypeOf(attempt).toEqualTypeOf<LoginAttempt>();
            expectTypeOf(session).toEqualTypeOf<SessionInfo>();
            onLogin(attempt, 'tokenSecret' in session);
          },
        }),
        sso: useSsoToken({ consume: { onError: (error) => onConsumeError(error.name) } }),
        logout: useLogout({ meta: { from: 'menu' } }),
      }),
      { wrapper: wrapperFor() },
    );
    await act(() => result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
    expect(onLogin).toHaveBeenCalledWith({ email: demo.email }, false);
    await act(() => result.current.sso.consume.mutateAsync('no-such-token').catch(() => undefined));
    expect(onConsumeError).toHaveBeenCalledOnce();
  });

  it('throwOnError sends a failed mutation to the nearest error boundary', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function SignIn() {
      const login = useLogin({ throwOnError: true });
      return (
        <button type="button" onClick={() => login.mutate({ email: demo.email, password: 'wrong' })}>
          sign in
        </button>
      );
    }
    renderWithAuth(
      <Boundary>
        <SignIn />
      </Boundary>,
    );
    await user.click(screen.getByRole('button', { name: 'sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('boundary: AuthenticationError');
    vi.mocked(console.error).mockRestore();
  });
});

describe('option types', () => {
  it('default to the package’s data and leave out what is the package’s', () => {
    // Type-level only (never called): `npm run typecheck` fails when a line's type is wrong or an option is accepted.
    const useTypesOnly = () => {
      expectTypeOf(useMe().data).toEqualTypeOf<ExhUser | undefined>();
      expectTypeOf(usePasswordPolicy()).toEqualTypeOf<UseQueryResult<PasswordPolicy, ExhError>>();
      expectTypeOf(useMfaSettings()).toEqualTypeOf<UseQueryResult<UserMfaSettings, ExhError>>();
      expectTypeOf(useEmailAvailable('a@b.c').data).toEqualTypeOf<boolean | undefined>();
      // @ts-expect-error the key is the package's
      useMe({ queryKey: ['mine'] });
      // @ts-expect-error the function is the package's
      useTokens({ queryFn: () => Promise.resolve({ data: [], page: { total: 0, offset: 0, limit: 0 } }) });
      // @ts-expect-error the function is the package's
      useLogin({ mutationFn: () => Promise.reject(new Error()) });
      // @ts-expect-error the key is the package's
      useRevokeToken({ mutationKey: ['mine'] });
      // @ts-expect-error a new method's secret leaves the cache at once
      useAddMfaMethod({ gcTime: 60_000 });
      // @ts-expect-error networkMode is the package's
      useLogout({ networkMode: 'online' });
      // @ts-expect-error retry is the package's
      usePasswordPolicy({ retry: 2 });
    };
    expect(useTypesOnly).toBeTypeOf('function');
  });
});
