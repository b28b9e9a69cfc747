import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { accountApi } from '../../src/core';
import { ForgotPasswordForm } from '../../src/components';
import { freshMock, withAuth } from '../support/auth';
import { demoUser, storyClient, storyMock } from '../support/storyMock';
import { statusOf } from './accountStories';

/**
 * Asking for a password-reset mail. The words after it are the same whether or not the address has an account
 * (no account enumeration): see the OIDC story.
 */
const meta = {
  title: 'ForgotPasswordForm',
  component: ForgotPasswordForm,
  loaders: [freshMock],
  decorators: [withAuth],
  args: { onSent: fn(), onReset: fn() },
} satisfies Meta<typeof ForgotPasswordForm>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function ask(canvas: Canvas, email: string) {
  await userEvent.type(canvas.getByLabelText('Email'), email);
  await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
}

/** The empty form. */
export const Idle: Story = {};

/** A mail is on its way (the mock's outbox has it); "Send again" waits the 5 minutes between two mails. */
export const Sent: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ask(canvas, demoUser.email);
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent(`If an account exists for ${demoUser.email}`));
    await expect(canvas.getByRole('button', { name: /^Send again in / })).toHaveAttribute('aria-disabled', 'true');
    await expect(storyMock.db.lastMail(demoUser.email, 'reset')?.link).toContain('resetHash=');
  },
};

/**
 * An account that signs in through an identity provider (215): no password to reset, but the screen is the one
 * of a mail sent, as for an unknown address (202), so the form does not tell which addresses have accounts.
 */
export const OidcAccount: Story = {
  loaders: [
    async () =>
      void storyMock.db.addUser({ email: 'sso@example.com', password: 'Unused-password1', firstName: 'Sso', lastName: 'User', oidc: true }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ask(canvas, 'sso@example.com');
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('If an account exists for sso@example.com'));
    await expect(canvas.getByText(/sign in through an organisation/)).toBeVisible();
    await expect(storyMock.db.lastMail('sso@example.com')).toBeUndefined();
  },
};

/** A mail was sent a moment ago from elsewhere (221): the wait counts down. */
export const TooSoon: Story = {
  loaders: [async () => void (await accountApi(storyClient()).requestPasswordReset({ email: demoUser.email }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ask(canvas, demoUser.email);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('A mail was sent a moment ago. You can ask for another in'));
  },
};

/** Too many mails without a completed reset (220, canned): try again later. */
export const TooMany: Story = {
  loaders: [
    async () =>
      storyMock.db.failNext(
        1,
        { status: 403, body: { code: 220, name: 'FORGOT_PASSWORD_REQUEST_LIMIT_EXCEPTION', message: 'Too many password reset requests' } },
        { method: 'GET', path: '/users/v1/forgot_password' },
      ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ask(canvas, demoUser.email);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('Too many reset mails were asked for this address.'));
  },
};

/** Pin mode: the code step follows, the e-mail prefilled; the mock's outbox has the code. */
export const PinMode: Story = {
  args: { mode: 'pinCode' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ask(canvas, demoUser.email);
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('a mail with an 8-digit code is on its way'));
    await expect(canvas.getByLabelText('Email')).toHaveValue(demoUser.email);
    await expect(canvas.getByLabelText('8-digit code from the mail')).toBeVisible();
  },
};
