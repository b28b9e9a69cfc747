import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ActiveSessions } from '../../src/components';
import type { StoryLoaded } from '../support/auth';
import { freshMock, withAuth } from '../support/auth';
import { cannedErrors, demoUser, storyClient, storyMock, TOKENS_PATH } from '../support/storyMock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MOBILE_APP = '64f1c0de5a7e3b0012d4e1a9';

/** The signed-in user's sessions, this device first; the demo user is signed in on this device. */
const meta = {
  title: 'ActiveSessions',
  component: ActiveSessions,
  loaders: [
    freshMock,
    async (): Promise<StoryLoaded> => {
      const client = storyClient();
      await client.authenticate({ email: demoUser.email, password: demoUser.password });
      return { client };
    },
  ],
  decorators: [withAuth],
} satisfies Meta<typeof ActiveSessions>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Another session of the demo user, begun `signedIn` ms ago and last used `lastUsed` ms ago. */
function otherSession(signedIn: number, lastUsed: number, applicationId?: string) {
  const { id } = storyMock.db.createToken(demoUser.email);
  const token = storyMock.db.tokensOf(demoUser.email).find((listed) => listed.id === id)!;
  token.creationTimestamp = Date.now() - signedIn;
  token.lastUsedTimestamp = Date.now() - lastUsed;
  if (applicationId) token.applicationId = applicationId;
}

const rowsOf = (canvasElement: HTMLElement) => within(within(canvasElement).getByRole('list')).getAllByRole('listitem');

/** This device and three others: one of the same app, one of an app named by `applicationNames`, one of an app it does not name. */
export const SeveralDevices: Story = {
  args: { applicationNames: { [MOBILE_APP]: 'Mobile app' } },
  loaders: [
    () => {
      otherSession(3 * DAY, 2 * HOUR);
      otherSession(40 * DAY, 5 * MINUTE, MOBILE_APP);
      otherSession(200 * DAY, 9 * DAY, '5f8d0c3e2a1b4c9e8f97d30d');
      return {};
    },
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(4));
    await expect(rowsOf(canvasElement)[0]).toHaveTextContent('This device');
    await expect(within(canvasElement).getByRole('button', { name: 'Sign out all other devices' })).toBeVisible();
  },
};

/** Only this device: nothing else to sign out. */
export const OnlyThisDevice: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('You are not signed in on any other device.')).toBeVisible();
    await expect(rowsOf(canvasElement)).toHaveLength(1);
  },
};

/** "Sign out" on this device asks first: it would sign the user out here. */
export const ConfirmThisDevice: Story = {
  loaders: [() => (otherSession(DAY, 3 * HOUR), {})],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out of this device' }));
    await waitFor(() => expect(canvas.getByRole('group', { name: 'Sign out of this device?' })).toHaveFocus());
  },
};

/** The list could not be loaded (no answer, twice: the client retries once); "Try again" loads it. */
export const LoadError: Story = {
  loaders: [() => (storyMock.db.failNext(2, cannedErrors.networkError, { method: 'GET', path: TOKENS_PATH }), {})],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('Your sessions could not be loaded.'));
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};
