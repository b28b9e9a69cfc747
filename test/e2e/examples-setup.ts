import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

/** Screenshots of this run only; and a clear message when the examples were not built. */
export default async function setup() {
  await rm('test-results/examples', { recursive: true, force: true });
  for (const built of ['examples/vite/dist/index.html', 'examples/nextjs/.next/BUILD_ID']) {
    if (!existsSync(built)) throw new Error(`No ${built}: run \`npm run test:examples\` (it packs the package and builds the examples first)`);
  }
}
