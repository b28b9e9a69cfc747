/**
 * Browser journeys through the Full app story (stories/demo/DemoApp.tsx) on the built Storybook, in
 * Debian's Chromium, on the mock ExH service of MSW's service worker. Every step is screenshotted under
 * test-results/e2e/ and checked with axe-core (all rules, colour contrast included).
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, launch, shot, storyUrl, waitForStory, type Browser } from './browser';
import { serveStatic } from './static-server';

const STATIC = 'storybook-static';
const FULL_APP = 'full-app--full-app';
const demo = { email: 'demo@example.com', password: 'demo-password', name: 'Demo User' };
const mfa = { email: 'mfa@example.com', password: 'demo-password', name: 'Mfa User' };

let server: Server;
let base: string;
let browser: Browser | undefined;

beforeAll(async () => {
  ({ server, url: base } = await serveStatic(STATIC));
});
afterAll(() => server?.close());

/** Each journey in a Chromium of its own, on a fresh profile: a new mock service and no session. */
async function start(options?: Parameters<typeof launch>[0]): Promise<Page> {
  browser = await launch(options);
  return openApp();
}
// Uncaught errors of every page of the journey, checked in afterEach: an expect in a page's 'close'
// listener ran after the test had ended, where a failure reached no test.
const pageErrors: string[] = [];
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  expect(pageErrors.splice(0), 'uncaught errors in the pages').toEqual([]);
});

async function openApp(url = storyUrl(base, FULL_APP)): Promise<Page> {
  const page = await browser!.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  expect(await waitForStory(page)).toEqual({ status: 'success' });
  return page;
}

/** A screenshot of the step, and axe on the story's root: no violation. */
async function step(page: Page, name: string) {
  // Whatever is animating (focus ring, button state) settles first.
  await page.waitForTimeout(50);
  await shot(page, `app-${name}`);
  expect(await axeViolations(page), `axe at "${name}"`).toEqual([]);
}

const loginForm = (page: Page) => page.getByRole('form', { name: 'Sign in' });
const mfaForm = (page: Page) => page.getByRole('form', { name: 'Two-step verification' });
const welcome = (page: Page, name: string) => page.getByRole('heading', { name: `Welcome, ${name}` });
const sessions = (page: Page) => page.getByRole('region', { name: 'Active sessions' }).getByRole('listitem');
const mockPanel = (page: Page) => page.getByRole('complementary', { name: 'Mock ExH service' });

async function signIn(page: Page, email: string, password: string) {
  const form = loginForm(page);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await loginForm(page).waitFor();
}

/** The code the mock accepts now, from the panel; waits for a fresh one when the current is about to change. */
async function currentTotp(page: Page, email = mfa.email): Promise<string> {
  const secondsIntoStep = Math.floor(Date.now() / 1000) % 30;
  if (secondsIntoStep >= 28) await page.waitForTimeout((30 - secondsIntoStep) * 1000 + 300);
  const code = page.locator(`[data-testid="totp"][data-email="${email}"]`).first().getByTestId('totp-code');
  await expect.poll(() => code.textContent()).toMatch(/^\d{6}$/);
  return (await code.textContent())!;
}

it('a demo user signs in and out', async () => {
  const page = await start();
  await loginForm(page).waitFor();
  await expect.poll(() => page.getByText(/^Backend: /).textContent()).toContain('the built-in mock ExH service');
  await step(page, 'signin-01-login-form');

  await signIn(page, demo.email, demo.password);
  await welcome(page, demo.name).waitFor();
  await expect.poll(() => sessions(page).count()).toBe(1);
  expect(await sessions(page).first().textContent()).toContain('This device');
  await step(page, 'signin-02-welcome');

  await signOut(page);
  await step(page, 'signin-03-signed-out');
});

