import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { AccountSecurity } from '../../src/components';
import type { StoryLoaded } from '../support/auth';
import { freshMock, withAuth } from '../support/auth';
import { demoUser, storyClient, storyMock } from '../support/storyMock';

/** The security page: password, two-step verification and active sessions, for the signed-in demo user. */
const meta = {
  title: 'AccountSecurity',
  component: AccountSecurity,
  args: { issuer: 'Acme Health' },
  loaders: [
    freshMock,
    async (): Promise<StoryLoaded> => {
      const client = storyClient();
      await client.authenticate({ email: demoUser.email, password: demoUser.password });
      return { client };
    },
  ],
  decorators: [withAuth],
} satisfies Meta<typeof AccountSecurity>;
export default meta;
type Story = StoryObj<typeof meta>;

/** MFA off, signed in on this device and one other. */
export const SignedIn: Story = {
  loaders: [
    () => {
      storyMock.db.createToken(demoUser.email);
      return {};
    },
  ],
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await waitFor(() => expect(page.getAllByRole('listitem').length).toBeGreaterThanOrEqual(2));
    await expect(page.getByRole('heading', { name: 'Security' })).toBeVisible();
    await waitFor(() => expect(page.getByRole('button', { name: 'Turn on two-step verification' })).toBeVisible());
  },
};

/** Without the password part (e.g. an app whose users sign in through their organisation). */
export const WithoutPassword: Story = {
  args: { hide: ['password'] },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await waitFor(() => expect(page.getByRole('region', { name: 'Active sessions' })).toBeVisible());
    await expect(page.queryByRole('form', { name: 'Change password' })).toBeNull();
  },
};
