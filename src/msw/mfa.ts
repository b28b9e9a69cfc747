/**
 * The auth service's presence tokens and MFA settings in the mock: `POST /auth/v2/confirmPresence` and, under
 * `/auth/v2/mfa/users/{userId}`, the settings, adding TOTP methods (40-hex secrets) and recovery codes (single use),
 * verifying, removing, enabling and disabling. Answers camelCase with ISO-8601 times, as the auth service does.
 * The MFA grant checks its codes here too, so both share one back-off and spend recovery codes alike.
 */
import type { HttpHandler } from 'msw';
import { readObjectBody, type AccountKit } from './account.js';
import { randomHex, randomId, type MockMfaMethod, type MockUser, type MockUserMfa } from './db.js';
import { mfaWait, recordMfaFailure } from './throttling.js';
import { totp } from './totp.js';

export interface MockMfaOptions {
  /** How long a presence token is valid (and reusable), in ms. Default 10 minutes. */
  presenceTokenLifetime?: number;
}

/** What the mock's core lends this module on top of the account kit. */
export interface MfaKit extends AccountKit {
  /** The MFA back-off (134) is on. */
  throttle: boolean;
  /** The password grant's own check, throttling included: fails with 106, 211, 212 or 213. */
  checkPassword(user: MockUser, password: string): void;
}

export const mfaErrors: Record<number, { name: string; status: number; message: string }> = {
  10: { name: 'NO_PERMISSION_EXCEPTION', status: 401, message: 'Not allowed' },
  26: { name: 'ILLEGAL_ARGUMENT_EXCEPTION', status: 400, message: 'An argument is not valid here' },
  132: { name: 'INVALID_PRESENCE_TOKEN_EXCEPTION', status: 400, message: 'The presence token is missing, expired or not yours' },
  133: { name: 'NOT_ENOUGH_MFA_METHODS_EXCEPTION', status: 400, message: 'MFA needs at least one verified method' },
};

