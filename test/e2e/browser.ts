/** Chromium (Debian's, through playwright-core) on the built Storybook, and what every journey needs. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = 'test-results/e2e';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A Chromium of its own, on a fresh temporary profile (--user-data-dir): no state from another journey. */
export async function launch(options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'exh-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1000, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(10_000);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export const storyUrl = (base: string, id: string) => `${base}/iframe.html?id=${id}&viewMode=story`;

/** Opens a story and waits for Storybook to have rendered it (and played its play function, if any). */
export async function openStory(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForStory(page);
}

export interface StoryResult {
  status: 'success' | 'error';
  /** What the play function threw, if it did. */
  error?: string;
}

/**
 * Waits until Storybook has rendered the page's story (and played its play function, if any): its
 * channel keeps the last `storyFinished` event, with `status: 'error'` when rendering or playing failed.
 */
export async function waitForStory(page: Page): Promise<StoryResult> {
  const handle = await page.waitForFunction(
    () => {
      type Channel = { data?: Record<string, unknown[] | undefined> };
      const data = (window as { __STORYBOOK_ADDONS_CHANNEL__?: Channel }).__STORYBOOK_ADDONS_CHANNEL__?.data;
      const finished = data?.storyFinished?.[0] as { status: 'success' | 'error' } | undefined;
      if (!finished) return false;
      const thrown = data?.playFunctionThrewException?.[0] as { message?: string } | undefined;
      return { status: finished.status, ...(thrown && { error: thrown.message }) };
    },
    undefined,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as StoryResult;
}

/** axe-core in the page, on what the story shows; every violation with the elements it is about. */
export async function axeViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document.querySelector('#storybook-root')!);
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
}

/**
 * A screenshot of the whole page (or of the viewport only: a docs page of many frames is slow to shoot whole):
 * test-results/e2e/<name>.png, or in `dir`.
 */
export async function shot(page: Page, name: string, { fullPage = true, dir = SHOTS } = {}): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
