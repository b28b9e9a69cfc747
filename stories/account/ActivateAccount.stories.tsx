import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ActivateAccount } from '../../src/components';
import { freshMock, withAuth } from '../support/auth';
import { storyMock } from '../support/storyMock';
import { ACTIVATION_PATH, cannedAccountErrors, openLink, registerStoryUser, statusOf } from './accountStories';

/** Activating an account: by the mail's link (its hash in the address bar) or by e-mail and pin. */
const meta = {
  title: 'ActivateAccount',
  component: ActivateAccount,
  loaders: [freshMock],
  decorators: [withAuth],
  args: { onSignIn: fn(), onActivated: fn() },
} satisfies Meta<typeof ActivateAccount>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Opened from a fresh activation mail: activated, once, and the hash leaves the address bar. */
export const Activated: Story = {
  loaders: [
    async () => {
      const mail = await registerStoryUser('fresh@example.com');
      openLink(`activationHash=${mail.hash}`);
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Your account is activated' })).toBeVisible();
    await expect(new URL(window.location.href).searchParams.has('activationHash')).toBe(false);
  },
};

/** The account was activated already (206, canned): worded as a success. */
export const AlreadyActivated: Story = {
  loaders: [
    async () => {
      storyMock.db.failNext(1, cannedAccountErrors.alreadyActivated, { method: 'POST', path: ACTIVATION_PATH });
      openLink(`activationHash=${'b'.repeat(40)}`);
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Your account is already activated' })).toBeVisible();
  },
};

/** An expired or used link (205): send a new one to the address typed. */
export const LinkExpired: Story = {
  loaders: [async () => openLink(`activationHash=${'f'.repeat(40)}`)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'This link has expired or was already used' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Send a new link' })).toBeVisible();
  },
};

/** No link: the e-mail and 8-digit pin form. */
export const PinForm: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Activation code')).toHaveAttribute('inputmode', 'numeric');
  },
};

/** A wrong pin (224). The service does not say how many attempts are left: 3 per mail. */
export const WrongPin: Story = {
  args: { email: 'pin@example.com' },
  loaders: [async () => void (await registerStoryUser('pin@example.com', 'pinCode'))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pin = storyMock.db.lastMail('pin@example.com')!.pinCode!;
    await userEvent.type(canvas.getByLabelText('Activation code'), pin === '00000000' ? '11111111' : '00000000');
    await userEvent.click(canvas.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('That code is not correct.'));
  },
};

/** Three wrong pins: the code is dead until a new mail (213). */
export const TooManyWrongPins: Story = {
  args: { email: 'pins@example.com' },
  loaders: [async () => void (await registerStoryUser('pins@example.com', 'pinCode'))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (let i = 0; i < 4; i++) {
      await userEvent.type(canvas.getByLabelText('Activation code'), '00000000');
      await userEvent.click(canvas.getByRole('button', { name: 'Activate' }));
      await waitFor(() => expect(storyMock.db.count('POST', ACTIVATION_PATH)).toBe(i + 1));
    }
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/Too many wrong codes|not correct/));
  },
};

/** A new code asked for right after the last mail: 223, with its wait. */
export const NewCodeWait: Story = {
  args: { email: 'wait@example.com' },
  loaders: [async () => void (await registerStoryUser('wait@example.com', 'pinCode'))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Send a new code' }));
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent(/You can ask for another in \d:\d\d\./));
  },
};
