/**
 * The security journey through the Full app story (AccountSecurity on the signed-in page), in Chromium, on the mock
 * ExH service: a user without MFA turns it on (recovery codes saved, the key read from the page's text as a person
 * would type it into an authenticator app), signs back in through the MFA step, regenerates the recovery codes and
 * signs in with one, turns MFA off; another device's session is listed and signed out; a permission gate. Every
 * step is screenshotted under test-results/e2e/ and checked with axe-core.
 */
import type { Server } from 'node:http';
import type { Locator, Page } from 'playwright-core';
import { totp } from '../../src/msw/totp';
import { axeViolations, launch, shot, storyUrl, waitForStory, type Browser } from './browser';
import { serveStatic } from './static-server';

const STATIC = 'storybook-static';
const FULL_APP = 'full-app--full-app';
const demo = { email: 'demo@example.com', password: 'demo-password', name: 'Demo User' };

let server: Server;
let base: string;
let browser: Browser | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, url: base } = await serveStatic(STATIC));
});
afterAll(() => server?.close());
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  expect(pageErrors.splice(0), 'uncaught errors in the pages').toEqual([]);
});

async function start(options?: Parameters<typeof launch>[0]): Promise<Page> {
  browser = await launch(options);
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(storyUrl(base, FULL_APP));
  expect(await waitForStory(page)).toEqual({ status: 'success' });
  return page;
}

async function step(page: Page, name: string) {
  await page.waitForTimeout(50);
  await shot(page, `security-${name}`);
  expect(await axeViolations(page), `axe at "${name}"`).toEqual([]);
}

const loginForm = (page: Page) => page.getByRole('form', { name: 'Sign in' });
const mfaStep = (page: Page) => page.getByRole('form', { name: 'Two-step verification' });
const welcome = (page: Page) => page.getByRole('heading', { name: `Welcome, ${demo.name}` });
const mfaSettings = (page: Page) => page.getByRole('region', { name: 'Two-step verification' });
const sessions = (page: Page) => page.getByRole('region', { name: 'Active sessions' }).getByRole('listitem');
const setupWizard = (page: Page) => page.getByRole('group', { name: 'Set up two-step verification' });
const passwordDialog = (page: Page) => page.getByRole('dialog', { name: "Confirm it's you" });

