/**
 * The example apps (examples/vite, examples/nextjs), each on the packed package, served from its production
 * build (vite preview, next start) and driven in Debian's Chromium: the first paint, a protected page signed
 * out → sign-in → back, a reload without a flash of the sign-in form, sign out. Any console error or warning
 * (a hydration mismatch included) or uncaught error fails the journey. `npm run test:examples` packs,
 * installs and builds the examples first (scripts/examples.sh).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, shot, type Browser } from './browser';

const SHOTS = 'test-results/examples';

interface Example {
  name: 'vite' | 'nextjs';
  /** The production server's command line in the example's folder, on `port`. */
  serve: (port: number) => string[];
}

const examples: Example[] = [
  { name: 'vite', serve: (port) => ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', `${port}`, '--strictPort'] },
  { name: 'nextjs', serve: (port) => ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', `${port}`] },
];

const demo = { email: 'demo@example.com', password: 'demo-password', name: 'Demo User' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The example's production server, in a process group of its own (next start forks its server). */
async function serve(example: Example): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, example.serve(port), {
    cwd: join('examples', example.name),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${example.name}: the server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(url)).ok) return { url, process: child, output: () => output };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${example.name}: no answer at ${url} within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stop(child: ChildProcess | undefined) {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

/** What the page shows, in order, from the first byte of the document on (recorded by a MutationObserver). */
const recordStates = () => {
  const seen: string[] = [];
  (window as unknown as { __states: string[] }).__states = seen;
  const state = () => {
    if (document.querySelector('form.exh-auth--login')) return 'sign-in form';
    if (document.querySelector('main h1')?.textContent === 'Account') return 'account';
    if (document.querySelector('.loading')) return 'loading';
    return null;
  };
  const note = () => {
    const now = state();
    if (now && seen[seen.length - 1] !== now) seen.push(now);
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true, characterData: true });
};
const statesOf = (page: Page) => page.evaluate(() => (window as unknown as { __states: string[] }).__states);

const loginForm = (page: Page) => page.getByRole('form', { name: 'Sign in' });
const signedInAs = (page: Page) => page.getByText(`Signed in as ${demo.name} (${demo.email})`);

describe.each(examples)('the $name example', (example) => {
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  // Console errors and warnings and uncaught errors of every page, checked after each journey.
  const problems: string[] = [];

  beforeAll(async () => {
    server = await serve(example);
  });
  afterAll(async () => {
    await stop(server?.process);
    server = undefined;
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    expect(problems.splice(0), 'console errors and warnings, uncaught errors').toEqual([]);
  });

  async function newPage(options?: Parameters<typeof launch>[0]): Promise<Page> {
    browser ??= await launch(options);
    const page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    return page;
  }

  test('the first paint of a protected page, before any script, is the loading state', async () => {
    // The HTML the server sends: for next start the server render, for Vite the static index.html.
    const html = await (await fetch(`${server!.url}/account`)).text();
    const markup = html.replace(/<script\b[\s\S]*?<\/script>/g, '');
    expect(markup).toContain('Checking your session…');
    expect(markup).not.toContain('exh-auth--login');
    expect(markup).not.toMatch(/<h1[^>]*>Account<\/h1>/);

    // The same page in Chromium without JavaScript: what shows before the app's scripts run.
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server!.url}/account`);
    await expect.poll(() => page.locator('.loading').textContent()).toBe('Checking your session…');
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Account' }).count()).toBe(0);
    await shot(page, `example-${example.name}-first-paint`, { dir: SHOTS });
  });

  test('a protected page signed out → sign-in → back to it; reload without a flash of the form; sign out', async () => {
    const page = await newPage();
    await page.addInitScript(recordStates);

    // Signed out on a protected page: sent to the sign-in page, which remembers where from.
    await page.goto(`${server!.url}/account`);
    await loginForm(page).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in?returnTo=%2Faccount');
    await shot(page, `example-${example.name}-sign-in`, { dir: SHOTS });

    // The mock's seeded user; back at the protected page once signed in.
    const form = loginForm(page);
    await form.getByLabel('Email').fill(demo.email);
    await form.getByLabel('Password', { exact: true }).fill(demo.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await signedInAs(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await shot(page, `example-${example.name}-signed-in`, { dir: SHOTS });

    // A reload: the loading state, then the page; the sign-in form never shows, not even for a frame.
    await page.reload();
    await signedInAs(page).waitFor();
    expect(await statesOf(page)).toEqual(['loading', 'account']);
    expect(new URL(page.url()).pathname).toBe('/account');

    // Sign out: the protected page sends to the sign-in form again, and stays signed out after a reload.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await loginForm(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(`${server!.url}/account`);
    await loginForm(page).waitFor();
    expect(await statesOf(page)).toEqual(['loading', 'sign-in form']);
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await shot(page, `example-${example.name}-signed-out`, { dir: SHOTS });
  });

  test('a returnTo to another site is not followed after sign-in', async () => {
    const page = await newPage();
    await page.goto(`${server!.url}/sign-in?returnTo=${encodeURIComponent('//evil.example/account')}`);
    const form = loginForm(page);
    await form.getByLabel('Email').fill(demo.email);
    await form.getByLabel('Password', { exact: true }).fill(demo.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await signedInAs(page).waitFor();
    expect(page.url()).toBe(`${server!.url}/account`);
  });
});
