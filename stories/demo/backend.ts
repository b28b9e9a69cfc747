import { useSyncExternalStore } from 'react';
import { createMockExh, type MockDb, type MockSnapshot } from '../../src/msw';

/**
 * Which ExH the stories talk to: a real cluster when STORYBOOK_EXH_HOST, STORYBOOK_EXH_CONSUMER_KEY
 * and STORYBOOK_EXH_CONSUMER_SECRET are set, else the package's mock service in the browser.
 */
const env = (import.meta as { env?: Record<string, string | undefined> }).env ?? {};

export const realCluster =
  env.STORYBOOK_EXH_HOST && env.STORYBOOK_EXH_CONSUMER_KEY && env.STORYBOOK_EXH_CONSUMER_SECRET
    ? { host: env.STORYBOOK_EXH_HOST, consumerKey: env.STORYBOOK_EXH_CONSUMER_KEY, consumerSecret: env.STORYBOOK_EXH_CONSUMER_SECRET }
    : null;

export const mockConfig = { host: 'https://api.exh-mock.test', consumerKey: 'demo-consumer-key', consumerSecret: 'demo-consumer-secret' };

export const backend = realCluster ?? mockConfig;

/** Where the Full app's mock service keeps its state (shared by the tabs of the origin). */
export const MOCK_STATE_KEY = 'exh-auth-react:demo-mock';

/** The address parameters of the mails' links (AuthFlow's defaults) and of the SSO link. */
const linkParams = { activation: 'activationHash', reset: 'resetHash' } as const;

/**
 * A mail's link: this very page (in Storybook, the iframe's address keeps the story's id) with the mail's hash,
 * so opening it in the same frame lands on the Full app, whose AuthFlow takes the hash.
 */
export function demoMailLink(kind: 'activation' | 'reset', hash: string): string {
  const url = new URL(window.location.href);
  for (const name of [...Object.values(linkParams), 'ssoToken']) url.searchParams.delete(name);
  url.searchParams.set(linkParams[kind], hash);
  return url.href;
}

/** The mock service of the demo, its state (the outbox included) kept in localStorage so reloads and other tabs see one service. */
export const demoMock = createMockExh({ ...mockConfig, latency: 150, mailLink: demoMailLink });

export function loadMockState(db: MockDb = demoMock.db): void {
  try {
    const saved = localStorage.getItem(MOCK_STATE_KEY);
    if (saved) db.restore(JSON.parse(saved) as MockSnapshot);
  } catch {
    // A corrupt snapshot: start from the seeded users.
  }
  changed();
}

/** Called after every answer of the mock (.storybook/preview.tsx) and by the panel's own changes. */
export function saveMockState(db: MockDb = demoMock.db): void {
  try {
    localStorage.setItem(MOCK_STATE_KEY, JSON.stringify(db.snapshot()));
  } catch {
    // Storage full or blocked: the demo still works in this tab.
  }
  changed();
}

// The mock's db is plain mutable data: a counter bumped at each save or load lets the dev panel re-render on a change.
let version = 0;
const listeners = new Set<() => void>();
function changed() {
  version += 1;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Re-renders the caller whenever the mock's state changed (saved after an answer, or loaded from another tab). */
export function useMockVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
