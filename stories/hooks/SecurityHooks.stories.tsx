import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { useMfaSettings, useRevokeOtherTokens, useTokens } from '../../src/react';
import { freshMock, withAuth, type StoryLoaded } from '../support/auth';
import { demoUser, storyClient, storyMock } from '../support/storyMock';

/** A security summary of the app's own: how many sessions, two-step verification on or off, and one action. */
function SecuritySummary() {
  const tokens = useTokens();
  const mfa = useMfaSettings();
  const revokeOthers = useRevokeOtherTokens();
  const sessions = tokens.data?.page.total;
  return (
    <div style={{ display: 'grid', gap: '0.5rem', maxWidth: '22rem' }}>
      <p data-testid="sessions">{sessions === undefined ? 'Loading…' : `${sessions} active ${sessions === 1 ? 'session' : 'sessions'}`}</p>
      <p data-testid="mfa">{mfa.data ? `Two-step verification is ${mfa.data.enabled ? 'on' : 'off'}` : 'Loading…'}</p>
      <button type="button" onClick={() => revokeOthers.mutate()} disabled={revokeOthers.isPending || !sessions || sessions < 2}>
        Sign out all other devices
      </button>
    </div>
  );
}

const meta = {
  title: 'Hooks/Security hooks',
  // The page is SecurityHooks.mdx.
  tags: ['!autodocs'],
  // A small example: a short frame on the page.
  parameters: { docs: { story: { height: '16rem' } } },
  loaders: [
    freshMock,
    async (): Promise<StoryLoaded> => {
      // Signed in on another device first, then here.
      storyMock.db.createToken(demoUser.email);
      const client = storyClient();
      await client.authenticate({ email: demoUser.email, password: demoUser.password });
      return { client };
    },
  ],
  decorators: [withAuth],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** useTokens and useMfaSettings read; useRevokeOtherTokens signs every other session out (the list follows). */
export const SessionsAndTwoStep: Story = {
  name: 'Sessions and two-step verification',
  render: () => <SecuritySummary />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('2 active sessions')).toBeInTheDocument();
    await expect(await canvas.findByText('Two-step verification is off')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out all other devices' }));
    await expect(await canvas.findByText('1 active session')).toBeInTheDocument();
  },
};
