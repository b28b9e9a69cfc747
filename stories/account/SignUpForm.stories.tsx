import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SignUpForm } from '../../src/components';
import { freshMock, withAuth } from '../support/auth';
import { demoUser, storyMock } from '../support/storyMock';
import { ACTIVATION_PATH, cannedAccountErrors, NEW_PASSWORD, statusOf } from './accountStories';

/** Creating an account, on the stories' mock service: checklist, availability, then the mail or pin step. */
const meta = {
  title: 'SignUpForm',
  component: SignUpForm,
  loaders: [freshMock],
  decorators: [withAuth],
} satisfies Meta<typeof SignUpForm>;
export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = ReturnType<typeof within>;

async function fillIn(canvas: Canvas, email: string) {
  await userEvent.type(canvas.getByLabelText('Email'), email);
  await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
  await userEvent.type(canvas.getByLabelText('First name'), 'Ada');
  await userEvent.type(canvas.getByLabelText('Last name'), 'Lovelace');
  await userEvent.type(canvas.getByLabelText('Phone number'), '+32 470 12 34 56');
}

async function signUp(canvas: Canvas, email: string) {
  await fillIn(canvas, email);
  await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
}

/** The empty form, with the environment's password policy under the password. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('At least 8 characters')).toBeVisible();
  },
};

/** The policy as a live checklist, partly met. */
export const PolicyChecklist: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('list');
    await userEvent.type(canvas.getByLabelText('Password'), 'secret1');
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-met="true"]')).toHaveLength(2));
    await expect(canvas.getByText('2 of 4 password requirements met.')).toBeInTheDocument();
  },
};

/** An address that has an account, said while typing, with a way to sign in instead. */
export const EmailTaken: Story = {
  args: { onSignIn: fn() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Email'), demoUser.email);
    await expect(await canvas.findByText('This email address already has an account.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toBeVisible();
  },
};

/** Some fields hidden (their defaults are sent), one optional. */
export const FewerFields: Story = {
  args: { fields: { phoneNumber: { hidden: true }, language: { hidden: true, default: 'EN' }, lastName: { optional: true } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByLabelText('Phone number')).toBeNull();
    await expect(canvas.getByLabelText('Last name (optional)')).toBeVisible();
  },
};

/** Signed up: "check your e-mail", with a resend button. */
export const CheckYourEmail: Story = {
  args: { onSignedUp: fn() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signUp(canvas, 'new-user@example.com');
    await expect(await canvas.findByRole('heading', { name: 'Check your email' })).toHaveFocus();
    await expect(storyMock.db.lastMail('new-user@example.com', 'activation')).toBeTruthy();
  },
};

/** A resend right after the sign-up mail: the service wants 5 minutes between mails (223), the wait ticks. */
export const ResendWait: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signUp(canvas, 'eager@example.com');
    await userEvent.click(await canvas.findByRole('button', { name: 'Send the mail again' }));
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent(/You can ask for another in \d:\d\d\./));
    await expect(canvas.getByRole('button', { name: 'Send the mail again' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Too many mails without an activation (222, canned here). */
export const ResendLimit: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signUp(canvas, 'limit@example.com');
    storyMock.db.failNext(1, cannedAccountErrors.activationLimit, { method: 'GET', path: ACTIVATION_PATH });
    await userEvent.click(await canvas.findByRole('button', { name: 'Send the mail again' }));
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('Too many mails were sent for this account.'));
  },
};

/** The app chose pin codes: the pin step follows, the address filled in. */
export const PinStep: Story = {
  args: { activationMode: 'pinCode' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await signUp(canvas, 'pin-user@example.com');
    await expect(await canvas.findByLabelText('Activation code')).toBeVisible();
    await expect(canvas.getByLabelText('Email')).toHaveValue('pin-user@example.com');
  },
};
