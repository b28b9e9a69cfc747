import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { MfaSettings } from '../../src/components';
import { freshMock, withAuth } from '../support/auth';
import { cannedErrors, hangRequests, mfaUser, storyMock } from '../support/storyMock';
import { confirmPassword, ISSUER, signedIn, signedInWithMfa, waitForAlert } from './securityStories';

/** Two-step verification on the account page: on/off, the methods, new recovery codes, removing, turning off. */
const meta = {
  title: 'MfaSettings',
  component: MfaSettings,
  loaders: [freshMock, signedInWithMfa],
  decorators: [withAuth],
  args: { issuer: ISSUER },
} satisfies Meta<typeof MfaSettings>;
export default meta;
type Story = StoryObj<typeof meta>;

const settingsLoaded = async (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelector('.exh-auth--mfa-settings')?.getAttribute('data-state')).toMatch(/^(on|off)$/), { timeout: 5000 });

/** On, with an authenticator app and recovery codes. */
export const On: Story = {
  play: async ({ canvasElement }) => {
    await settingsLoaded(canvasElement);
    await expect(within(canvasElement).getByRole('button', { name: 'Regenerate codes' })).toBeVisible();
  },
};

/** Off, for a user who never set it up. */
export const Off: Story = {
  loaders: [signedIn],
  play: async ({ canvasElement }) => {
    await settingsLoaded(canvasElement);
    await expect(within(canvasElement).getByRole('button', { name: 'Turn on two-step verification' })).toBeVisible();
  },
};

/** Turning it on opens the setup in place. */
export const TurningOn: Story = {
  loaders: [signedIn],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await settingsLoaded(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Turn on two-step verification' }));
    await expect(await canvas.findByRole('form', { name: "Confirm it's you" })).toBeVisible();
  },
};

/** A change asks for the password first, in a dialog. */
export const PasswordDialog: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await settingsLoaded(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Regenerate codes' }));
    await expect(await canvas.findByRole('dialog', { name: "Confirm it's you" })).toBeVisible();
  },
};

/** New recovery codes, shown once. */
export const NewRecoveryCodes: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await settingsLoaded(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Regenerate codes' }));
    await confirmPassword(canvas, mfaUser.password);
    await expect(await canvas.findByRole('heading', { name: 'Your new recovery codes' }, { timeout: 5000 })).toBeVisible();
  },
};

/** 133: the last verified method cannot go while two-step verification is on. */
export const NotEnoughMethods: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await settingsLoaded(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove Authenticator app' }));
    await confirmPassword(canvas, mfaUser.password);
    await expect(await canvas.findByText('Authenticator app removed.', {}, { timeout: 5000 })).toBeVisible();
    // The presence token is still valid: no second prompt.
    await userEvent.click(canvas.getByRole('button', { name: 'Remove Recovery codes' }));
    await waitForAlert(canvasElement, /^Keep at least one verified method/);
  },
};

/** Turned off (the methods stay, for turning it on again). */
export const TurnedOff: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await settingsLoaded(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Turn off' }));
    await confirmPassword(canvas, mfaUser.password);
    await expect(await canvas.findByText('Two-step verification is off.', {}, { timeout: 5000 })).toBeVisible();
  },
};

/** The settings are on their way. */
export const Loading: Story = {
  loaders: [
    async () => {
      hangRequests('GET', `/auth/v2/mfa/users/${storyMock.db.users.find((u) => u.email === mfaUser.email)!.id}`);
      return {};
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading your security settings…')).toBeVisible();
  },
};

/** The settings could not be read. */
export const LoadError: Story = {
  loaders: [
    async () => {
      // More than the GET and its retry need: a request held by the Loading story, let go as this one starts, takes some too.
      storyMock.db.failNext(10, cannedErrors.networkError, { method: 'GET', path: `/auth/v2/mfa/users/${storyMock.db.users.find((u) => u.email === mfaUser.email)!.id}` });
      return {};
    },
  ],
  play: async ({ canvasElement }) => {
    await waitForAlert(canvasElement, /^Your security settings could not be loaded/);
  },
};
