// @vitest-environment jsdom
/** The MFA hooks and Protect against the mock: the shared presence token, cache updates without refetch, gates. */
import { QueryClient } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { InvalidPresenceTokenError, type ExhClient, type GlobalRole } from '../../src/core';
import {
  Protect,
  useAddMfaMethod,
  useDisableMfa,
  useEnableMfa,
  useMfaSettings,
  usePresence,
  useRemoveMfaMethod,
  useVerifyMfaMethod,
} from '../../src/react';
import { totp } from '../../src/msw';
import { demo, host, setupMockExh } from '../helpers';
import { wrapperFor } from './render';

const exh = setupMockExh();

async function signedIn(email = demo.email, password = demo.password): Promise<ExhClient> {
  const client = exh.client();
  await client.authenticate({ email, password });
  return client;
}

function useSecurity() {
  return {
    presence: usePresence(),
    settings: useMfaSettings(),
    add: useAddMfaMethod(),
    verify: useVerifyMfaMethod(),
    remove: useRemoveMfaMethod(),
    enable: useEnableMfa(),
    disable: useDisableMfa(),
  };
}

async function renderSecurity(client: ExhClient) {
  const queryClient = new QueryClient();
  const hook = renderHook(useSecurity, { wrapper: wrapperFor({ client, queryClient }) });
  await waitFor(() => expect(hook.result.current.settings.isSuccess).toBe(true));
  return { ...hook, queryClient };
}

const settingsGets = () => exh.db.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/auth/v2/mfa/users/')).length;

describe('MFA hooks', () => {
  it('share one presence token: required until confirmed, then every write uses it; the settings follow each write without a refetch', async () => {
    const client = await signedIn();
    const { result, queryClient } = await renderSecurity(client);
    expect(result.current.presence).toMatchObject({ token: null, required: true });
    expect(result.current.settings.data).toMatchObject({ enabled: false, methods: [] });

    await act(() => result.current.presence.confirm(demo.password));
    expect(result.current.presence.required).toBe(false);
    expect(result.current.presence.token?.expiresAt).toBeGreaterThan(Date.now());
    // A second component's hook sees the same token (one per provider).
    const other = renderHook(() => usePresence(), { wrapper: wrapperFor({ client, queryClient }) });
    expect(other.result.current.token).toBe(result.current.presence.token);

    const codes = await act(() => result.current.add.mutateAsync({ type: 'recoveryCodes' }));
    const method = await act(() => result.current.add.mutateAsync({ type: 'totp', name: 'Phone' }));
    if (method.type !== 'totp' || codes.type !== 'recoveryCodes') throw new Error('wrong method types');
    await waitFor(() => expect(result.current.settings.data?.methods).toHaveLength(2));
    expect(result.current.settings.data?.methods[1]).toMatchObject({ id: method.id, verified: false });
    expect(result.current.settings.data?.methods[1]).not.toHaveProperty('secret');
    expect(result.current.settings.data?.methods[0]).not.toHaveProperty('codes');

    const code = await totp(method.secret, exh.now());
    await act(() => result.current.verify.mutateAsync({ methodId: method.id, code }));
    await waitFor(() => expect(result.current.settings.data?.methods[1]?.verified).toBe(true));
    await act(() => result.current.enable.mutateAsync());
    await waitFor(() => expect(result.current.settings.data?.enabled).toBe(true));
    await act(() => result.current.remove.mutateAsync(codes.id));
    await waitFor(() => expect(result.current.settings.data?.methods.map((m) => m.id)).toEqual([method.id]));
    await act(() => result.current.disable.mutateAsync());
    await waitFor(() => expect(result.current.settings.data?.enabled).toBe(false));

    // The service agrees, and no write needed another GET or another password.
    expect(exh.db.mfaOf(demo.email)).toMatchObject({ enabled: false, methods: [{ id: method.id, verified: true }] });
    expect(settingsGets()).toBe(1);
    expect(exh.db.count('POST', '/auth/v2/confirmPresence')).toBe(1);
  });

  it('a write without a token fails with 132 and no request; a 132 answer makes the prompt required again', async () => {
    const client = await signedIn();
    const { result } = await renderSecurity(client);
    const error = await act(() => result.current.enable.mutateAsync().catch((e: unknown) => e));
    expect(error).toBeInstanceOf(InvalidPresenceTokenError);
    expect(exh.db.count('POST', '/auth/v2/mfa/users/' + client.getSession()!.userId + '/enable')).toBe(0);

    await act(() => result.current.presence.confirm(demo.password));
    expect(result.current.presence.required).toBe(false);
    exh.advance(11 * 60_000); // past the mock's presence lifetime: the service answers 132
    const late = await act(() => result.current.add.mutateAsync({ type: 'totp' }).catch((e: unknown) => e));
    expect(late).toBeInstanceOf(InvalidPresenceTokenError);
    await waitFor(() => expect(result.current.presence.required).toBe(true));
  });

  it('keeps the password, the presence token, the secret and the codes out of the caches', async () => {
    const client = await signedIn();
    const { result, queryClient, unmount } = await renderSecurity(client);
    await act(() => result.current.presence.confirm(demo.password));
    const token = result.current.presence.token!.token;
    const codes = await act(() => result.current.add.mutateAsync({ type: 'recoveryCodes' }));
    const caches = () =>
      JSON.stringify([
        queryClient.getQueryCache().getAll().map((q) => q.state),
        queryClient.getMutationCache().getAll().map((m) => m.state),
      ]);
    expect(caches()).not.toContain(demo.password);
    expect(caches()).not.toContain(token);
    // Shown once: in the mutation's data while a component shows it, gone when none does.
    expect(caches()).toContain((codes as { codes: string[] }).codes[0]);
    unmount();
    await waitFor(() => expect(caches()).not.toContain((codes as { codes: string[] }).codes[0]));
  });

  it('usePresence is a wrong password (106) in mutation.error, and forget() drops the token', async () => {
    const client = await signedIn();
    const { result } = renderHook(() => usePresence(), { wrapper: wrapperFor({ client }) });
    await act(() => result.current.confirm('wrong').catch(() => undefined));
    await waitFor(() => expect(result.current.mutation.error?.code).toBe(106));
    expect(result.current.required).toBe(true);
    exh.advance(1_100); // the login throttle's one second after a failure
    await act(() => result.current.confirm(demo.password));
    expect(result.current.required).toBe(false);
    act(() => result.current.forget());
    expect(result.current.required).toBe(true);
  });
});

