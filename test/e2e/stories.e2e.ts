/**
 * Every story of the built Storybook in Chromium: rendered and played through MSW's service worker
 * (test/stories.test.tsx runs the same stories in jsdom with msw/node), with no axe violation.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { axeViolations, launch, shot, storyUrl, waitForStory, type Browser } from './browser';
import { serveStatic } from './static-server';

const STATIC = 'storybook-static';
const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8')) as {
  entries: Record<string, { id: string; title: string; name: string; type: string }>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const docs = Object.values(index.entries).filter((entry) => entry.type === 'docs');

let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, url: base } = await serveStatic(STATIC));
  browser = await launch();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('opens on the full app: first in the sidebar', async () => {
  // With no story in the address, the manager selects the first story of its sorted sidebar.
  await page.goto(`${base}/index.html`);
  await page.waitForURL(/[?&]path=\/story\/full-app--full-app/, { timeout: 20_000 });
  const sidebar = page.locator('#storybook-explorer-tree');
  await sidebar.getByText('LoginForm', { exact: true }).waitFor();
  // The Full app's single story stands alone (hoisted); the components are collapsed.
  const items = await sidebar.locator('[data-nodetype="component"], [data-nodetype="story"]').evaluateAll((nodes) =>
    nodes.map((node) => node.getAttribute('data-item-id')),
  );
  // The order of .storybook/preview.tsx's storySort: the sign-in components, the account ones, the security ones, the locales.
  expect(items).toEqual([
    'full-app--full-app',
    'loginform',
    'mfamethodpicker',
    'signoutbutton',
    'theme',
    'signupform',
    'activateaccount',
    'changepasswordform',
    'forgotpasswordform',
    'resetpasswordform',
    'authflow',
    'confirmpresence',
    'mfasetup',
    'mfasettings',
    'activesessions',
    'accountsecurity',
    'locales',
    // The hooks' docs pages, each with its live examples, under the Hooks group.
    'hooks-sign-in-hooks',
    'hooks-account-hooks',
    'hooks-security-hooks',
    'hooks-helpers',
  ]);
  // The "Get started" checklist and the onboarding guide are off (.storybook/main.ts features).
  expect(await page.evaluate(() => (window as unknown as { FEATURES?: Record<string, boolean> }).FEATURES)).toMatchObject({
    sidebarOnboardingChecklist: false,
    menuOnboardingChecklist: false,
  });
  await shot(page, 'storybook-manager');
});

it.each(stories.filter((s) => s.title !== 'Full app').map((s) => [`${s.title} / ${s.name}`, s.id] as const))(
  '%s: renders and plays in Chromium, with no axe violation',
  async (_name, id) => {
    pageErrors.length = 0;
    await page.goto(storyUrl(base, id));
    const result = await waitForStory(page);
    await shot(page, `story-${id}`);
    expect(pageErrors).toEqual([]);
    expect(result).toEqual({ status: 'success' });
    expect(await axeViolations(page)).toEqual([]);
  },
);

it("MSW's worker, unregistered while its update is on the way (the race between two stories), is no page error", async () => {
  await page.goto(storyUrl(base, 'loginform--idle'));
  await waitForStory(page);
  pageErrors.length = 0;
  const rejected = await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    await registration.unregister();
    const seen = new Promise<boolean>((resolve) => {
      window.addEventListener('unhandledrejection', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 5000);
    });
    void registration.update();
    return seen;
  });
  expect(rejected).toBe(true);
  // The next stories start on a registered worker again.
  await page.reload();
  await waitForStory(page);
  expect(pageErrors).toEqual([]);
});

it('has a docs page for every component and every hook group', () => {
  expect(docs.map((entry) => entry.title)).toEqual([
    'LoginForm',
    'MfaMethodPicker',
    'SignOutButton',
    'SignUpForm',
    'ActivateAccount',
    'ChangePasswordForm',
    'ForgotPasswordForm',
    'ResetPasswordForm',
    'AuthFlow',
    'ConfirmPresence',
    'MfaSetup',
    'MfaSettings',
    'ActiveSessions',
    'AccountSecurity',
    'Hooks/Sign-in hooks',
    'Hooks/Account hooks',
    'Hooks/Security hooks',
    'Hooks/Helpers',
  ]);
});

it.each(docs.map((entry) => [entry.title, entry.id] as const))('%s: its docs page shows its props or hooks table, and its examples', async (title, id) => {
  pageErrors.length = 0;
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=docs`);
  const content = page.locator('.sbdocs-content');
  await content.locator('h1').first().waitFor({ timeout: 20_000 });
  expect(await content.locator('h1').first().textContent()).toBe(title.replace(/^Hooks\//, ''));
  // A component's props table (autodocs), or a hook group's table (MDX).
  expect(await content.locator('table').count()).toBeGreaterThan(0);
  // Its live examples: each story in a frame of its own.
  expect(await content.locator('iframe').count()).toBeGreaterThan(0);
  await shot(page, `docs-${id}`, { fullPage: false });
  expect(pageErrors).toEqual([]);
});
