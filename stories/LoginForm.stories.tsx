import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LoginForm } from '../src/components';
import { freshMock, withAuth } from './support/auth';
import { frenchLoginLabels, frenchMfaLabels } from './support/labels';
import {
  cannedErrors,
  demoUser,
  hangRequests,
  MFA_PATH,
  mfaUser,
  storyClient,
  stopStoryClock,
  storyMock,
  TOKENS_PATH,
} from './support/storyMock';
import type { StoryLoaded } from './support/auth';

/**
 * The drop-in sign-in form, on the stories' mock ExH service (reset for every story).
 * States come from the real mock where it gets there by itself, else from a canned answer.
 */
const meta = {
  title: 'LoginForm',
  component: LoginForm,
  loaders: [freshMock],
  decorators: [withAuth],
} satisfies Meta<typeof LoginForm>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function fillIn(canvas: Canvas, email: string, password: string) {
  const emailInput = canvas.getByLabelText('Email');
  const passwordInput = canvas.getByLabelText('Password');
  await userEvent.clear(emailInput);
  await userEvent.type(emailInput, email);
  await userEvent.clear(passwordInput);
  await userEvent.type(passwordInput, password);
}

async function signIn(canvas: Canvas, email: string, password: string) {
  await fillIn(canvas, email, password);
  await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
}

const alertOf = (canvas: Canvas) => canvas.getByRole('alert');

/** The empty form, as an app first shows it. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('data-state', 'idle');
    await expect(alertOf(canvas)).toBeEmptyDOMElement();
  },
};

/** An app's own logo for the header: an image with its text alternative. */
const logo = (
  <svg role="img" aria-label="Acme Clinic" viewBox="0 0 48 48" width="48" height="48">
    <rect width="48" height="48" rx="12" fill="#0b5cad" />
    <path d="M14 34 24 12l10 22M18 26h12" fill="none" stroke="#fff" strokeWidth="4" strokeLinejoin="round" />
  </svg>
);

/**
 * The card with its optional header (logo, title, "to continue to {appName}") and footer ("Forgot password?",
 * "Create an account", and the app's own content). The eye in the password field shows the password.
 */
export const HeaderAndFooter: Story = {
  name: 'Header and footer',
  args: {
    logo,
    title: true,
    appName: 'Acme Clinic',
    onForgotPassword: fn(),
    onCreateAccount: fn(),
    footer: <a href="#help">Help</a>,
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const heading = canvas.getByRole('heading', { name: 'Sign in', level: 2 });
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('aria-labelledby', heading.id);
    await expect(canvas.getByText('to continue to Acme Clinic')).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Password'), 'a rather long passphrase, typed in full');
    await userEvent.click(canvas.getByRole('button', { name: 'Show password', pressed: false }));
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'text');
    await expect(canvas.getByRole('button', { name: 'Show password', pressed: true })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Forgot password?' }));
    await expect(args.onForgotPassword).toHaveBeenCalledTimes(1);
    await expect(canvas.getByRole('link', { name: 'Help' })).toBeVisible();
  },
};

/** Submitted with a malformed email and no password: checked in the browser, nothing is sent. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Email'), 'name@example');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByText('Enter an email address like name@example.com.')).toBeVisible();
    await expect(canvas.getByText('Enter your password.')).toBeVisible();
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(storyMock.db.count('POST', TOKENS_PATH)).toBe(0);
  },
};

/**
 * Waiting for the service, which never answers here: the button says so and cannot be pressed again.
 * It keeps the focus (aria-disabled, not disabled).
 */
export const Pending: Story = {
  loaders: [
    async () => {
      hangRequests('POST', TOKENS_PATH);
      // No 10 s timeout turning the wait into a network error while you look.
      return { client: storyClient({ timeout: 24 * 60 * 60_000 }) };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signIn(canvas, demoUser.email, demoUser.password);
    const button = await canvas.findByRole('button', { name: 'Signing in…' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveFocus();
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('data-state', 'submitting');
  },
};

/** A wrong password (106 from the mock): the message takes the focus. */
export const WrongCredentials: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signIn(canvas, demoUser.email, 'not-the-password');
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('The email or password is not correct.'));
    await waitFor(() => expect(alertOf(canvas)).toHaveFocus());
    await expect(canvas.getByLabelText('Email')).toHaveValue(demoUser.email);
  },
};

/**
 * A second wrong attempt within a second of the first: the mock's throttle answers 211. The mock's clock
 * is stopped, so the second attempt is "within a second" however slowly the story runs.
 */
