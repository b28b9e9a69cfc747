/** What the security stories share: signed-in loaders, the password prompt answered, canned MFA errors. */
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { totp } from '../../src/msw';
import type { StoryLoaded } from '../support/auth';
import { clientAtMfaStep, demoUser, mfaUser, storyClient } from '../support/storyMock';

export const CONFIRM_PATH = '/auth/v2/confirmPresence';
export const ISSUER = 'Acme Health';

/** Signed in as the demo user (no MFA yet). */
export async function signedIn(): Promise<StoryLoaded> {
  const client = storyClient();
  await client.authenticate({ email: demoUser.email, password: demoUser.password });
  return { client };
}

/** Signed in as the MFA demo user (MFA on, an authenticator app and recovery codes), through the MFA step. */
export async function signedInWithMfa(): Promise<StoryLoaded> {
  const client = await clientAtMfaStep(mfaUser);
  const challenge = client.getState().mfa!;
  const method = challenge.methods.find((m) => m.type === 'totp')!;
  await client.confirmMfa({ methodId: method.id, code: await totp(mfaUser.mfa!.totpSecret), token: challenge.token });
  return { client };
}

type Canvas = ReturnType<typeof within>;

/** Types the password into the "Confirm it's you" prompt (inline or the dialog) and confirms. */
export async function confirmPassword(canvas: Canvas, password = demoUser.password) {
  const input = await canvas.findByLabelText('Password');
  await userEvent.type(input, password);
  await userEvent.click(canvas.getByRole('button', { name: 'Confirm' }));
}

/** MfaSetup up to its authenticator-app step. */
export async function toAppStep(canvas: Canvas) {
  await confirmPassword(canvas);
  await userEvent.click(await canvas.findByRole('checkbox', { name: 'I have saved these codes somewhere safe' }, { timeout: 5000 }));
  await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
  await expect(await canvas.findByRole('img', { name: /^QR code/ }, { timeout: 5000 })).toBeVisible();
}

/** The key as the page shows it, as a person would type it into an authenticator app. */
export async function codeFromPage(canvasElement: HTMLElement): Promise<string> {
  const key = canvasElement.querySelector('.exh-auth__key code')!.textContent!;
  return totp(key);
}

export async function typeCode(canvas: Canvas, code: string) {
  const input = canvas.getByLabelText('6-digit code from the app');
  await userEvent.clear(input);
  await userEvent.type(input, code);
  await userEvent.click(canvas.getByRole('button', { name: 'Verify and turn on' }));
}

/** The component's alert (the story's own page has none). */
export const alertOf = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('.exh-auth [role="alert"]:not(:empty)');

export async function waitForAlert(canvasElement: HTMLElement, text: string | RegExp) {
  await waitFor(() => expect(alertOf(canvasElement)?.textContent ?? '').toMatch(text), { timeout: 5000 });
}
