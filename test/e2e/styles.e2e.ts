/**
 * What styles.css does, read back as Chromium computed it (not as the file is written): the light and dark
 * colours, `data-exh-theme` nesting both ways, and the system's `prefers-color-scheme` when no theme is set.
 * The LoginForm's Idle story is the page; the theme attributes are set on <html>, <body> and the story's root.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, launch, shot, storyUrl, waitForStory, type Browser } from './browser';
import { serveStatic } from './static-server';

const IDLE = 'loginform--idle';

/** The stylesheet's two palettes as Chromium reports them (form background and text, submit button). */
const light = { scheme: 'light', background: 'rgb(255, 255, 255)', text: 'rgb(27, 31, 36)', submit: 'rgb(11, 92, 173)' };
const dark = { scheme: 'dark', background: 'rgb(13, 17, 23)', text: 'rgb(230, 237, 243)', submit: 'rgb(68, 147, 248)' };

let server: Server;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, url: base } = await serveStatic('storybook-static'));
  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(storyUrl(base, IDLE));
  expect(await waitForStory(page)).toEqual({ status: 'success' });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

type Theme = 'light' | 'dark' | null;

/** Sets data-exh-theme on <html>, <body> and the story's root (null: none), then reads the form's colours. */
async function coloursWith(html: Theme, body: Theme, root: Theme = null) {
  return page.evaluate(
    ([html, body, root]) => {
      const set = (element: Element, theme: string | null) =>
        theme ? element.setAttribute('data-exh-theme', theme) : element.removeAttribute('data-exh-theme');
      set(document.documentElement, html);
      set(document.body, body);
      set(document.querySelector('#storybook-root')!, root);
      const form = getComputedStyle(document.querySelector('form.exh-auth')!);
      return {
        scheme: form.colorScheme.trim(),
        background: form.backgroundColor,
        text: form.color,
        submit: getComputedStyle(document.querySelector('.exh-auth__submit')!).backgroundColor,
      };
    },
    [html, body, root] as const,
  );
}

describe('styles.css in Chromium (computed styles)', () => {
  it('follows prefers-color-scheme when no theme is set', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await coloursWith(null, null)).toEqual(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await coloursWith(null, null)).toEqual(dark);
  });

  it('data-exh-theme on an ancestor wins over the system, either way', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await coloursWith('light', null)).toEqual(light);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await coloursWith('dark', null)).toEqual(dark);
  });

  it('the nearest data-exh-theme wins: dark inside light, light inside dark', async () => {
    for (const system of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: system });
      expect(await coloursWith('light', 'dark'), `dark in light, system ${system}`).toEqual(dark);
      expect(await coloursWith('dark', 'light'), `light in dark, system ${system}`).toEqual(light);
      expect(await coloursWith('dark', 'light', 'dark'), `dark in light in dark, system ${system}`).toEqual(dark);
      expect(await coloursWith('light', 'dark', 'light'), `light in dark in light, system ${system}`).toEqual(light);
    }
    await coloursWith('dark', 'light');
    await shot(page, 'styles-light-inside-dark');
  });
});

/**
 * The README's picture of the two themes: the Theme story (the card with its header and footer, the form with
 * errors, the MFA step) at desktop width, light and dark. Written to test-results/e2e/docs/, and to docs/
 * (committed) with E2E_UPDATE_DOCS=1.
 */
it('takes the README pictures of the light and dark themes (axe on each)', async () => {
  const dirs = [join('test-results', 'e2e', 'docs'), ...(process.env.E2E_UPDATE_DOCS === '1' ? ['docs'] : [])];
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const themed = await browser.context.newPage();
    await themed.setViewportSize({ width: 1280, height: 800 });
    await themed.goto(storyUrl(base, `theme--${scheme}`));
    expect(await waitForStory(themed)).toEqual({ status: 'success' });
    expect(await axeViolations(themed), `axe on the Theme story, ${scheme}`).toEqual([]);
    // Down to the lowest card, with the frame's own margin below it.
    const height = await themed.evaluate(() => Math.max(...[...document.querySelectorAll('#storybook-root section')].map((s) => s.getBoundingClientRect().bottom)) + 32);
    for (const dir of dirs) await themed.screenshot({ path: join(dir, `theme-${scheme}.png`), clip: { x: 0, y: 0, width: 1280, height } });
    await themed.close();
  }
});

describe('the sign-in card in Chromium, at 360 px and at desktop width', () => {
  for (const width of [360, 1280]) {
    it(`${width} px: the eye sits inside a full-width password field, and the MFA step's labels stay on one line`, async () => {
      const narrow = await browser.context.newPage();
      await narrow.setViewportSize({ width, height: 800 });
      await narrow.goto(storyUrl(base, 'loginform--header-and-footer'));
      expect(await waitForStory(narrow)).toEqual({ status: 'success' });
      const field = await narrow.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const password = document.querySelector<HTMLInputElement>('input[name="password"]')!;
        const eye = box('.exh-auth__eye');
        const input = password.getBoundingClientRect();
        return {
          sameWidth: Math.abs(input.width - box('input[name="email"]').width) < 0.5,
          eyeInside: eye.left >= input.left && eye.right <= input.right && eye.top >= input.top && eye.bottom <= input.bottom,
          // The text stops before the eye: a long password scrolls, never under the button.
          roomForEye: parseFloat(getComputedStyle(password).paddingRight) >= eye.width,
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(field).toEqual({ sameWidth: true, eyeInside: true, roomForEye: true, scrollWidth: width });

      for (const id of ['mfamethodpicker--two-methods', 'mfamethodpicker--switched-to-recovery-code']) {
        await narrow.goto(storyUrl(base, id));
        expect(await waitForStory(narrow)).toEqual({ status: 'success' });
        const lines = await narrow.evaluate(() =>
          Object.fromEntries(
            [...document.querySelectorAll('.exh-auth__label, .exh-auth--mfa > .exh-auth__link')].map((element) => {
              const range = document.createRange();
              range.selectNodeContents(element);
              return [element.textContent, range.getClientRects().length];
            }),
          ),
        );
        expect(Object.values(lines), `${id}: ${JSON.stringify(lines)}`).toEqual([1, 1]);
        expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
        if (width === 360) await shot(narrow, `${id}-360`);
      }
      await narrow.close();
    });
  }
});