const DEFAULT_PRESENCE_TOKEN_LIFETIME_MS = 10 * 60_000;
const TOTP_STEP_MS = 30_000;
const RECOVERY_CODE_COUNT = 10;
/** Lower case letters and digits without look-alikes (no i, l, o, 0, 1). */
const RECOVERY_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7pm-x3qa`: 8 random characters in two groups. */
function recoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    const chars = [...crypto.getRandomValues(new Uint8Array(8))].map((byte) => RECOVERY_CODE_ALPHABET[byte % RECOVERY_CODE_ALPHABET.length]);
    codes.add(`${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`);
  }
  return [...codes];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A method as the service lists it: never its secret or codes. */
function methodBody({ id, type, name, tags, verified, creationTimestamp, updateTimestamp }: MockMfaMethod) {
  return { id, type, name, tags: [...tags], verified, creationTimestamp: iso(creationTimestamp), updateTimestamp: iso(updateTimestamp) };
}

function settingsBody({ id, methods, enabled, updateTimestamp }: MockUserMfa) {
  return { id, methods: methods.map(methodBody), enabled, updateTimestamp: iso(updateTimestamp) };
}

export function mfaService(kit: MfaKit, options: MockMfaOptions) {
  const { route, state, now, throttle } = kit;
  // Annotated, so that TypeScript narrows after a call (assertion functions need an explicit type).
  const fail: AccountKit['fail'] = kit.fail;
  const lifetime = options.presenceTokenLifetime ?? DEFAULT_PRESENCE_TOKEN_LIFETIME_MS;

  /** TOTP: the code of now ±1 step. Recovery code: single use, so a right one is spent. */
  async function matches(method: MockMfaMethod, code: string): Promise<boolean> {
    if (method.type === 'recoveryCodes') {
      const index = method.codes?.indexOf(code) ?? -1;
      if (index !== -1) method.codes!.splice(index, 1);
      return index !== -1;
    }
    if (!method.secret) return false;
    for (const step of [-1, 0, 1]) if ((await totp(method.secret, now() + step * TOTP_STEP_MS)) === code) return true;
    return false;
  }

  /** Checks a code after the user's growing wait between failures (134); a wrong one is 130, a right one resets the wait. */
  async function checkCode(user: MockUser, method: MockMfaMethod, code: string): Promise<void> {
    const backoff = state.mfaBackoffOf(user.id);
    const wait = throttle ? mfaWait(backoff, now()) : 0;
    if (wait > 0) fail(134, { remainingDelay: wait });
    if (!(await matches(method, code))) {
      recordMfaFailure(backoff, now());
      fail(130);
    }
    state.mfaBackoffs.delete(user.id);
  }

  /** What the MFA-required answer (129) lists: the verified methods, without secrets. */
  function challengeMethods(user: MockUser) {
    return user.mfa.methods.filter((m) => m.verified).map(({ id, type, name, tags }) => ({ id, type, name, tags: [...tags] }));
  }

  type Context = Parameters<Parameters<AccountKit['route']>[2]>[0];

  const readBody = (request: Request) => readObjectBody(request, fail);

  function signedInUser({ token }: Context): MockUser {
    if (!token) fail(104);
    return state.userById(token.userId) ?? fail(108);
  }

  /** The signed-in user, when the path's `userId` is theirs (10 otherwise: mock users never have MFA permissions). */
  function owner(context: Context): MockUser {
    const user = signedInUser(context);
    if (context.params.userId !== user.id) fail(10);
    return user;
  }

  /** The owner and the body, which must carry a valid presence token of theirs (132). */
  async function withPresence(context: Context): Promise<{ user: MockUser; mfa: MockUserMfa; body: Record<string, unknown> }> {
    const user = owner(context);
    const body = await readBody(context.request);
    const presence = typeof body.presenceToken === 'string' ? state.presenceTokens.get(body.presenceToken) : undefined;
    if (!presence || presence.userId !== user.id || presence.expiryTimestamp <= now()) fail(132);
    return { user, mfa: user.mfa, body };
  }

  function methodOf(mfa: MockUserMfa, context: Context): MockMfaMethod {
    return mfa.methods.find((m) => m.id === context.params.methodId) ?? fail(16);
  }

  const touch = (mfa: MockUserMfa) => (mfa.updateTimestamp = now());
  const hasVerified = (mfa: MockUserMfa) => mfa.methods.some((m) => m.verified);

  const base = '/auth/v2/mfa/users/:userId';
  const handlers: HttpHandler[] = [
    route('post', '/auth/v2/confirmPresence', async (context) => {
      const user = signedInUser(context);
      const { password } = await readBody(context.request);
      if (password === undefined || password === null || password === '') fail(14);
      kit.checkPassword(user, String(password));
      const created = now();
      for (const [value, old] of state.presenceTokens) if (old.expiryTimestamp <= created) state.presenceTokens.delete(value);
      const presence = { token: randomHex(40), userId: user.id, creationTimestamp: created, expiryTimestamp: created + lifetime };
      state.presenceTokens.set(presence.token, presence);
      return { token: presence.token, expiryTimestamp: iso(presence.expiryTimestamp), creationTimestamp: iso(created) };
    }),

    route('get', base, (context) => settingsBody(owner(context).mfa)),

    route('post', `${base}/methods`, async (context) => {
      const { mfa, body } = await withPresence(context);
      const { type, name = type === 'totp' ? 'Authenticator app' : 'Recovery codes', tags = [] } = body;
      if (type === undefined || type === null || type === '') fail(14);
      if (type !== 'totp' && type !== 'recoveryCodes') fail(26);
      if (typeof name !== 'string' || !Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) fail(26);
      const created = now();
      const common = { id: randomId(), type: type as MockMfaMethod['type'], name, tags: [...tags] as string[], creationTimestamp: created, updateTimestamp: created };
      // Recovery codes need no confirming; a TOTP method counts once a code from the app was confirmed.
      const method: MockMfaMethod =
        type === 'totp' ? { ...common, verified: false, secret: randomHex(40) } : { ...common, verified: true, codes: recoveryCodes() };
      mfa.methods.push(method);
      touch(mfa);
      return type === 'totp' ? { ...methodBody(method), secret: method.secret } : { ...methodBody(method), codes: [...method.codes!] };
    }),

    route('post', `${base}/methods/:methodId/verification/confirm`, async (context) => {
      const { user, mfa, body } = await withPresence(context);
      const method = methodOf(mfa, context);
      if (method.type !== 'totp') fail(26);
      if (body.code === undefined || body.code === null || body.code === '') fail(14);
      await checkCode(user, method, String(body.code));
      if (!method.verified) {
        method.verified = true;
        method.updateTimestamp = now();
        touch(mfa);
      }
      // The service's answer says nothing the client needs: an empty 200 makes sure it reads the status only.
      return undefined;
    }),

    route('post', `${base}/methods/:methodId/remove`, async (context) => {
      const { mfa } = await withPresence(context);
      const method = methodOf(mfa, context);
      if (mfa.enabled && method.verified && mfa.methods.filter((m) => m.verified).length === 1) fail(133);
      mfa.methods.splice(mfa.methods.indexOf(method), 1);
      touch(mfa);
      return { affectedRecords: 1 };
    }),

    route('post', `${base}/enable`, async (context) => {
      const { mfa } = await withPresence(context);
      if (!hasVerified(mfa)) fail(133);
      mfa.enabled = true;
      touch(mfa);
      return { affectedRecords: 1 };
    }),

    route('post', `${base}/disable`, async (context) => {
      const { mfa } = await withPresence(context);
      mfa.enabled = false;
      touch(mfa);
      return { affectedRecords: 1 };
    }),
  ];

  return { handlers, checkCode, challengeMethods };
}
