/**
 * The account journeys through the Full app story (stories/demo/DemoApp.tsx: AuthFlow signed out, ChangePasswordForm
 * on the Security section) on the built Storybook, in Chromium, on the mock ExH service. Every mail is read from the
 * mock's outbox as the dev panel shows it: a link is clicked there (it opens in the same frame), a pin is typed in.
 * Every step is screenshotted under test-results/e2e/ and checked with axe-core.
 */
import type { Server } from 'node:http';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, launch, shot, storyUrl, waitForStory, type Browser } from './browser';
import { serveStatic } from './static-server';

const STATIC = 'storybook-static';
const FULL_APP = 'full-app--full-app';
const demo = { email: 'demo@example.com', password: 'demo-password', name: 'Demo User' };
const newUser = { email: 'new.user@example.com', password: 'Fresh-start-2026', firstName: 'Nova', lastName: 'Reader' };
// Meets the mock's default policy: 8+ characters, upper and lower case, a number.
const newPassword = 'Brand-new-pass1';

let server: Server;
let base: string;
let browser: Browser | undefined;

beforeAll(async () => {
  ({ server, url: base } = await serveStatic(STATIC));
});
afterAll(() => server?.close());

const pageErrors: string[] = [];
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  expect(pageErrors.splice(0), 'uncaught errors in the pages').toEqual([]);
});

/** A Chromium of its own per journey (fresh profile: a new mock service, no session, an empty outbox). */
async function start(): Promise<Page> {
  browser = await launch();
  return openApp();
}

/** Another tab of the same browser: the mock's state is shared (localStorage), the session is not (sessionStorage). */
async function openApp(): Promise<Page> {
  const page = await browser!.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(storyUrl(base, FULL_APP));
  expect(await waitForStory(page)).toEqual({ status: 'success' });
  return page;
}

async function step(page: Page, name: string) {
  await page.waitForTimeout(50);
  await shot(page, `account-${name}`);
  expect(await axeViolations(page), `axe at "${name}"`).toEqual([]);
}

const flow = (page: Page) => page.locator('.exh-auth--flow');
const heading = (page: Page) => flow(page).locator('.exh-auth__heading');
const loginForm = (page: Page) => page.getByRole('form', { name: 'Sign in' });
const welcome = (page: Page, name: string) => page.getByRole('heading', { name: `Welcome, ${name}` });
const mockPanel = (page: Page) => page.getByRole('complementary', { name: 'Mock ExH service' });
const outbox = (page: Page) => mockPanel(page).getByRole('region', { name: 'Outbox' });