describe('a write that outlives its session', () => {
  it("lands in nobody else's settings: another user's cached settings stay as the service sent them", async () => {
    exh.db.addUser({ email: 'other@example.com', password: 'Other-password1' });
    const client = await signedIn();
    const { result } = await renderSecurity(client);
    await act(() => result.current.presence.confirm(demo.password));
    await act(() => result.current.add.mutateAsync({ type: 'recoveryCodes' }));
    let release!: () => void;
    let reached!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sent = new Promise<void>((resolve) => (reached = resolve));
    exh.server.use(
      http.post(`${host}/auth/v2/mfa/users/:userId/enable`, async () => {
        reached();
        await held;
      }),
    );
    const enabling = result.current.enable.mutateAsync();
    await sent;
    // Meanwhile this device switches user (the first token stays valid on the service).
    await act(async () => {
      await client.logout({ revoke: false });
      await client.authenticate({ email: 'other@example.com', password: 'Other-password1' });
    });
    await waitFor(() => expect(result.current.settings.data).toMatchObject({ enabled: false, methods: [] }));
    release();
    await act(() => enabling.catch(() => undefined));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(exh.db.mfaOf(demo.email).enabled).toBe(true);
    expect(result.current.settings.data).toMatchObject({ enabled: false, methods: [] });
  });
});

describe('Protect', () => {
  const reviewer: GlobalRole = { id: 'r1', name: 'Reviewer', description: '', permissions: [{ name: 'VIEW_REPORTS', description: '' }] };

  it('shows its children only with the permission; loading meanwhile; the fallback signed out', async () => {
    exh.db.addUser({
      email: 'nurse@example.com',
      password: 'Nurse-password1',
      roles: [reviewer],
      staffEnlistments: [{ groupId: 'g1', roles: [{ id: 'gr', groupId: 'g1', name: 'Nurse', description: '', permissions: ['VIEW_PATIENTS'] }] }],
    });
    const client = await signedIn('nurse@example.com', 'Nurse-password1');
    const Wrapper = wrapperFor({ client });
    render(
      <Wrapper>
        <Protect permission="VIEW_REPORTS" loading={<p>checking</p>} fallback={<p>no reports</p>}>
          <p>reports</p>
        </Protect>
        <Protect permission="VIEW_PATIENTS" groupId="g1" fallback={<p>no patients in g1</p>}>
          <p>patients in g1</p>
        </Protect>
        <Protect permission="VIEW_PATIENTS" groupId="g2" fallback={<p>no patients in g2</p>}>
          <p>patients in g2</p>
        </Protect>
      </Wrapper>,
    );
    expect(screen.getByText('checking')).toBeTruthy();
    expect(await screen.findByText('reports')).toBeTruthy();
    expect(screen.getByText('patients in g1')).toBeTruthy();
    expect(screen.getByText('no patients in g2')).toBeTruthy();
    // The user object came snake_case from the users service: the gate read it camelized.
    await act(() => client.logout());
    await waitFor(() => expect(screen.getByText('no reports')).toBeTruthy());
  });

  it('shows loading, not the fallback, while the stored session is still being read', async () => {
    let answer!: (value: string | null) => void;
    const storage = { get: () => new Promise<string | null>((resolve) => (answer = resolve)), set: () => undefined, remove: () => undefined };
    const Wrapper = wrapperFor({ storage });
    render(
      <Wrapper>
        <Protect permission="VIEW_REPORTS" loading={<p>checking</p>} fallback={<p>no reports</p>}>
          <p>reports</p>
        </Protect>
      </Wrapper>,
    );
    expect(screen.getByText('checking')).toBeTruthy();
    expect(screen.queryByText('no reports')).toBeNull();
    await act(async () => answer(null));
    await waitFor(() => expect(screen.getByText('no reports')).toBeTruthy());
  });
});
