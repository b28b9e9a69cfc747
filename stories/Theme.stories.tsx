import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { LoginForm, MfaMethodPicker } from '../src/components';
import type { ExhClient } from '../src/core';
import { AuthProvider } from '../src/react';
import { freshMock } from './support/auth';
import { clientAtMfaStep, mfaUser, storyClient } from './support/storyMock';
import { withColorScheme } from './support/theme';

interface ThemeLoaded {
  idle: ExhClient;
  invalid: ExhClient;
  mfa: ExhClient;
}

/** An app's logo for the card's header. */
const logo = (
  <svg role="img" aria-label="Acme Clinic" viewBox="0 0 48 48" width="48" height="48">
    <rect width="48" height="48" rx="12" fill="#0b5cad" />
    <path d="M14 34 24 12l10 22M18 26h12" fill="none" stroke="#fff" strokeWidth="4" strokeLinejoin="round" />
  </svg>
);
const noop = () => {};

/**
 * The stylesheet (exh-auth-react/styles.css) in one colour scheme: the card at rest (header and footer), the
 * form with errors, and the MFA step.
 */
function ThemeSheet({ idle, invalid, mfa }: ThemeLoaded) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem', alignItems: 'flex-start', fontFamily: 'system-ui, sans-serif' }}>
      <section aria-label="At rest" style={{ flex: '1 1 20rem', maxWidth: '24rem' }}>
        <AuthProvider client={idle}>
          <LoginForm logo={logo} appName="Acme Clinic" onForgotPassword={noop} onCreateAccount={noop} />
        </AuthProvider>
      </section>
      <section aria-label="With errors" style={{ flex: '1 1 20rem', maxWidth: '24rem' }}>
        <AuthProvider client={invalid}>
          <LoginForm labels={{ formName: 'Sign in, with errors' }} />
        </AuthProvider>
      </section>
      <section aria-label="MFA step" style={{ flex: '1 1 20rem', maxWidth: '24rem' }}>
        <AuthProvider client={mfa}>
          <MfaMethodPicker email={mfaUser.email} />
        </AuthProvider>
      </section>
    </div>
  );
}

const meta = {
  title: 'Theme',
  // Two colour schemes side by side, not a component: no docs page.
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
  decorators: [withColorScheme],
  loaders: [
    async (): Promise<ThemeLoaded> => {
      await freshMock();
      return { idle: storyClient(), invalid: storyClient(), mfa: await clientAtMfaStep(mfaUser) };
    },
  ],
  render: (_args, { loaded }) => <ThemeSheet {...(loaded as ThemeLoaded)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const invalid = within(canvas.getByRole('form', { name: 'Sign in, with errors' }));
    await userEvent.type(invalid.getByLabelText('Email'), 'name@example');
    await userEvent.click(invalid.getByRole('button', { name: 'Sign in' }));
    await expect(await invalid.findByText('Enter your password.')).toBeVisible();
    const mfa = within(canvas.getByRole('form', { name: 'Two-step verification' }));
    await userEvent.click(mfa.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(mfa.getByRole('alert')).toHaveTextContent('Enter the 6 digits'));
  },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** The light colours, whatever the viewer's OS prefers. */
export const Light: Story = { parameters: { colorScheme: 'light' } };

/** The dark colours (the stylesheet's `prefers-color-scheme: dark` block), whatever the viewer's OS prefers. */
export const Dark: Story = { parameters: { colorScheme: 'dark' } };
