// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SessionEndedByPasswordResetError, type ExhClient } from '../../src/core';
import {
  useActivate,
  useAuth,
  useChangePassword,
  useEmailAvailable,
  useLogin,
  useMe,
  usePasswordPolicy,
  useRegister,
  useRequestActivation,
  useRequestPasswordReset,
  useResetPassword,
  useUpdateProfile,
} from '../../src/react';
import { demo, setupMockExh } from '../helpers';
import { wrapperFor } from './render';

const exh = setupMockExh();

const newUser = {
  firstName: 'New',
  lastName: 'Person',
  email: 'new@example.com',
  password: 'Secret-password1',
  phoneNumber: '+32470000000',
  language: 'EN',
};

/** A provider on its own QueryClient (to read its caches) and client (to sign in before rendering). */
function setup({ client = exh.client() }: { client?: ExhClient } = {}) {
  const queryClient = new QueryClient();
  return { client, queryClient, wrapper: wrapperFor({ client, queryClient }) };
}

const cacheJson = (queryClient: QueryClient) =>
  JSON.stringify([queryClient.getMutationCache().getAll().map((m) => m.state), queryClient.getQueryCache().getAll().map((q) => q.state)]);

describe('account mutations keep passwords out of the caches', () => {
  it('useRegister, useResetPassword, useChangePassword: no password (nor hash or pin) in the mutation cache', async () => {
    exh.db.addUser({ email: 'active@example.com', password: 'Old-password1' });
    const client = exh.client();
    await client.authenticate({ email: 'active@example.com', password: 'Old-password1' });
    const { queryClient, wrapper } = setup({ client });
    const { result } = renderHook(
      () => ({ register: useRegister(), request: useRequestPasswordReset(), reset: useResetPassword(), change: useChangePassword() }),
      { wrapper },
    );
    await act(() => result.current.register.mutateAsync(newUser));
    await waitFor(() => expect(result.current.register.data).toMatchObject({ email: newUser.email, activation: false }));
    const { password: _password, ...withoutPassword } = newUser;
    expect(result.current.register.variables).toEqual(withoutPassword);

    await act(() => result.current.change.mutateAsync({ oldPassword: 'Old-password1', newPassword: 'Changed-password2' }));
    // A wrong current password fails with the secret out of the cache too.
    await act(() => result.current.change.mutateAsync({ oldPassword: 'Wrong-password9', newPassword: 'Other-password3' }).catch(() => undefined));
    await waitFor(() => expect(result.current.change.error).toMatchObject({ name: 'PasswordError', code: 208 }));

    await act(() => result.current.request.mutateAsync({ email: 'active@example.com', mode: 'pinCode' }));
    const { pinCode } = exh.db.lastMail('active@example.com', 'reset')!;
    await act(() => result.current.reset.mutateAsync({ email: 'active@example.com', pinCode: pinCode!, newPassword: 'Reset-password4' }));
    await waitFor(() => expect(result.current.reset.variables).toEqual({ email: 'active@example.com' }));

    const json = cacheJson(queryClient);
    for (const secret of [newUser.password, 'Old-password1', 'Changed-password2', 'Wrong-password9', 'Other-password3', 'Reset-password4', pinCode!]) {
      expect(json).not.toContain(secret);
    }
  });

  it('useActivate: neither the mail\'s pin nor its hash in the caches; variables are the e-mail address or nothing', async () => {
    const { queryClient, wrapper } = setup();
    const { result } = renderHook(() => ({ register: useRegister(), resend: useRequestActivation(), activate: useActivate() }), { wrapper });
    await act(() => result.current.register.mutateAsync({ ...newUser, activationMode: 'pinCode' }));
    const { pinCode } = exh.db.lastMail(newUser.email, 'activation')!;
    await act(() => result.current.activate.mutateAsync({ email: newUser.email, pinCode: pinCode! }));
    await waitFor(() => expect(result.current.activate.variables).toEqual({ email: newUser.email }));
    expect(exh.db.users.find((u) => u.email === newUser.email)?.activation).toBe(true);

    exh.db.addUser({ email: 'link@example.com', password: 'Link-password1', activation: false });
    await act(() => result.current.resend.mutateAsync({ email: 'link@example.com' }));
    const { hash } = exh.db.lastMail('link@example.com', 'activation')!;
    await act(() => result.current.activate.mutateAsync({ hash: hash! }));
    await waitFor(() => expect(result.current.activate.variables).toEqual({}));
    expect(exh.db.users.find((u) => u.email === 'link@example.com')?.activation).toBe(true);

    const json = cacheJson(queryClient);
    for (const secret of [pinCode!, hash!]) expect(json).not.toContain(secret);
  });

  it('useResetPassword of the signed-in user ends the session with the reason', async () => {
    exh.db.addUser({ email: 'active@example.com', password: 'Old-password1' });
    const client = exh.client();
    await client.authenticate({ email: 'active@example.com', password: 'Old-password1' });
    const { wrapper } = setup({ client });
    const { result } = renderHook(() => ({ auth: useAuth(), request: useRequestPasswordReset(), reset: useResetPassword() }), { wrapper });
    await act(() => result.current.request.mutateAsync({ email: 'active@example.com' }));
    const { hash } = exh.db.lastMail('active@example.com', 'reset')!;
    await act(() => result.current.reset.mutateAsync({ hash: hash!, newPassword: 'Reset-password4' }));
    await waitFor(() => expect(result.current.reset.variables).toEqual({}));
    expect(result.current.auth.status).toBe('unauthenticated');
    expect(result.current.auth.error).toBeInstanceOf(SessionEndedByPasswordResetError);
  });
});

