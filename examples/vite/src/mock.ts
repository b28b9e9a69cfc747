/**
 * The example's ExH: the package's mock service (`exh-auth-react/msw`) in the browser, through MSW's service
 * worker, so the app runs without a cluster. With a real cluster, delete this file and give AuthProvider
 * your host, consumer key and secret.
 */
import type { MockSnapshot } from 'exh-auth-react/msw';

export const exh = { host: 'https://api.exh-mock.test', consumerKey: 'example-consumer-key', consumerSecret: 'example-consumer-secret' };

/** Seeded by the mock (`demoUsers`). */
export const demoCredentials = { email: 'demo@example.com', password: 'demo-password' };

// The mock lives in the page: its users and tokens are kept in localStorage, so after a reload it still knows
// the stored session's token.
const STATE_KEY = 'exh-example:mock';

let started: Promise<void> | undefined;

export function startMock(): Promise<void> {
  started ??= (async () => {
    const [{ setupWorker }, { createMockExh }] = await Promise.all([import('msw/browser'), import('exh-auth-react/msw')]);
    const mock = createMockExh({ ...exh, latency: 200 });
    const saved = localStorage.getItem(STATE_KEY);
    if (saved) mock.db.restore(JSON.parse(saved) as MockSnapshot);
    // MSW's start() calls update() on the worker it finds without waiting for it (mswjs/msw#2006): on a reload the
    // worker may unregister itself meanwhile, and that update rejects with nothing to update. Not the app's error.
    window.addEventListener('unhandledrejection', (event) => {
      const message = event.reason instanceof Error ? event.reason.message : '';
      if (message.startsWith('Failed to update a ServiceWorker') && message.includes('/mockServiceWorker.js')) event.preventDefault();
    });
    const worker = setupWorker(...mock.handlers);
    worker.events.on('response:mocked', () => localStorage.setItem(STATE_KEY, JSON.stringify(mock.db.snapshot())));
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  })();
  return started;
}

/** The client's fetch: a request waits until the worker is up, so none slips past the mock. */
export const fetchThroughMock: typeof fetch = async (input, init) => {
  await startMock();
  return fetch(input, init);
};
