import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { SHOTS } from './browser';

/** Screenshots of this run only; and a clear message when the Storybook was not built. */
export default async function setup() {
  await rm(SHOTS, { recursive: true, force: true });
  if (!existsSync('storybook-static/index.json')) {
    throw new Error('No storybook-static/: run `npm run test:e2e` (it builds the Storybook first)');
  }
}
