import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { MfaSetup } from '../../src/components';
import { freshMock, withAuth } from '../support/auth';
import { cannedErrors, storyMock } from '../support/storyMock';
import {
  codeFromPage,
  confirmPassword,
  ISSUER,
  signedIn,
  signedInWithMfa,
  toAppStep,
  typeCode,
  waitForAlert,
} from './securityStories';

/** The two-step verification wizard: password, recovery codes, authenticator app, code, on. */
const meta = {
  title: 'MfaSetup',
  component: MfaSetup,
  loaders: [freshMock, signedIn],
  decorators: [withAuth],
  args: { issuer: ISSUER, onDone: fn(), onCancel: fn() },
} satisfies Meta<typeof MfaSetup>;
export default meta;
type Story = StoryObj<typeof meta>;

/** No presence token yet: the password first. */
export const Password: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('form', { name: "Confirm it's you" })).toBeVisible();
  },
};

/** The recovery codes, shown once: copy, download, and a check before Next. */
export const RecoveryCodes: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await confirmPassword(canvas);
    await expect(await canvas.findByRole('list', { name: 'Recovery codes' }, { timeout: 5000 })).toBeVisible();
  },
};

/** The QR code and the key to type, with the code's field. */
export const AuthenticatorApp: Story = {
  play: async ({ canvasElement }) => {
    await toAppStep(within(canvasElement));
  },
};

/** 130: a wrong code. */
export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toAppStep(canvas);
    const right = await codeFromPage(canvasElement);
    await typeCode(canvas, right === '000000' ? '111111' : '000000');
    await waitForAlert(canvasElement, 'That code is not correct. Enter the code the app shows now.');
  },
};

/** 134: too many attempts, counted down. */
export const ReattemptDelay: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toAppStep(canvas);
    storyMock.db.failNext(1, cannedErrors.mfaReattemptDelay(30_000), { method: 'POST' });
    await typeCode(canvas, await codeFromPage(canvasElement));
    await waitForAlert(canvasElement, /^Too many attempts\. Wait/);
  },
};

/** The code from the app is right: two-step verification is on. */
export const Done: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toAppStep(canvas);
    await typeCode(canvas, await codeFromPage(canvasElement));
    await expect(await canvas.findByRole('heading', { name: 'Two-step verification is on' }, { timeout: 5000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Done' }));
  },
};

/** MFA was on already: nothing to add. */
export const AlreadyOn: Story = {
  loaders: [signedInWithMfa],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Two-step verification is already on for your account.')).toBeVisible();
  },
};