export const TooFast: Story = {
  play: async ({ canvasElement }) => {
    stopStoryClock();
    const canvas = within(canvasElement);
    await signIn(canvas, demoUser.email, 'not-the-password');
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('not correct'));
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('That was too quick after the last attempt.'));
  },
};

/** The 10th failure freezes the account for 60 s (212, canned here): the button waits out the countdown. */
export const Frozen: Story = {
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.loginFreeze, { method: 'POST', path: TOKENS_PATH });
    const canvas = within(canvasElement);
    await signIn(canvas, demoUser.email, 'not-the-password');
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent(/Too many failed attempts\. Try again in \d+ seconds\./));
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('data-state', 'frozen');
  },
};

/** After 50 failures the account is blocked (213, canned here). */
export const Locked: Story = {
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.tooManyFailedAttempts, { method: 'POST', path: TOKENS_PATH });
    const canvas = within(canvasElement);
    await signIn(canvas, demoUser.email, 'not-the-password');
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('This account is locked'));
  },
};

/** No answer at all (offline, DNS, CORS): canned `status: 0`. */
export const NetworkError: Story = {
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.networkError, { method: 'POST', path: TOKENS_PATH });
    const canvas = within(canvasElement);
    await signIn(canvas, demoUser.email, demoUser.password);
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('The server cannot be reached.'));
  },
};

/**
 * The service refused the signature (109, canned here): usually the device's clock is wrong, and the
 * service's Date header, from which the client corrects it, was not readable (CORS).
 */
export const SignatureRefused: Story = {
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.signatureRefused, { method: 'POST', path: TOKENS_PATH });
    const canvas = within(canvasElement);
    await signIn(canvas, demoUser.email, demoUser.password);
    await waitFor(() =>
      expect(alertOf(canvas)).toHaveTextContent("The request could not be verified. Check that your device's date and time are set correctly."),
    );
  },
};

/** The right password of a user with MFA: the form moves to the MFA step by itself. */
export const ToMfaStep: Story = {
  name: 'To the MFA step',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signIn(canvas, mfaUser.email, mfaUser.password);
    const code = await canvas.findByLabelText('Authenticator app code');
    await waitFor(() => expect(code).toHaveFocus());
    await expect(canvas.getByTestId('auth-status')).toHaveTextContent(/^mfaRequired$/);
    // The step names itself and the account typed on the password step.
    await expect(canvas.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await expect(canvas.getByText(`Signing in as ${mfaUser.email}`)).toBeVisible();
  },
};

/** The MFA challenge ended (131, canned here): back on the password step, which says why; the email is still there. */
export const ExpiredChallenge: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signIn(canvas, mfaUser.email, mfaUser.password);
    storyMock.db.failNext(1, cannedErrors.invalidMfaToken, { method: 'POST', path: MFA_PATH });
    await userEvent.type(await canvas.findByLabelText('Authenticator app code'), '123456');
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('Your verification expired — sign in again.'));
    await expect(canvas.getByLabelText('Email')).toHaveValue(mfaUser.email);
    await expect(canvas.getByLabelText('Password')).toHaveValue('');
    await expect(alertOf(canvas)).toHaveFocus();
  },
};

/**
 * Signed in, then the session was revoked from another device: the next signed request gets 108, the
 * session ends, and the form says why.
 */
export const SignedOutElsewhere: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await signIn(canvas, demoUser.email, demoUser.password);
    await waitFor(() => expect(canvas.getByTestId('auth-status')).toHaveTextContent(/^authenticated$/));
    for (const token of storyMock.db.tokensOf(demoUser.email)) storyMock.db.revokeToken(token.id);
    await (loaded as StoryLoaded).client!.me().catch(() => {});
    await waitFor(() =>
      expect(alertOf(canvas)).toHaveTextContent('You were signed out because the session was ended elsewhere.'),
    );
    await expect(canvas.getByTestId('auth-status')).toHaveTextContent(/^unauthenticated$/);
    await expect(canvas.getByLabelText('Password')).toHaveValue('');
  },
};

/** Every string replaced through `labels` and `mfaLabels` (here in French); a wrong password shows one. */
export const Relabelled: Story = {
  name: 'Relabelled (i18n)',
  args: { labels: frenchLoginLabels, mfaLabels: frenchMfaLabels },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('form', { name: 'Connexion' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Se connecter' }));
    await expect(await canvas.findByText('Saisissez votre adresse e-mail.')).toBeVisible();
    await expect(canvas.getByText('Saisissez votre mot de passe.')).toBeVisible();
  },
};
