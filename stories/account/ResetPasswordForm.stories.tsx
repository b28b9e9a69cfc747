import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { accountApi } from '../../src/core';
import { ResetPasswordForm } from '../../src/components';
import { freshMock, withAuth } from '../support/auth';
import { demoUser, storyClient, storyMock } from '../support/storyMock';
import { openLink, statusOf } from './accountStories';

/** A new password, by the reset mail's link (its hash in the address bar) or by e-mail and the mail's 8-digit code. */
const meta = {
  title: 'ResetPasswordForm',
  component: ResetPasswordForm,
  loaders: [freshMock],
  decorators: [withAuth],
  args: { onReset: fn(), onRequestNew: fn() },
} satisfies Meta<typeof ResetPasswordForm>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const PASSWORD = 'Brand-new-password7';

async function choose(canvas: Canvas) {
  await userEvent.type(canvas.getByLabelText('New password'), PASSWORD);
  await userEvent.type(canvas.getByLabelText('Confirm the new password'), PASSWORD);
  await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
}

async function resetMail(mode: 'hash' | 'pinCode') {
  await accountApi(storyClient()).requestPasswordReset({ email: demoUser.email, mode });
  return storyMock.db.lastMail(demoUser.email, 'reset')!;
}

/** Opened from a fresh reset mail: the password is changed (and every session of the user ended). */
export const ByLink: Story = {
  loaders: [async () => openLink(`resetHash=${(await resetMail('hash')).hash}`)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(new URL(window.location.href).searchParams.has('resetHash')).toBe(false);
    await canvas.findByRole('list');
    await choose(canvas);
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('Your password is changed: sign in with the new one.'));
  },
};

/** By e-mail and code: the mock's outbox has the code, typed here. */
export const ByPin: Story = {
  args: { email: demoUser.email },
  loaders: [async () => void (await resetMail('pinCode'))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('8-digit code from the mail'), storyMock.db.lastMail(demoUser.email)!.pinCode!);
    await canvas.findByRole('list');
    await choose(canvas);
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('Your password is changed'));
  },
};

/** An expired or used link (207): ask for a new one. */
export const LinkExpired: Story = {
  loaders: [async () => openLink(`resetHash=${'e'.repeat(40)}`)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('list');
    await choose(canvas);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('This link has expired or was used already.'));
    await expect(canvas.getByRole('button', { name: 'Send me a new one' })).toBeVisible();
  },
};

/** A wrong code (224), with the attempts left of the mail's 3. */
export const WrongPin: Story = {
  args: { email: demoUser.email },
  loaders: [async () => void (await resetMail('pinCode'))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pin = storyMock.db.lastMail(demoUser.email)!.pinCode!;
    await userEvent.type(canvas.getByLabelText('8-digit code from the mail'), pin === '00000000' ? '11111111' : '00000000');
    await canvas.findByRole('list');
    await choose(canvas);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('That code is not correct. 2 attempts left.'));
  },
};
