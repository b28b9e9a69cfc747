import { http, HttpResponse } from 'msw';
import { createExhClient, MfaRequiredError, type ExhClient } from '../../src/core';
import { createMockExh, demoUsers, type MockResponse, type MockUserSeed } from '../../src/msw';

/**
 * The component stories' own mock ExH service: on a host of its own and never persisted, so resetting it
 * for every story leaves the Full app's service (and the sessions of its tabs) alone.
 * It is always the mock, also when the Full app talks to a real cluster.
 */
export const storyBackend = {
  host: 'https://api.exh-stories.test',
  consumerKey: 'story-consumer-key',
  consumerSecret: 'story-consumer-secret',
};

// The mock's clock: the real one, unless a story stops it (until the next story).
let stoppedAt: number | null = null;

/** Stops the mock service's clock: its time-based rules (e.g. 211's "within a second") no longer depend on how fast the story runs. */
export function stopStoryClock(): void {
  stoppedAt = Date.now();
}

/** A little latency, so that "Signing in…" is seen in the browser. */
export const storyMock = createMockExh({ ...storyBackend, latency: 150, now: () => stoppedAt ?? Date.now() });

export const demoUser = demoUsers.find((user) => !user.mfa)!;
export const mfaUser = demoUsers.find((user) => user.mfa)!;

/** A user whose only MFA method is the authenticator app (no recovery codes). */
export const appOnlyUser: MockUserSeed = {
  email: 'app-only@example.com',
  password: 'demo-password',
  firstName: 'App',
  lastName: 'Only',
  mfa: { totpSecret: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA', recoveryCodes: [] },
};

export const TOKENS_PATH = '/auth/v2/oauth1/tokens';
export const MFA_PATH = '/auth/v2/oauth1/tokens/mfa';

/** Canned answers of the service's throttling, as a cluster sends them. */
export const cannedErrors = {
  loginFreeze: { status: 401, body: { code: 212, name: 'LOGIN_FREEZE_EXCEPTION', message: 'Too many failed logins: wait 60 seconds' } },
  tooManyFailedAttempts: { status: 401, body: { code: 213, name: 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION', message: 'Too many failed logins: blocked' } },
  networkError: { status: 0 },
  mfaReattemptDelay: (remainingDelay: number) => ({
    status: 400,
    body: { code: 134, name: 'MFA_REATTEMPT_DELAY_EXCEPTION', message: 'Wait before the next MFA attempt', remainingDelay },
  }),
  signatureRefused: { status: 401, body: { code: 109, name: 'OAUTH_SIGNATURE_EXCEPTION', message: 'The signature is invalid' } },
  invalidMfaToken: { status: 400, body: { code: 131, name: 'INVALID_MFA_TOKEN_EXCEPTION', message: 'The MFA token is unknown or expired' } },
} satisfies Record<string, MockResponse | ((...args: never[]) => MockResponse)>;

// Requests held without an answer ('pending' stories), until the next story starts.
let hangMatch: { method: string; path: string } | null = null;
const held = new Set<() => void>();

/** The next requests to `path` never get an answer (until the mock is reset: then they fail as a network error). */
export function hangRequests(method: string, path: string): void {
  hangMatch = { method: method.toUpperCase(), path };
}

function releaseHeld(): void {
  hangMatch = null;
  for (const release of held) release();
  held.clear();
}

/** Placed before the mock's handlers: holds a matching request, else lets it through to the mock. */
const hangHandler = http.all(`${storyBackend.host}/*`, async ({ request }) => {
  const { pathname } = new URL(request.url);
  if (!hangMatch || hangMatch.method !== request.method || hangMatch.path !== pathname) return undefined;
  await new Promise<void>((resolve) => held.add(resolve));
  return HttpResponse.error();
});

export const storyHandlers = [hangHandler, ...storyMock.handlers];

/** A clean service for every story: seeded users only, no tokens, challenges, counters or canned answers. */
export function resetStoryMock(): void {
  releaseHeld();
  stoppedAt = null;
  storyMock.db.reset();
  storyMock.db.addUser(appOnlyUser);
}

/** A fresh client whose session lives in memory: stories never share or keep a session. */
export function storyClient(options: { timeout?: number } = {}): ExhClient {
  return createExhClient({ ...storyBackend, storage: 'memory', ...options });
}

/** A client whose password step is done: its state is 'mfaRequired', with the challenge of `user`. */
export async function clientAtMfaStep(user: MockUserSeed = mfaUser): Promise<ExhClient> {
  const client = storyClient();
  try {
    await client.authenticate({ email: user.email, password: user.password });
  } catch (error) {
    if (error instanceof MfaRequiredError) return client;
    throw error;
  }
  throw new Error(`${user.email} has no MFA`);
}
