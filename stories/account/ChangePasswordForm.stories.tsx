import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ChangePasswordForm } from '../../src/components';
import type { StoryLoaded } from '../support/auth';
import { freshMock, withAuth } from '../support/auth';
import { demoUser, storyClient } from '../support/storyMock';
import { statusOf } from './accountStories';

/** The signed-in user's password change. */
const meta = {
  title: 'ChangePasswordForm',
  component: ChangePasswordForm,
  loaders: [
    freshMock,
    async (): Promise<StoryLoaded> => {
      const client = storyClient();
      await client.authenticate({ email: demoUser.email, password: demoUser.password });
      return { client };
    },
  ],
  decorators: [withAuth],
  args: { onChanged: fn() },
} satisfies Meta<typeof ChangePasswordForm>;
export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = ReturnType<typeof within>;

async function change(canvas: Canvas, current: string, next: string) {
  await userEvent.type(canvas.getByLabelText('Current password'), current);
  await userEvent.type(canvas.getByLabelText('New password'), next);
  await userEvent.type(canvas.getByLabelText('Confirm new password'), next);
  await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('list')).toBeVisible();
  },
};

/** A wrong current password (208): said on that field, which takes the focus. */
export const WrongCurrentPassword: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await change(canvas, 'not-my-password', 'NewSecret1');
    await expect(await canvas.findByText('The current password is not correct.')).toBeVisible();
    await waitFor(() => expect(canvas.getByLabelText('Current password')).toHaveFocus());
  },
};

/** Changed: the fields are cleared, the session stays. */
export const Changed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await change(canvas, demoUser.password, 'NewSecret1');
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('Your password has been changed.'));
    await expect(canvas.getByLabelText('New password')).toHaveValue('');
  },
};
