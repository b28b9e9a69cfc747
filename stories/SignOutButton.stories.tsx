import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SignOutButton } from '../src/components';
import { freshMock, withAuth } from './support/auth';
import { signedIn } from './security/securityStories';

/** Signs out: the local session goes at once and the token is revoked on the server, with a pending state meanwhile. */
const meta = {
  title: 'SignOutButton',
  component: SignOutButton,
  loaders: [freshMock, signedIn],
  decorators: [withAuth],
  args: { onSignedOut: fn() },
} satisfies Meta<typeof SignOutButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Sign out' })).toBeVisible();
  },
};

/** A click revokes the token; `onSignedOut` says whether the server did. */
export const SignsOut: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(canvas.getByTestId('auth-status')).toHaveTextContent('unauthenticated'));
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledWith({ revoked: true }));
  },
};

/** Its own words, as any label. */
export const Relabelled: Story = {
  args: { labels: { signOut: 'Log out of the clinic' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Log out of the clinic' })).toBeVisible();
  },
};