describe('useEmailAvailable', () => {
  it('debounces: a burst of keystrokes makes one request; an address asked before is answered from the cache', async () => {
    const { wrapper } = setup();
    exh.db.resetRequests();
    const { result, rerender } = renderHook(({ email }) => useEmailAvailable(email, { debounceMs: 100 }), {
      wrapper,
      initialProps: { email: '' },
    });
    let typed = '';
    for (const char of demo.email) {
      typed += char;
      rerender({ email: typed });
    }
    expect(result.current.isDebouncing).toBe(true);
    await waitFor(() => expect(result.current.data).toBe(false));
    expect(result.current).toMatchObject({ email: demo.email, isDebouncing: false });
    expect(exh.db.count('GET', '/users/v1/email_available')).toBe(1);

    rerender({ email: 'free@example.com' });
    await waitFor(() => expect(result.current.data).toBe(true));
    rerender({ email: demo.email });
    await waitFor(() => expect(result.current.email).toBe(demo.email));
    expect(result.current.data).toBe(false);
    expect(exh.db.count('GET', '/users/v1/email_available')).toBe(2);
  });

  it('does not send what does not look like an e-mail address, nor while disabled', async () => {
    const { wrapper } = setup();
    exh.db.resetRequests();
    const { result, rerender } = renderHook(({ email, enabled }) => useEmailAvailable(email, { debounceMs: 10, enabled }), {
      wrapper,
      initialProps: { email: 'new@example', enabled: true },
    });
    await waitFor(() => expect(result.current.email).toBe('new@example'));
    rerender({ email: 'new@example.com', enabled: false });
    await waitFor(() => expect(result.current.email).toBe('new@example.com'));
    expect(result.current.fetchStatus).toBe('idle');
    expect(exh.db.count('GET', '/users/v1/email_available')).toBe(0);
  });

  it('useRegister marks the registered address as taken in the cache', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => ({ register: useRegister(), available: useEmailAvailable(newUser.email, { debounceMs: 0 }) }), { wrapper });
    await waitFor(() => expect(result.current.available.data).toBe(true));
    await act(() => result.current.register.mutateAsync(newUser));
    await waitFor(() => expect(result.current.available.data).toBe(false));
  });
});