async function signIn(page: Page) {
  const form = loginForm(page);
  await form.getByLabel('Email').fill(demo.email);
  await form.getByLabel('Password', { exact: true }).fill(demo.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await loginForm(page).waitFor();
}

/** The code an authenticator app shows for `key` now; waits for the next one near the end of a 30 s step. */
async function codeFor(key: string): Promise<string> {
  const secondsIntoStep = Math.floor(Date.now() / 1000) % 30;
  if (secondsIntoStep >= 27) await new Promise((resolve) => setTimeout(resolve, (30 - secondsIntoStep) * 1000 + 300));
  return totp(key);
}

async function codesIn(list: Locator): Promise<string[]> {
  await list.getByRole('listitem').first().waitFor();
  return list.getByRole('listitem').allTextContents();
}

it('turns MFA on, signs in with the app and with a recovery code, regenerates the codes, turns it off', async () => {
  const page = await start();
  await signIn(page);
  await welcome(page).waitFor();
  // The permission gate: the demo user is staff of the clinic with VIEW_PATIENTS.
  await page.getByTestId('clinic-allowed').waitFor();
  const settings = mfaSettings(page);
  await settings.getByText('Off', { exact: true }).waitFor();
  await step(page, '01-mfa-off');

  await settings.getByRole('button', { name: 'Turn on two-step verification' }).click();
  // The wizard takes the section's place; the password first (no presence token yet), inline.
  const setup = setupWizard(page);
  const password = setup.getByLabel('Password', { exact: true });
  await password.fill(demo.password);
  await step(page, '02-setup-password');
  await setup.getByRole('button', { name: 'Confirm' }).click();

  const codes = await codesIn(setup.getByRole('list', { name: 'Recovery codes' }));
  expect(codes.length).toBeGreaterThanOrEqual(8);
  await step(page, '03-setup-recovery-codes');
  await setup.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }).check();
  await setup.getByRole('button', { name: 'Next' }).click();

  // The QR step: the QR code has a name, the key is text (grouped by four) a person can type.
  await setup.getByRole('img', { name: /QR code/ }).waitFor();
  const key = (await setup.locator('.exh-auth__key code').textContent())!.replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await step(page, '04-setup-qr');
  await setup.getByLabel('6-digit code from the app').fill(await codeFor(key));
  await setup.getByRole('button', { name: 'Verify and turn on' }).click();
  await setup.getByRole('heading', { name: 'Two-step verification is on' }).waitFor();
  await step(page, '05-setup-done');
  await setup.getByRole('button', { name: 'Done' }).click();
  await settings.getByText('On', { exact: true }).waitFor();

  // Signing in now asks for the second step; the code comes from the key the page showed.
  await signOut(page);
  await signIn(page);
  const codeInput = mfaStep(page).getByLabel('Authenticator app code');
  await codeInput.waitFor();
  await step(page, '06-signin-mfa-step');
  await codeInput.pressSequentially(await codeFor(key));
  await welcome(page).waitFor();

  // New recovery codes: a new session, so the password is asked again, in a dialog.
  await settings.getByRole('button', { name: 'Regenerate codes' }).click();
  await passwordDialog(page).getByLabel('Password', { exact: true }).fill(demo.password);
  await step(page, '07-regenerate-password-dialog');
  await passwordDialog(page).getByRole('button', { name: 'Confirm' }).click();
  // The new codes take the section's place until they are saved.
  const newCodes = await codesIn(page.getByRole('list', { name: 'Recovery codes' }));
  expect(newCodes).not.toContain(codes[0]);
  await step(page, '08-new-recovery-codes');
  await page.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }).check();
  await page.getByRole('button', { name: 'Done' }).click();

  // An old code no longer works; a new one signs in once.
  await signOut(page);
  await signIn(page);
  await mfaStep(page).getByRole('button', { name: 'Use a recovery code instead' }).click();
  const recovery = mfaStep(page).getByRole('textbox', { name: 'Recovery code' });
  await recovery.fill(codes[0]!);
  await mfaStep(page).getByRole('button', { name: 'Verify' }).click();
  await mfaStep(page).getByRole('alert').filter({ hasText: 'not correct' }).waitFor();
  await page.waitForTimeout(1_100); // the growing wait after a wrong code
  await recovery.fill(newCodes[0]!);
  await mfaStep(page).getByRole('button', { name: 'Verify' }).click();
  await welcome(page).waitFor();

  // Off: asked for the password (a new session again), then sign-in has one step.
  await settings.getByRole('button', { name: 'Turn off' }).click();
  await passwordDialog(page).getByLabel('Password', { exact: true }).fill(demo.password);
  await passwordDialog(page).getByRole('button', { name: 'Confirm' }).click();
  await settings.getByText('Two-step verification is off.').waitFor();
  await step(page, '09-mfa-turned-off');
  await signOut(page);
  await signIn(page);
  await welcome(page).waitFor();
});

it('lists the sessions with this device first, and signs out another device', async () => {
  const page = await start({ colorScheme: 'dark' });
  await signIn(page);
  await welcome(page).waitFor();
  await expect.poll(() => sessions(page).count()).toBe(1);
  await page.getByRole('button', { name: 'Sign in on another device' }).click();
  await expect.poll(() => sessions(page).count()).toBe(2);
  expect(await sessions(page).first().textContent()).toContain('This device');
  await step(page, '10-sessions-dark');
  await sessions(page).nth(1).getByRole('button', { name: /^Sign out/ }).click();
  await expect.poll(() => sessions(page).count()).toBe(1);
  await step(page, '11-session-signed-out');
});
