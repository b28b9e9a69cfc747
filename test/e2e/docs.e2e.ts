/**
 * The pictures in docs/components/: every drop-in component's first story at 360 px and at desktop width,
 * light and dark (the OS scheme, which the stylesheet follows by default), with axe on each.
 * Written to test-results/e2e/docs/components/, and to docs/components/ (committed) with E2E_UPDATE_DOCS=1.
 */
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { axeViolations, launch, storyUrl, waitForStory, type Browser } from './browser';
import { serveStatic } from './static-server';

const STATIC = 'storybook-static';
const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8')) as {
  entries: Record<string, { id: string; title: string; type: string; importPath: string }>;
};

/** The drop-in components: every story file under stories/ but the full app, the theme, the locales and the hooks' pages. */
const NOT_COMPONENTS = new Set(['Full app', 'Theme', 'Locales']);
const firstStories = new Map<string, string>();
for (const entry of Object.values(index.entries)) {
  if (entry.type !== 'story' || NOT_COMPONENTS.has(entry.title) || entry.title.startsWith('Hooks/') || firstStories.has(entry.title)) continue;
  firstStories.set(entry.title, entry.id);
}

const widths = { '360': { width: 360, height: 800 }, desktop: { width: 1280, height: 900 } } as const;
// A page of each scheme, as stories/support/theme.tsx has them; the stories' session line is not part of a component.
const pageStyle = {
  light: 'body { background: #ffffff; color: #1b1f24; color-scheme: light; }',
  dark: 'body { background: #010409; color: #e6edf3; color-scheme: dark; }',
} as const;

let server: Server;
let base: string;
let browser: Browser;
const dirs = [join('test-results', 'e2e', 'docs', 'components'), ...(process.env.E2E_UPDATE_DOCS === '1' ? [join('docs', 'components')] : [])];

beforeAll(async () => {
  ({ server, url: base } = await serveStatic(STATIC));
  browser = await launch();
  for (const dir of dirs) await mkdir(dir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('finds every drop-in component in the built Storybook', () => {
  expect([...firstStories.keys()]).toEqual(expect.arrayContaining(['LoginForm', 'MfaMethodPicker', 'SignUpForm', 'AccountSecurity', 'ActiveSessions']));
});

describe.each([...firstStories])('%s', (title, id) => {
  it.each(['light', 'dark'] as const)('at 360 px and desktop width, %s: no horizontal scroll, no axe violation', async (scheme) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, viewport] of Object.entries(widths)) {
      await page.setViewportSize(viewport);
      await page.goto(storyUrl(base, id));
      const result = await waitForStory(page);
      expect(result.status, `${title} renders`).toBe('success');
      await page.addStyleTag({ content: `${pageStyle[scheme]} p:has(> [data-testid="auth-status"]) { display: none; }` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${title} scrolls sideways at ${name}`).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), `axe on ${title}, ${scheme}, ${name}`).toEqual([]);
      // Clipped to what the story shows, with a margin: the root spans the page, the component often does not.
      const clip = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('#storybook-root > *')]
          .map((element) => element.getBoundingClientRect())
          .filter((box) => box.width > 0 && box.height > 0);
        const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - 16);
        const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - 16);
        const right = Math.min(document.documentElement.scrollWidth, Math.max(...boxes.map((b) => b.right)) + 16);
        const bottom = Math.max(...boxes.map((b) => b.bottom)) + 16;
        return { x: left, y: top, width: right - left, height: bottom - top };
      });
      await page.waitForTimeout(50);
      const file = `${title.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-${scheme}-${name}.png`;
      for (const dir of dirs) await page.screenshot({ path: join(dir, file), clip, fullPage: true });
    }
    await page.close();
  });
});