describe('usePasswordPolicy', () => {
  it('is fetched once for two components, and kept across a sign-in', async () => {
    const { client, wrapper } = setup();
    exh.db.resetRequests();
    const { result } = renderHook(() => ({ a: usePasswordPolicy(), b: usePasswordPolicy(), login: useLogin() }), { wrapper });
    await waitFor(() => expect(result.current.b.data).toMatchObject({ minimumLength: 8, upperCaseRequired: true }));
    expect(result.current.a.data).toBe(result.current.b.data);
    await act(() => result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
    expect(client.getState().status).toBe('authenticated');
    expect(result.current.a.data).toMatchObject({ minimumLength: 8 });
    expect(exh.db.count('GET', '/users/v1/password_policy')).toBe(1);
  });
});

describe('useUpdateProfile', () => {
  it("puts the answer in useMe's data without a second GET /users/v1/me", async () => {
    const client = exh.client();
    await client.authenticate({ email: demo.email, password: demo.password });
    const { wrapper } = setup({ client });
    exh.db.resetRequests();
    const { result } = renderHook(() => ({ me: useMe(), update: useUpdateProfile() }), { wrapper });
    await waitFor(() => expect(result.current.me.data?.firstName).toBe('Demo'));
    await act(() => result.current.update.mutateAsync({ firstName: 'Renamed', language: 'NL' }));
    await waitFor(() => expect(result.current.me.data).toMatchObject({ firstName: 'Renamed', language: 'NL', lastName: 'User' }));
    expect(exh.db.count('GET', '/users/v1/me')).toBe(1);
    expect(exh.db.count('PUT')).toBe(1);
  });
});

/** A sign-up with pin activation built on the hooks alone: what an app with its own UI writes. */
function CustomSignUp() {
  const register = useRegister();
  const activate = useActivate();
  const resend = useRequestActivation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const available = useEmailAvailable(email, { debounceMs: 50 });
  if (activate.isSuccess) return <p>Account activated</p>;
  if (register.isSuccess) {
    return (
      <form onSubmit={(event) => (event.preventDefault(), activate.mutate({ email, pinCode: pin }))}>
        <label>
          Pin <input value={pin} onChange={(event) => setPin(event.target.value)} />
        </label>
        {activate.error && <p role="alert">{activate.error.name}</p>}
        <button type="submit">Activate</button>
        <button type="button" onClick={() => resend.mutate({ email, mode: 'pinCode' })}>
          Resend
        </button>
        {resend.error && <p role="status">{resend.error.name}</p>}
      </form>
    );
  }
  return (
    <form onSubmit={(event) => (event.preventDefault(), register.mutate({ ...newUser, email, password, activationMode: 'pinCode' }))}>
      <label>
        E-mail <input value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      {available.data === false && <p role="alert">Taken</p>}
      <label>
        Password <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} />
      </label>
      <button type="submit" disabled={available.data !== true}>
        Sign up
      </button>
    </form>
  );
}

describe('a custom UI on the hooks', () => {
  it('signs up and activates by pin from the mail', async () => {
    const user = userEvent.setup();
    const { wrapper: Wrapper } = setup();
    render(<Wrapper><CustomSignUp /></Wrapper>);
    await user.type(screen.getByLabelText('E-mail'), demo.email);
    expect((await screen.findByRole('alert')).textContent).toBe('Taken');
    await user.clear(screen.getByLabelText('E-mail'));
    await user.type(screen.getByLabelText('E-mail'), 'custom@example.com');
    await user.type(screen.getByLabelText('Password'), 'Custom-password1');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Sign up' }) as HTMLButtonElement).disabled).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    await user.type(await screen.findByLabelText('Pin'), '00000000');
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    expect((await screen.findByRole('alert')).textContent).toBe('IncorrectPinCodeError');
    await user.click(screen.getByRole('button', { name: 'Resend' }));
    expect((await screen.findByRole('status')).textContent).toBe('ActivationRequestTimeoutError');

    await user.clear(screen.getByLabelText('Pin'));
    await user.type(screen.getByLabelText('Pin'), exh.db.lastMail('custom@example.com', 'activation')!.pinCode!);
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    expect(await screen.findByText('Account activated')).toBeTruthy();
    expect(exh.db.users.find((u) => u.email === 'custom@example.com')).toMatchObject({ activation: true, password: 'Custom-password1' });
  });
});
