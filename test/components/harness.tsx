/** The mock ExH service and an AuthProvider for the component tests. */
import { act, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { StrictMode, type ReactNode } from 'react';
import { createExhClient, type ExhClient } from '../../src/core';
import { createMockExh, demoUsers, type MockDb } from '../../src/msw';
import { AuthProvider, useAuth } from '../../src/react';

// jsdom has no CSS.escape, which user-event needs to walk a radio group with the arrow keys.
if (typeof window !== 'undefined' && !window.CSS?.escape) {
  Object.assign(window, {
    CSS: { ...window.CSS, escape: (value: string) => value.replace(/[^\w-]/g, (char) => `\\${char}`) },
  });
}

export const host = 'https://api.exh.test';
export const consumerKey = 'component-test-key';
export const consumerSecret = 'component-test-secret';
export const demo = demoUsers.find((u) => !u.mfa)!;
export const mfaUser = demoUsers.find((u) => u.mfa)!;
export const TOKENS = '/auth/v2/oauth1/tokens';
export const MFA = '/auth/v2/oauth1/tokens/mfa';
export const tokensUrl = `${host}${TOKENS}`;
export const mfaUrl = `${host}${MFA}`;

/**
 * A fresh mock service per test. Its clock is the global Date.now, read at each call, so that
 * `vi.useFakeTimers()` moves the service's throttling, the challenge's expiry and the countdowns together.
 */
export function startMockService() {
  const server = setupServer();
  let db: MockDb | undefined;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    const mock = createMockExh({ host, consumerKey, consumerSecret, now: () => Date.now() });
    db = mock.db;
    server.use(...mock.handlers);
  });
  afterEach(() => {
    server.resetHandlers();
    vi.useRealTimers();
  });
  afterAll(() => server.close());
  return {
    server,
    get db(): MockDb {
      if (!db) throw new Error('The mock service starts in beforeEach');
      return db;
    },
  };
}

/** Real time keeps flowing (msw, user-event, waitFor), and tests can jump ahead. */
export function installFakeClock() {
  vi.useFakeTimers({ shouldAdvanceTime: true });
}

/** Moves the fake clock, running the timers due, inside act() so React renders the ticks. */
export function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

export function setupUser() {
  return userEvent.setup({
    advanceTimers: (ms) => {
      if (vi.isFakeTimers()) vi.advanceTimersByTime(ms);
    },
  });
}

/** Captures the provider's client, for driving a custom flow the way an app would. */
function ClientProbe({ onClient }: { onClient: (client: ExhClient) => void }) {
  onClient(useAuth((auth) => auth.client));
  return null;
}

/** The `strict` vitest project runs these suites again inside React.StrictMode. */
const strictMode = process.env.EXH_STRICT === '1';

export function renderWithAuth(ui: ReactNode): RenderResult & { client: () => ExhClient } {
  let client: ExhClient | undefined;
  const app = (
    <AuthProvider host={host} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory">
      <ClientProbe onClient={(c) => (client = c)} />
      {ui}
    </AuthProvider>
  );
  const result = render(strictMode ? <StrictMode>{app}</StrictMode> : app);
  return {
    ...result,
    client: () => {
      if (!client) throw new Error('No client yet');
      return client;
    },
  };
}

/** Fails `count` password logins of `email` from another client, a bit over a second apart (past the 211 rule). */
export async function failLogins(email: string, count: number): Promise<(number | undefined)[]> {
  const other = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });
  const codes: (number | undefined)[] = [];
  for (let i = 0; i < count; i++) {
    const code = await other.authenticate({ email, password: 'wrong-password' }).then(
      () => undefined,
      (error: { code?: number }) => error.code,
    );
    codes.push(code);
    // A 212 freezes the user for 60 s: wait it out before the next failure.
    advance(code === 212 ? 61_000 : 1_100);
  }
  return codes;
}

export async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
}

/** What assistive tech gets of an element: its text without the aria-hidden parts. */
export function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent?.trim() ?? '';
}

/** What the eyes get of an element: its text without the screen-reader-only copies. */
export function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('span[style]').forEach((srOnly) => srOnly.remove());
  return copy.textContent?.trim() ?? '';
}