it('the MFA user signs in with the authenticator code, then with a recovery code', async () => {
  const page = await start();
  await signIn(page, mfa.email, mfa.password);
  const codeInput = mfaForm(page).getByLabel('Authenticator app code');
  await codeInput.waitFor();
  await expect.poll(() => codeInput.evaluate((input) => input === document.activeElement)).toBe(true);
  await step(page, 'mfa-01-code-step');

  // Sent by itself at the 6th digit.
  await codeInput.pressSequentially(await currentTotp(page));
  await welcome(page, mfa.name).waitFor();
  await step(page, 'mfa-02-welcome-after-totp');
  await signOut(page);

  await signIn(page, mfa.email, mfa.password);
  await mfaForm(page).getByRole('button', { name: 'Use a recovery code instead' }).click();
  const recoveryCodes = page.locator(`li[data-email="${mfa.email}"] [data-testid="recovery-codes"]`);
  const recoveryCode = (await recoveryCodes.textContent())!.split(', ')[0]!;
  expect(recoveryCode).toMatch(/^[a-z]{4}-\d{4}$/);
  await mfaForm(page).getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCode);
  await step(page, 'mfa-03-recovery-code');
  await mfaForm(page).getByRole('button', { name: 'Verify' }).click();
  await welcome(page, mfa.name).waitFor();
  // Single use: the mock has spent it.
  await expect.poll(() => recoveryCodes.textContent()).not.toContain(recoveryCode);
  await step(page, 'mfa-04-welcome-after-recovery-code');
});

it('a wrong password, then the right one', async () => {
  const page = await start();
  await signIn(page, demo.email, 'not-the-password');
  const alert = loginForm(page).getByRole('alert');
  await expect.poll(() => alert.textContent()).toBe('The email or password is not correct.');
  await step(page, 'wrong-password-01-refused');

  // The mock, like the service, refuses a new attempt within a second of a failure (211).
  await page.waitForTimeout(1_100);
  await loginForm(page).getByLabel('Password', { exact: true }).fill(demo.password);
  await loginForm(page).getByRole('button', { name: 'Sign in' }).click();
  await welcome(page, demo.name).waitFor();
  await step(page, 'wrong-password-02-welcome');
});

it('revokes another session from the list, then this device (signed out)', async () => {
  const page = await start();
  await signIn(page, demo.email, demo.password);
  await welcome(page, demo.name).waitFor();
  await expect.poll(() => sessions(page).count()).toBe(1);

  await mockPanel(page).getByRole('button', { name: 'Sign in on another device' }).click();
  await expect.poll(() => sessions(page).count()).toBe(2);
  await step(page, 'revoke-01-two-sessions');

  const other = sessions(page).filter({ hasNotText: 'This device' });
  await other.getByRole('button', { name: /^Sign out Clinic mobile app/ }).click();
  await expect.poll(() => sessions(page).count()).toBe(1);
  expect(await sessions(page).first().textContent()).toContain('This device');
  await step(page, 'revoke-02-other-revoked');

  // This device only after a confirmation: it signs out.
  await page.getByRole('button', { name: 'Sign out of this device' }).click();
  const confirm = page.getByRole('group', { name: 'Sign out of this device?' });
  await step(page, 'revoke-03-confirm-this-device');
  await confirm.getByRole('button', { name: 'Sign out', exact: true }).click();
  await loginForm(page).waitFor();
  await step(page, 'revoke-04-this-device-revoked');
});

it('a sign-in link opened in another tab signs that tab in, and leaves the address bar', async () => {
  const page = await start();
  await signIn(page, demo.email, demo.password);
  await welcome(page, demo.name).waitFor();
  await page.getByRole('button', { name: 'Create a sign-in link' }).click();
  const link = page.getByTestId('sso-link');
  await link.waitFor();
  const href = (await link.getAttribute('href'))!;
  expect(new URL(href).searchParams.get('ssoToken')).toMatch(/^[0-9a-f]{40}$/);
  // The token's own expiry, counted down: the mock's tokens live 5 minutes.
  expect(await page.getByText(/^Single use\. Expires in/).textContent()).toMatch(/^Single use\. Expires in (5:00|4:[0-5]\d), at /);
  // The copy button puts the very link on the clipboard.
  await browser!.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied.' }).count()).toBe(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);
  expect(await page.getByRole('textbox', { name: 'Sign-in link' }).inputValue()).toBe(href);
  await step(page, 'sso-01-link');

  // Another tab of the same browser: sessions are per tab (sessionStorage), so it starts signed out.
  const other = await openApp(href);
  await welcome(other, demo.name).waitFor();
  expect(new URL(other.url()).searchParams.has('ssoToken')).toBe(false);
  expect(new URL(other.url()).searchParams.get('id')).toBe(FULL_APP);
  await expect.poll(() => sessions(other).count()).toBe(2);
  await step(other, 'sso-02-other-tab-signed-in');

  // The first tab is still signed in, with its own session.
  await page.bringToFront();
  await page.reload();
  await welcome(page, demo.name).waitFor();
  await expect.poll(() => sessions(page).count()).toBe(2);
});

