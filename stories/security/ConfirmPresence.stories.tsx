import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConfirmPresence, type ConfirmPresenceProps } from '../../src/components';
import { freshMock, withAuth } from '../support/auth';
import { cannedErrors, storyMock } from '../support/storyMock';
import { CONFIRM_PATH, confirmPassword, signedIn, waitForAlert } from './securityStories';

/** "Confirm it's you": the password before a change to the security settings (a presence token). */
const meta = {
  title: 'ConfirmPresence',
  component: ConfirmPresence,
  loaders: [freshMock, signedIn],
  decorators: [withAuth],
  args: { onConfirmed: fn(), onCancel: fn() },
} satisfies Meta<typeof ConfirmPresence>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Inline: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('form', { name: "Confirm it's you" })).toBeVisible();
  },
};

/** As a modal dialog over the page: the focus stays inside and goes back to the button that opened it. */
export const AsDialog: Story = {
  render: function Render(args: ConfirmPresenceProps) {
    const [open, setOpen] = useState(false);
    return (
      <div className="exh-auth" style={{ gap: '1rem' }}>
        <p style={{ margin: 0 }}>Security settings</p>
        <button type="button" onClick={() => setOpen(true)}>
          Regenerate recovery codes
        </button>
        {open && (
          <ConfirmPresence
            {...args}
            dialog
            onCancel={() => setOpen(false)}
            onConfirmed={() => {
              setOpen(false);
              args.onConfirmed?.();
            }}
          />
        )}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Regenerate recovery codes' }));
    await expect(await canvas.findByRole('dialog', { name: "Confirm it's you" })).toBeVisible();
    await waitFor(() => expect(canvas.getByLabelText('Password')).toHaveFocus());
  },
};

/** 106: a wrong password. */
export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    await confirmPassword(within(canvasElement), 'not-my-password');
    await waitForAlert(canvasElement, 'That password is not correct.');
  },
};

/** 212: too many failures, counted down; Confirm waits. */
export const Frozen: Story = {
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.loginFreeze, { method: 'POST', path: CONFIRM_PATH });
    await confirmPassword(within(canvasElement));
    await waitForAlert(canvasElement, /^Too many failed attempts\. Try again in/);
  },
};

/** 213: locked. */
export const Locked: Story = {
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.tooManyFailedAttempts, { method: 'POST', path: CONFIRM_PATH });
    await confirmPassword(within(canvasElement));
    await waitForAlert(canvasElement, /locked/);
  },
};

export const NetworkError: Story = {
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.networkError, { method: 'POST', path: CONFIRM_PATH });
    await confirmPassword(within(canvasElement));
    await waitForAlert(canvasElement, 'The server cannot be reached. Check your connection and try again.');
  },
};
