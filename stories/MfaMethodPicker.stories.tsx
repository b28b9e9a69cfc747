import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { MfaMethodPicker } from '../src/components';
import { totp } from '../src/msw';
import { freshMock, withAuth } from './support/auth';
import { frenchMfaLabels } from './support/labels';
import { appOnlyUser, cannedErrors, clientAtMfaStep, MFA_PATH, mfaUser, storyMock, TOKENS_PATH } from './support/storyMock';

/**
 * The MFA step on its own, as a custom sign-in page would use it: each story starts on a clean mock
 * with the password step of mfa@example.com done (authenticator app + recovery codes).
 */
const meta = {
  title: 'MfaMethodPicker',
  component: MfaMethodPicker,
  loaders: [async () => (await freshMock(), { client: await clientAtMfaStep(mfaUser) })],
  decorators: [withAuth],
} satisfies Meta<typeof MfaMethodPicker>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

const TOTP_LABEL = 'Authenticator app code';
const codeInput = (canvas: Canvas) => canvas.findByLabelText(TOTP_LABEL);
const alertOf = (canvas: Canvas) => canvas.getByRole('alert');
const sessionStatus = (canvas: Canvas) => canvas.getByTestId('auth-status');

/** A 6-digit code the mock refuses now: none of the codes of the last, this and the next 30 s step. */
async function wrongTotpCode(secret: string): Promise<string> {
  const now = Date.now();
  const valid = await Promise.all([-30_000, 0, 30_000].map((offset) => totp(secret, now + offset)));
  return ['000000', '111111', '222222', '333333'].find((code) => !valid.includes(code))!;
}

/**
 * mfa@example.com has two methods: the authenticator app (chosen) and recovery codes, a link away.
 * The account is the `email` prop (LoginForm passes the one typed).
 */
export const TwoMethods: Story = {
  name: 'Two methods',
  args: { email: mfaUser.email },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await expect(canvas.getByText(`Signing in as ${mfaUser.email}`)).toBeVisible();
    await waitFor(() => expect(canvas.getByLabelText(TOTP_LABEL)).toHaveFocus());
    await expect(canvas.queryByRole('radio')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Use a recovery code instead' })).toBeVisible();
  },
};

/** Switched with the link: the field now takes a recovery code, and the link leads back. */
export const SwitchedToRecoveryCode: Story = {
  name: 'Switched to a recovery code',
  args: { email: mfaUser.email },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Use a recovery code instead' }));
    await expect(canvas.getByLabelText('Recovery code')).toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'Use your authenticator app instead' })).toBeVisible();
  },
};

/** A user with the authenticator app only (seeded with no recovery codes): no method choice. */
export const OneMethod: Story = {
  name: 'One method',
  loaders: [async () => ({ client: await clientAtMfaStep(appOnlyUser) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await codeInput(canvas)).toBeVisible();
    await expect(canvas.queryByRole('group')).toBeNull();
    await expect(canvas.queryByRole('radio')).toBeNull();
  },
};

/**
 * Three methods (a challenge canned here: the mock's users have two): a choice of methods, not a link.
 * A text message is a method type this package does not know: its code field is a plain "Verification code".
 */
export const ThreeMethods: Story = {
  name: 'Three methods',
  loaders: [
    async () => {
      storyMock.db.failNext(
        1,
        {
          status: 403,
          body: {
            code: 129,
            name: 'MFA_REQUIRED_EXCEPTION',
            message: 'MFA is required for this user',
            mfa: {
              token: 'canned-challenge',
              tokenExpiresIn: 900_000,
              attempts: 0,
              methods: [
                { id: 'totp', type: 'totp', name: 'Authenticator app', tags: ['selected'] },
                { id: 'rc', type: 'recoveryCodes', name: 'Recovery codes', tags: [] },
                { id: 'sms', type: 'sms', name: 'Text message', tags: [] },
              ],
            },
          },
        },
        { method: 'POST', path: TOKENS_PATH },
      );
      return { client: await clientAtMfaStep(mfaUser) };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const group = await canvas.findByRole('group', { name: 'Verify with' });
    await expect(within(group).getAllByRole('radio')).toHaveLength(3);
    await userEvent.click(within(group).getByRole('radio', { name: 'Text message' }));
    await expect(canvas.getByLabelText('Verification code')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /instead/ })).toBeNull();
  },
};

/** The current code of the authenticator app (computed from the demo secret): sent at the 6th digit, signed in. */
export const VerifiedWithCode: Story = {
  name: 'Verified with the app’s code',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await codeInput(canvas), await totp(mfaUser.mfa!.totpSecret));
    await waitFor(() => expect(sessionStatus(canvas)).toHaveTextContent(/^authenticated$/));
    await expect(canvas.queryByRole('form')).toBeNull();
  },
};

/** Switched to recovery codes: one of the user's single-use codes signs in. */
export const VerifiedWithRecoveryCode: Story = {
  name: 'Verified with a recovery code',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Use a recovery code instead' }));
    await userEvent.type(canvas.getByLabelText('Recovery code'), mfaUser.mfa!.recoveryCodes[0]!);
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(sessionStatus(canvas)).toHaveTextContent(/^authenticated$/));
  },
};

/** Verify pressed with too few digits: checked in the browser, nothing sent. */
export const IncompleteCode: Story = {
  name: 'Incomplete code',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await codeInput(canvas), '123');
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('Enter the 6 digits from your authenticator app.'));
    await expect(storyMock.db.count('POST', MFA_PATH)).toBe(0);
  },
};

/** A code the mock refuses (130): the field is emptied for the next try. */
export const WrongCode: Story = {
  name: 'Wrong code',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await codeInput(canvas);
    await userEvent.type(input, await wrongTotpCode(mfaUser.mfa!.totpSecret));
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('That code is not correct. Try again.'));
    await expect(input).toHaveValue('');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
  },
};

/**
 * After repeated wrong codes the service makes the user wait (134 with `remainingDelay`, canned here: 30 s).
 * The code sent will be stale by the end of the wait (its 30 s step is over): it is cleared for a fresh one.
 */
export const ReattemptDelay: Story = {
  name: 'Re-attempt delay',
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.mfaReattemptDelay(30_000), { method: 'POST', path: MFA_PATH });
    const canvas = within(canvasElement);
    await userEvent.type(await codeInput(canvas), await wrongTotpCode(mfaUser.mfa!.totpSecret));
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent(/Too many attempts\. Wait \d+ seconds before the next one\./));
    await expect(canvas.getByRole('button', { name: 'Verify' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByLabelText(TOTP_LABEL)).toHaveValue('');
    await expect(canvas.getByRole('form')).toHaveAttribute('data-state', 'waiting');
  },
};

/** No answer (canned `status: 0`). */
export const NetworkError: Story = {
  play: async ({ canvasElement }) => {
    storyMock.db.failNext(1, cannedErrors.networkError, { method: 'POST', path: MFA_PATH });
    const canvas = within(canvasElement);
    await userEvent.type(await codeInput(canvas), '123456');
    await waitFor(() => expect(alertOf(canvas)).toHaveTextContent('The server cannot be reached.'));
  },
};

/** Every string of the step replaced through `labels` (here in French). */
export const Relabelled: Story = {
  name: 'Relabelled (i18n)',
  args: { labels: frenchMfaLabels },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('form', { name: 'Vérification en deux étapes' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Utiliser plutôt un code de récupération' })).toBeVisible();
    await expect(canvas.getByText(/Temps restant pour cette étape/)).toBeVisible();
  },
};