it('fits a 360 px screen without scrolling sideways, and follows the theme the page pins', async () => {
  const page = await start();
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, demo.email, demo.password);
  await welcome(page, demo.name).waitFor();
  await mockPanel(page).getByRole('button', { name: 'Sign in on another device' }).click();
  await page.getByRole('button', { name: 'Create a sign-in link' }).click();
  await page.getByTestId('sso-link').waitFor();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBe(0);
  await step(page, 'narrow-01-light');

  // The OS is light; the page pins dark: the page and every drop-in in it turn dark, buttons included.
  const colours = () =>
    page.evaluate(() => {
      const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : null);
      return {
        page: bg(document.querySelector('.demo')),
        card: bg(document.querySelector('.exh-auth--sessions')),
        button: bg(document.querySelector('.exh-auth--password .exh-auth__submit')),
      };
    });
  const light = await colours();
  await page.getByRole('radio', { name: 'Dark' }).check();
  const dark = await colours();
  expect(dark.page).toBe('rgb(13, 17, 23)');
  expect(dark.card).toBe('rgb(13, 17, 23)');
  expect(dark.button).not.toBe(light.button);
  expect(await overflow()).toBe(0);
  await step(page, 'narrow-02-dark');
  await page.getByRole('radio', { name: 'System' }).check();
  expect(await colours()).toEqual(light);
});

it('signs in with the keyboard only (Tab and Enter)', async () => {
  const page = await start();
  await loginForm(page).waitFor();
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? (el && 'labels' in el ? (el as HTMLInputElement).labels?.[0]?.textContent : null) ?? el?.textContent ?? null;
    });

  // The page's theme switch comes first: a radio group, one Tab stop.
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('System');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Email');
  await page.keyboard.type(demo.email);
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Password');
  await page.keyboard.type(demo.password);
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Show password');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Sign in');
  await step(page, 'keyboard-01-on-sign-in');
  await page.keyboard.press('Enter');
  await welcome(page, demo.name).waitFor();
  await step(page, 'keyboard-02-welcome');
});

/**
 * The README's pictures: the sign-in form and the MFA step, light and dark, clipped to the form.
 * Written to test-results/e2e/docs/, and to docs/ (committed) with E2E_UPDATE_DOCS=1.
 */
it('takes the README screenshots of the login and MFA steps, light and dark (axe on each)', async () => {
  const dirs = [join('test-results', 'e2e', 'docs'), ...(process.env.E2E_UPDATE_DOCS === '1' ? ['docs'] : [])];
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  browser = await launch();
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(storyUrl(base, FULL_APP));
    await loginForm(page).waitFor();
    await clipTo(page, loginForm(page), dirs, `login-${scheme}.png`);
    expect(await axeViolations(page), `axe on the login form, ${scheme}`).toEqual([]);

    await signIn(page, mfa.email, mfa.password);
    await mfaForm(page).waitFor();
    await clipTo(page, mfaForm(page), dirs, `mfa-${scheme}.png`);
    expect(await axeViolations(page), `axe on the MFA step, ${scheme}`).toEqual([]);

    // And the signed-in page in this scheme.
    await mfaForm(page).getByLabel('Authenticator app code').pressSequentially(await currentTotp(page));
    await welcome(page, mfa.name).waitFor();
    await step(page, `theme-${scheme}-signed-in`);
    await page.close();
  }
});

async function clipTo(page: Page, target: ReturnType<typeof loginForm>, dirs: string[], file: string) {
  const box = (await target.boundingBox())!;
  const margin = 16;
  const clip = { x: Math.max(0, box.x - margin), y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin };
  await page.waitForTimeout(50);
  for (const dir of dirs) await page.screenshot({ path: join(dir, file), clip });
}
