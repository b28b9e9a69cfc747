import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createExhClient, type ExhClientOptions } from '../src/core';
import { createMockExh, demoUsers, type MockExhOptions } from '../src/msw';

export const host = 'https://api.exh.test';
export const consumerKey = 'test-consumer-key';
export const consumerSecret = 'test-consumer-secret';
export const demo = demoUsers.find((u) => !u.mfa)!;
export const mfaUser = demoUsers.find((u) => u.mfa)!;

/**
 * Starts the mock ExH service for a test file, on a clock the tests can move.
 * Each test gets a fresh mock (state, counters, clock) through `mock()`.
 */
export function setupMockExh(options: Partial<MockExhOptions> = {}) {
  let clock = Date.now();
  const make = () => createMockExh({ host, consumerKey, consumerSecret, now: () => clock, ...options });
  let current = make();
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    clock = Date.now();
    current = make();
    server.use(...current.handlers);
  });
  afterAll(() => server.close());
  server.use(...current.handlers);
  return {
    server,
    get db() {
      return current.db;
    },
    now: () => clock,
    advance(ms: number) {
      clock += ms;
    },
    client: (options: Partial<ExhClientOptions> = {}) =>
      createExhClient({ host, consumerKey, consumerSecret, storage: 'memory', ...options }),
  };
}
