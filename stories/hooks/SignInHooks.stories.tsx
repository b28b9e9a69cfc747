import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, type FormEvent } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { useAuth, useLogin, useLogout, useSsoToken } from '../../src/react';
import { freshMock, withAuth, type StoryLoaded } from '../support/auth';
import { demoUser, storyClient } from '../support/storyMock';

/** A sign-in form of the app's own, on useLogin, useAuth and useLogout: what LoginForm is built on. */
function OwnSignIn() {
  const login = useLogin();
  const logout = useLogout();
  const status = useAuth((auth) => auth.status);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (status === 'authenticated') {
    return (
      <p>
        Signed in as <strong>{login.variables?.email}</strong>.{' '}
        <button type="button" onClick={() => logout.mutate()}>
          Sign out
        </button>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };
  return (
    <form aria-label="Sign in" onSubmit={submit} style={{ display: 'grid', gap: '0.5rem', maxWidth: '18rem' }}>
      <label>
        Email <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <label>
        Password <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} />
      </label>
      <button type="submit" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      {login.error && <p role="alert">{login.error.name}</p>}
    </form>
  );
}

/** useSsoToken's generate: a single-use token, and when it expires (the token's expiryTimestamp). */
function SsoToken() {
  const { generate } = useSsoToken();
  return (
    <div>
      <button type="button" onClick={() => generate.mutate()} disabled={generate.isPending}>
        Create an SSO token
      </button>
      {generate.data && (
        <p data-testid="sso">
          <code>{generate.data.ssoToken.slice(0, 8)}…</code> expires at {new Date(generate.data.expiryTimestamp).toLocaleTimeString()}
        </p>
      )}
    </div>
  );
}

const meta = {
  title: 'Hooks/Sign-in hooks',
  // The page is SignInHooks.mdx.
  tags: ['!autodocs'],
  // A small example: a short frame on the page.
  parameters: { docs: { story: { height: '16rem' } } },
  loaders: [freshMock],
  decorators: [withAuth],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** useLogin signs in (a failure is an ExhError, MFA included), useAuth tells the status, useLogout signs out. */
export const OwnSignInForm: Story = {
  name: 'Own sign-in form',
  render: () => <OwnSignIn />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Email'), demoUser.email);
    await userEvent.type(canvas.getByLabelText('Password'), demoUser.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByText(demoUser.email)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await expect(await canvas.findByRole('form', { name: 'Sign in' })).toBeInTheDocument();
  },
};

/** Signed in: a token for another application or device, with its expiry. */
export const SsoTokenForAnotherDevice: Story = {
  name: 'SSO token for another device',
  loaders: [
    async (): Promise<StoryLoaded> => {
      const client = storyClient();
      await client.authenticate({ email: demoUser.email, password: demoUser.password });
      return { client };
    },
  ],
  render: () => <SsoToken />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Create an SSO token' }));
    await expect((await canvas.findByTestId('sso')).textContent).toMatch(/expires at/);
  },
};