async function signIn(page: Page, email: string, password: string) {
  const form = loginForm(page);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** The panel re-reads the outbox every second: waits for the newest mail to be of this kind and to this address. */
async function newestMail(page: Page, to: string, kind: 'Activate your account' | 'Reset your password'): Promise<Locator> {
  const mail = outbox(page).getByTestId('mail').first();
  await expect.poll(() => mail.textContent(), { timeout: 5_000 }).toMatch(new RegExp(`^${kind} · to ${to.replace('.', '\\.')}`));
  return mail;
}

/** Clicks the mail's link in the panel: the same frame loads the story with the mail's hash, which AuthFlow takes. */
async function openMailLink(page: Page, mail: Locator, param: 'activationHash' | 'resetHash') {
  const link = mail.getByTestId('mail-link');
  const href = (await link.getAttribute('href'))!;
  expect(new URL(href).searchParams.get(param)).toMatch(/^[0-9a-f]{40}$/);
  expect(new URL(href).searchParams.get('id')).toBe(FULL_APP);
  await Promise.all([page.waitForURL((url) => url.searchParams.has(param)), link.click()]);
  expect(await waitForStory(page)).toEqual({ status: 'success' });
}

async function mailPin(mail: Locator): Promise<string> {
  const pin = (await mail.getByTestId('mail-pin').textContent())!;
  expect(pin).toMatch(/^\d{8}$/);
  return pin;
}

async function useMailMode(page: Page, mode: 'a link' | 'an 8-digit code') {
  await mockPanel(page).getByRole('radio', { name: mode }).check();
}

/** Fills the sign-up form (phone left empty: optional in the demo) and sends it. */
async function signUp(page: Page, name: string) {
  await loginForm(page).getByRole('button', { name: 'Create an account' }).click();
  await expect.poll(() => heading(page).textContent()).toBe('Create an account');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Email').fill(newUser.email);
  await form.getByLabel('Password', { exact: true }).fill(newUser.password);
  await form.getByLabel('First name').fill(newUser.firstName);
  await form.getByLabel('Last name').fill(newUser.lastName);
  await step(page, name);
  await form.getByRole('button', { name: 'Create account' }).click();
}

/** Fills an e-mail field unless the flow has it already (a pin step carries the address it was sent to). */
async function fillEmailIfEmpty(scope: Locator, email: string) {
  const field = scope.getByLabel('Email');
  if ((await field.count()) > 0 && (await field.isEditable()) && (await field.inputValue()) === '') await field.fill(email);
}

async function askForReset(page: Page, email: string) {
  await loginForm(page).getByRole('button', { name: 'Forgot password?' }).click();
  await expect.poll(() => heading(page).textContent()).toBe('Forgot your password?');
  const form = page.getByRole('form', { name: 'Reset your password' });
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Send' }).click();
}

async function chooseNewPassword(page: Page) {
  const form = page.getByRole('form', { name: 'Choose a new password' });
  await form.getByLabel('New password', { exact: true }).fill(newPassword);
  await form.getByLabel('Confirm the new password').fill(newPassword);
  return form;
}

/** The other tab, signed in before the reset: its session was revoked with every other one. */
async function expectSignedOut(other: Page, name: string) {
  await other.bringToFront();
  await other.reload();
  await loginForm(other).waitFor();
  await expect.poll(() => welcome(other, demo.name).count()).toBe(0);
  await step(other, name);
}

/** The old password is refused, then the new one signs in. */
async function signInWithNewPassword(page: Page) {
  await signIn(page, demo.email, demo.password);
  await expect.poll(() => loginForm(page).getByRole('alert').textContent()).toBe('The email or password is not correct.');
  // The service refuses a new attempt within a second of a failure (211).
  await page.waitForTimeout(1_100);
  await signIn(page, demo.email, newPassword);
  await welcome(page, demo.name).waitFor();
}

it('signs up, opens the activation mail\'s link, is activated, signs in', async () => {
  const page = await start();
  await loginForm(page).waitFor();
  await expect.poll(() => outbox(page).textContent()).toContain('No mail yet');
  await step(page, 'signup-01-sign-in-view');

  await signUp(page, 'signup-02-form');
  await page.getByText('Check your email').waitFor();
  await step(page, 'signup-03-check-your-email');

  const mail = await newestMail(page, newUser.email, 'Activate your account');
  await step(page, 'signup-04-outbox');
  await openMailLink(page, mail, 'activationHash');
  await page.getByText('Your account is activated').waitFor();
  // The hash is spent: taken out of the address, the story's id kept.
  expect(new URL(page.url()).searchParams.has('activationHash')).toBe(false);
  expect(new URL(page.url()).searchParams.get('id')).toBe(FULL_APP);
  await step(page, 'signup-05-activated');

  await flow(page).getByRole('button', { name: 'Sign in', exact: true }).first().click();
  await signIn(page, newUser.email, newUser.password);
  await welcome(page, `${newUser.firstName} ${newUser.lastName}`).waitFor();
  await step(page, 'signup-06-signed-in');
});

it('signs up with an 8-digit code from the mail, is activated, signs in', async () => {
  const page = await start();
  await useMailMode(page, 'an 8-digit code');
  await signUp(page, 'signup-pin-00-form');
  const pinForm = page.getByRole('form', { name: 'Activate your account' });
  const pinField = pinForm.getByLabel('Activation code');
  await pinField.waitFor();
  await step(page, 'signup-pin-01-code-step');

  const mail = await newestMail(page, newUser.email, 'Activate your account');
  await fillEmailIfEmpty(pinForm, newUser.email);
  await pinField.fill(await mailPin(mail));
  await pinForm.getByRole('button', { name: 'Activate' }).click();
  await page.getByText('Your account is activated').waitFor();
  await step(page, 'signup-pin-02-activated');

  await flow(page).getByRole('button', { name: 'Sign in', exact: true }).first().click();
  await signIn(page, newUser.email, newUser.password);
  await welcome(page, `${newUser.firstName} ${newUser.lastName}`).waitFor();
  await step(page, 'signup-pin-03-signed-in');
});

it('forgot password: the reset link, a new password, the other tab signed out, sign-in with the new one', async () => {
  browser = await launch();
  const other = await openApp();
  await signIn(other, demo.email, demo.password);
  await welcome(other, demo.name).waitFor();

  const page = await openApp();
  await askForReset(page, demo.email);
  await page.getByText(`If an account exists for ${demo.email}, a mail with a link`).waitFor();
  await step(page, 'reset-01-mail-on-its-way');

  const mail = await newestMail(page, demo.email, 'Reset your password');
  await openMailLink(page, mail, 'resetHash');
  await expect.poll(() => heading(page).textContent()).toBe('Choose a new password');
  expect(new URL(page.url()).searchParams.has('resetHash')).toBe(false);
  const form = await chooseNewPassword(page);
  await step(page, 'reset-02-new-password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password is changed: sign in with the new one.').waitFor();
  await step(page, 'reset-03-done');

  await expectSignedOut(other, 'reset-04-other-tab-signed-out');

  await page.bringToFront();
  await flow(page).getByRole('button', { name: 'Back to sign in' }).click();
  await signInWithNewPassword(page);
  await step(page, 'reset-05-signed-in-with-new-password');
});

it('forgot password with an 8-digit code: a new password, the other tab signed out, sign-in with the new one', async () => {
  browser = await launch();
  const other = await openApp();
  await signIn(other, demo.email, demo.password);
  await welcome(other, demo.name).waitFor();

  const page = await openApp();
  await useMailMode(page, 'an 8-digit code');
  await askForReset(page, demo.email);
  await page.getByText(`If an account exists for ${demo.email}, a mail with an 8-digit code is on its way.`).waitFor();
  const mail = await newestMail(page, demo.email, 'Reset your password');
  const form = page.getByRole('form', { name: 'Choose a new password' });
  await fillEmailIfEmpty(form, demo.email);
  await form.getByLabel('8-digit code from the mail').fill(await mailPin(mail));
  await chooseNewPassword(page);
  await step(page, 'reset-pin-01-code-and-new-password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password is changed: sign in with the new one.').waitFor();
  await step(page, 'reset-pin-02-done');

  await expectSignedOut(other, 'reset-pin-03-other-tab-signed-out');

  await page.bringToFront();
  await flow(page).getByRole('button', { name: 'Back to sign in' }).click();
  await signInWithNewPassword(page);
  await step(page, 'reset-pin-04-signed-in-with-new-password');
});

it('changes the password on the Security section, then signs in with the new one', async () => {
  const page = await start();
  await signIn(page, demo.email, demo.password);
  await welcome(page, demo.name).waitFor();
  const security = page.getByRole('region', { name: 'Security' });
  const form = security.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill(demo.password);
  await form.getByLabel('New password', { exact: true }).fill(newPassword);
  await form.getByLabel('Confirm new password').fill(newPassword);
  await step(page, 'change-01-filled');
  await form.getByRole('button', { name: 'Change password' }).click();
  await security.getByText('Your password has been changed.').waitFor();
  // The session stays.
  await welcome(page, demo.name).waitFor();
  await step(page, 'change-02-changed');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await loginForm(page).waitFor();
  await signInWithNewPassword(page);
  await step(page, 'change-03-signed-in-with-new-password');
});
