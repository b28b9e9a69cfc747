/** The in-memory state of one mock ExH service, and the MockDb view tests use to seed and inspect it. */
import type { GlobalRole, PatientEnlistment, SsoToken, StaffEnlistment } from '../core/types.js';

/** A user to seed; what is left out gets a plausible value. `/users/v1/me` answers it snake_case. */
export interface MockUserSeed {
  id?: string;
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
  language?: string;
  timeZone?: string;
  activation?: boolean;
  roles?: GlobalRole[];
  staffEnlistments?: StaffEnlistment[];
  patientEnlistments?: PatientEnlistment[];
  /**
   * MFA set up already: a verified TOTP method (the authenticator app; `totpSecret` base32 or 40 hex) and, when
   * `recoveryCodes` has any, a recovery-codes method. On (`enabled`) unless told otherwise.
   */
  mfa?: { totpSecret: string; recoveryCodes: string[]; enabled?: boolean };
  /** Signs in through an external identity provider: no password reset (215). */
  oidc?: boolean;
}

/** A user as the mock keeps it (camelCase, epoch ms). */
export interface MockUser {
  id: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  phoneNumber: string;
  language: string;
  timeZone: string;
  activation: boolean;
  roles: GlobalRole[];
  staffEnlistments: StaffEnlistment[];
  patientEnlistments: PatientEnlistment[];
  creationTimestamp: number;
  updateTimestamp: number;
  /** Every user has MFA settings (off and empty unless seeded or set up). */
  mfa: MockUserMfa;
  oidc?: boolean;
  /** Set by registration when given. */
  birthday?: string;
  gender?: number;
  country?: string;
  region?: string;
}

/** A user's MFA settings as the mock keeps them (epoch ms). */
export interface MockUserMfa {
  /** The settings' id (`GET /auth/v2/mfa/users/{userId}` answers it). */
  id: string;
  enabled: boolean;
  methods: MockMfaMethod[];
  updateTimestamp: number;
  /** A read-only view: the unused codes of every recovery-codes method (not part of snapshots). */
  readonly recoveryCodes: string[];
}

/** An MFA method with what the service never answers again after adding it: the TOTP secret, the unused codes. */
export interface MockMfaMethod {
  id: string;
  type: 'totp' | 'recoveryCodes';
  name: string;
  tags: string[];
  /** TOTP: once a code was confirmed. Recovery codes: from the start. */
  verified: boolean;
  creationTimestamp: number;
  updateTimestamp: number;
  /** TOTP: 40 hex when the service issued it, or as seeded (base32 or hex). */
  secret?: string;
  /** Recovery codes: the ones not used yet. */
  codes?: string[];
}

/** A TOTP secret the mock holds, for a dev panel to show its current code (`totp(secret)`). */
export interface MockTotpSecret {
  email: string;
  userId: string;
  methodId: string;
  name: string;
  secret: string;
  verified: boolean;
}

/** A presence token (`POST /auth/v2/confirmPresence`), valid for one user until `expiryTimestamp`. */
export interface MockPresenceToken {
  token: string;
  userId: string;
  creationTimestamp: number;
  expiryTimestamp: number;
}

export interface MockToken {
  id: string;
  applicationId: string;
  userId: string;
  token: string;
  tokenSecret: string;
  creationTimestamp: number;
  updateTimestamp: number;
  lastUsedTimestamp: number;
}

/** A new token as `createToken` hands it: the fields of a grant's answer (which sends the times as ISO-8601 strings). */
export type TokenBody = Omit<MockToken, 'lastUsedTimestamp'>;

/** An SSO token as it is kept (epoch ms, always with its update time). */
export type MockSsoToken = Required<SsoToken>;

export interface MockRequest {
  method: string;
  path: string;
  status: number;
  /** The error body's code, when there was one. */
  code?: number;
}

/** A canned answer. `body` as a string is sent raw (e.g. a proxy's HTML); `status: 0` is a network error. */
export interface MockResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MockDb {
  /** Every request handled, in order. */
  readonly requests: readonly MockRequest[];
  /** Requests with this method (and exact pathname, when given). */
  count(method: string, path?: string): number;
  resetRequests(): void;
  readonly users: readonly MockUser[];
  addUser(seed: MockUserSeed): MockUser;
  /** The user's active tokens. */
  tokensOf(email: string): MockToken[];
  /** A session made elsewhere (another device). */
  createToken(email: string): TokenBody;
  /** Revokes a token as if from another device; false when there was no such token. */
  revokeToken(tokenId: string): boolean;
  /** The next `count` requests (matching `match`, when given) answer `response` instead of reaching the service. */
  failNext(count: number, response: MockResponse, match?: { method?: string; path?: string }): void;
  /** The mails the service sent (activation and password reset), oldest first. */
  readonly outbox: readonly MockMail[];
  /** The last mail sent to this address (of this kind, when given). */
  lastMail(email: string, kind?: MockMail['kind']): MockMail | undefined;
  /** The user's MFA settings, live (methods with their secrets and unused codes). */
  mfaOf(email: string): MockUserMfa;
  /** Every TOTP secret of every user's current methods, issued or seeded, verified or not. */
  totpSecrets(): MockTotpSecret[];
  /** Back to the seeded users, with no tokens, challenges, counters, canned failures or logged requests. */
  reset(): void;
  /** The service's state as JSON-safe data (users, tokens, challenges, SSO tokens, counters), e.g. to keep in localStorage. */
  snapshot(): MockSnapshot;
  /** Takes a snapshot's state back: a demo's browser tabs and reloads then see one service. */
  restore(snapshot: MockSnapshot): void;
}

export interface MockSnapshot {
  version: 2;
  users: MockUser[];
  tokens: MockToken[];
  mfaChallenges: MfaChallengeRecord[];
  ssoTokens: MockSsoToken[];
  loginThrottles: Array<[string, LoginThrottle]>;
  mfaBackoffs: Array<[string, MfaBackoff]>;
  /** Missing from snapshots taken before the account API existed. */
  outbox?: MockMail[];
  accountRequests?: AccountRequest[];
  /** Missing from snapshots taken before presence tokens existed. */
  presenceTokens?: MockPresenceToken[];
}

/** A mail the service would send: a link with a 40-hex hash, or an 8-digit pin code. */
export interface MockMail {
  id: string;
  to: string;
  userId: string;
  kind: 'activation' | 'reset';
  mode: 'hash' | 'pin_code';
  hash?: string;
  /** The hash mode's link, from the `mailLink` option. */
  link?: string;
  pinCode?: string;
  sentAt: number;
}

/** A user's pending activation or password reset: the current hash or pin, and the request counters. */
export interface AccountRequest {
  kind: MockMail['kind'];
  userId: string;
  mode: MockMail['mode'];
  hash?: string;
  pinCode?: string;
  expiresAt: number;
  /** Wrong pins on the current pin. */
  failedAttempts: number;
  /** Mails asked for without a completion. */
  requestCount: number;
  lastRequestAt: number;
}

const clinicGroupId = '64b7f0c2a1d3e4f5a6b7c9a1';

export const demoUsers: readonly MockUserSeed[] = [
  {
    id: '64b7f0c2a1d3e4f5a6b7c8d1',
    email: 'demo@example.com',
    password: 'demo-password',
    firstName: 'Demo',
    lastName: 'User',
    phoneNumber: '+32470123456',
    language: 'EN',
    timeZone: 'Europe/Brussels',
    roles: [
      {
        id: '64b7f0c2a1d3e4f5a6b7c9b1',
        name: 'Support',
        description: 'Helps users with their accounts',
        permissions: [
          { name: 'VIEW_USER', description: 'See any user' },
          { name: 'UPDATE_USER', description: 'Change any user' },
        ],
      },
    ],
    staffEnlistments: [
      {
        groupId: clinicGroupId,
        roles: [
          {
            id: '64b7f0c2a1d3e4f5a6b7c9c1',
            groupId: clinicGroupId,
            name: 'Nurse',
            description: 'Cares for the patients of the clinic',
            permissions: ['VIEW_PATIENTS', 'VIEW_DOCUMENTS'],
          },
        ],
      },
    ],
    patientEnlistments: [
      {
        groupId: '64b7f0c2a1d3e4f5a6b7c9a2',
        expiryTimestamp: Date.UTC(2030, 0, 1),
        expired: false,
        creationTimestamp: Date.UTC(2024, 0, 1),
      },
    ],
  },
  {
    id: '64b7f0c2a1d3e4f5a6b7c8d2',
    email: 'mfa@example.com',
    password: 'demo-password',
    firstName: 'Mfa',
    lastName: 'User',
    phoneNumber: '+31612345678',
    language: 'NL',
    timeZone: 'Europe/Amsterdam',
    mfa: {
      totpSecret: 'JBSWY3DPEHPK3PXP',
      recoveryCodes: [
        'abcd-1234', 'efgh-5678', 'ijkl-9012', 'mnop-3456',
        'qrst-7890', 'uvwx-1357', 'yzab-2468', 'cdef-3579',
      ],
    },
  },
];

export function randomHex(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(length / 2)));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex.slice(0, length);
}

/** A MongoDB-style id, 24 hex characters. */
export const randomId = (): string => randomHex(24);

/** A 24-hex id that is the same for the same text every time (FNV-1a, salted per 8-hex chunk). */
export function stableId(text: string): string {
  let id = '';
  for (let salt = 0; id.length < 24; salt++) {
    let hash = 0x811c9dc5 ^ salt;
    for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
    id += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return id;
}

/** Adds the `recoveryCodes` view, not enumerable: snapshots and clones carry the methods only. */
function withCodesView(settings: Omit<MockUserMfa, 'recoveryCodes'>): MockUserMfa {
  return Object.defineProperty(settings, 'recoveryCodes', {
    get: () => settings.methods.flatMap((method) => (method.type === 'recoveryCodes' ? (method.codes ?? []) : [])),
    enumerable: false,
    configurable: true,
  }) as MockUserMfa;
}

/** A seed's MFA: set up with a verified authenticator app (and recovery codes, when it has any), on by default. */
function seededMfa(seed: MockUserSeed['mfa'], at: number): MockUserMfa {
  const methods: MockMfaMethod[] = [];
  const method = (type: MockMfaMethod['type'], name: string, tags: string[]): MockMfaMethod =>
    ({ id: randomId(), type, name, tags, verified: true, creationTimestamp: at, updateTimestamp: at });
  if (seed) {
    methods.push({ ...method('totp', 'Authenticator app', ['selected']), secret: seed.totpSecret });
    if (seed.recoveryCodes.length) methods.push({ ...method('recoveryCodes', 'Recovery codes', []), codes: [...seed.recoveryCodes] });
  }
  return withCodesView({ id: randomId(), enabled: seed ? (seed.enabled ?? true) : false, methods, updateTimestamp: at });
}

/** A snapshot's MFA settings; snapshots older than MFA settings held `{ totpSecret, recoveryCodes, methods }`, MFA on. */
function restoredMfa(saved: unknown, user: MockUser): MockUserMfa {
  const settings = saved as (Partial<MockUserMfa> & { totpSecret?: string; recoveryCodes?: string[] }) | undefined;
  if (!settings?.methods) return seededMfa(undefined, user.creationTimestamp);
  if (typeof settings.enabled === 'boolean') return withCodesView(settings as MockUserMfa);
  const at = user.creationTimestamp;
  const { totpSecret, recoveryCodes = [] } = settings;
  const methods = settings.methods.map(({ id, type, name, tags }): MockMfaMethod => ({
    id, type, name, tags, verified: true, creationTimestamp: at, updateTimestamp: at,
    ...(type === 'totp' ? { secret: totpSecret } : { codes: recoveryCodes }),
  }));
  return withCodesView({ id: randomId(), enabled: true, methods, updateTimestamp: at });
}

function tokenBody(t: MockToken): TokenBody {
  const { id, applicationId, userId, token, tokenSecret, creationTimestamp, updateTimestamp } = t;
  return { id, applicationId, userId, token, tokenSecret, creationTimestamp, updateTimestamp };
}

export interface MfaChallengeRecord {
  token: string;
  userId: string;
  expiresAt: number;
}

/** Failed password logins of a user, for throttling. */
export interface LoginThrottle {
  failures: number;
  lastFailureAt: number;
  frozenUntil: number;
}

/** Failed MFA codes of a user, for the growing wait between attempts. */
export interface MfaBackoff {
  failures: number;
  nextAttemptAt: number;
}

interface CannedResponse {
  remaining: number;
  response: MockResponse;
  method?: string;
  path?: string;
}

export class MockState implements MockDb {
  requests: MockRequest[] = [];
  users: MockUser[] = [];
  /** Active tokens by id; a revoked token is gone. */
  readonly tokens = new Map<string, MockToken>();
  readonly mfaChallenges = new Map<string, MfaChallengeRecord>();
  readonly ssoTokens = new Map<string, MockSsoToken>();
  /** Used nonces with the time after which their timestamp is out of the window anyway. */
  readonly nonces = new Map<string, number>();
  readonly loginThrottles = new Map<string, LoginThrottle>();
  readonly mfaBackoffs = new Map<string, MfaBackoff>();
  outbox: MockMail[] = [];
  /** By `${kind}:${userId}`: one pending request per user and kind. */
  readonly accountRequests = new Map<string, AccountRequest>();
  /** By token value. */
  readonly presenceTokens = new Map<string, MockPresenceToken>();
  private cannedResponses: CannedResponse[] = [];
  private readonly seedUsers: MockUser[];

  constructor(
    seeds: readonly MockUserSeed[],
    readonly applicationId: string,
    private readonly now: () => number,
  ) {
    // Made once so that ids (users, MFA methods) stay the same across reset().
    this.seedUsers = seeds.map((seed) => this.makeUser(seed));
    this.reset();
  }

  private makeUser(seed: MockUserSeed): MockUser {
    const now = this.now();
    const user: MockUser = {
      id: seed.id ?? randomId(),
      email: seed.email,
      password: seed.password,
      firstName: seed.firstName ?? 'Test',
      lastName: seed.lastName ?? 'User',
      phoneNumber: seed.phoneNumber ?? '+32470000000',
      language: seed.language ?? 'EN',
      timeZone: seed.timeZone ?? 'Europe/Brussels',
      activation: seed.activation ?? true,
      roles: structuredClone(seed.roles ?? []),
      staffEnlistments: structuredClone(seed.staffEnlistments ?? []),
      patientEnlistments: structuredClone(seed.patientEnlistments ?? []),
      ...(seed.oidc && { oidc: true }),
      creationTimestamp: now,
      updateTimestamp: now,
      mfa: seededMfa(seed.mfa, now),
    };
    return user;
  }

  count(method: string, path?: string): number {
    const upper = method.toUpperCase();
    return this.requests.filter((r) => r.method === upper && (path === undefined || r.path === path)).length;
  }

  resetRequests(): void {
    this.requests = [];
  }

  addUser(seed: MockUserSeed): MockUser {
    const user = this.makeUser(seed);
    this.users.push(user);
    return user;
  }

  /** Emails compare without case, as addresses do in practice. */
  userByEmail(email: string): MockUser | undefined {
    const wanted = email.toLowerCase();
    return this.users.find((u) => u.email.toLowerCase() === wanted);
  }

  userById(id: string): MockUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  private requireUser(email: string): MockUser {
    const user = this.userByEmail(email);
    if (!user) throw new Error(`No mock user ${email}`);
    return user;
  }

  tokensOf(email: string): MockToken[] {
    const { id } = this.requireUser(email);
    return [...this.tokens.values()].filter((t) => t.userId === id);
  }

  tokenByValue(token: string): MockToken | undefined {
    for (const record of this.tokens.values()) if (record.token === token) return record;
    return undefined;
  }

  issueToken(userId: string): TokenBody {
    const now = this.now();
    const record: MockToken = {
      id: randomId(),
      applicationId: this.applicationId,
      userId,
      token: randomHex(40),
      tokenSecret: randomHex(40),
      creationTimestamp: now,
      updateTimestamp: now,
      lastUsedTimestamp: now,
    };
    this.tokens.set(record.id, record);
    return tokenBody(record);
  }

  createToken(email: string): TokenBody {
    return this.issueToken(this.requireUser(email).id);
  }

  revokeToken(tokenId: string): boolean {
    return this.tokens.delete(tokenId);
  }

  loginThrottleOf(userId: string): LoginThrottle {
    let throttle = this.loginThrottles.get(userId);
    if (!throttle) this.loginThrottles.set(userId, (throttle = { failures: 0, lastFailureAt: -Infinity, frozenUntil: 0 }));
    return throttle;
  }

  mfaBackoffOf(userId: string): MfaBackoff {
    let backoff = this.mfaBackoffs.get(userId);
    if (!backoff) this.mfaBackoffs.set(userId, (backoff = { failures: 0, nextAttemptAt: 0 }));
    return backoff;
  }

  /** Records a nonce; false when it was used already (still inside its window). */
  useNonce(nonce: string, keepUntil: number): boolean {
    const now = this.now();
    for (const [used, until] of this.nonces) if (until < now) this.nonces.delete(used);
    if (this.nonces.has(nonce)) return false;
    this.nonces.set(nonce, keepUntil);
    return true;
  }

  mfaOf(email: string): MockUserMfa {
    return this.requireUser(email).mfa;
  }

  totpSecrets(): MockTotpSecret[] {
    return this.users.flatMap(({ id: userId, email, mfa }) =>
      mfa.methods.flatMap(({ id: methodId, type, name, secret, verified }) =>
        type === 'totp' && secret ? [{ email, userId, methodId, name, secret, verified }] : [],
      ),
    );
  }

  lastMail(email: string, kind?: MockMail['kind']): MockMail | undefined {
    const wanted = email.toLowerCase();
    return this.outbox.findLast((mail) => mail.to.toLowerCase() === wanted && (!kind || mail.kind === kind));
  }

  failNext(count: number, response: MockResponse, match: { method?: string; path?: string } = {}): void {
    if (count > 0) this.cannedResponses.push({ remaining: count, response, method: match.method?.toUpperCase(), path: match.path });
  }

  /** The canned answer for this request, if one is pending. */
  takeCannedResponse(method: string, path: string): MockResponse | undefined {
    const pending = this.cannedResponses.find(
      (canned) => (!canned.method || canned.method === method) && (!canned.path || canned.path === path),
    );
    if (!pending) return undefined;
    if (--pending.remaining <= 0) this.cannedResponses.splice(this.cannedResponses.indexOf(pending), 1);
    return pending.response;
  }

  snapshot(): MockSnapshot {
    return structuredClone({
      version: 2,
      users: this.users,
      tokens: [...this.tokens.values()],
      mfaChallenges: [...this.mfaChallenges.values()],
      ssoTokens: [...this.ssoTokens.values()],
      // -Infinity does not survive JSON: no failure yet is 0.
      loginThrottles: [...this.loginThrottles].map(([id, t]) => [id, { ...t, lastFailureAt: Math.max(t.lastFailureAt, 0) }]),
      mfaBackoffs: [...this.mfaBackoffs],
      outbox: this.outbox,
      accountRequests: [...this.accountRequests.values()],
      presenceTokens: [...this.presenceTokens.values()],
    });
  }

  restore(snapshot: MockSnapshot): void {
    // Another version (an older demo's saved state): start from the seeded users.
    if (snapshot?.version !== 2) return;
    const copy = structuredClone(snapshot);
    // Users of snapshots older than the account API were activated accounts.
    this.users = copy.users.map((user) => ({
      ...user,
      activation: user.activation ?? true,
      updateTimestamp: user.updateTimestamp ?? user.creationTimestamp,
      mfa: restoredMfa(user.mfa, user),
    }));
    this.tokens.clear();
    for (const token of copy.tokens) this.tokens.set(token.id, token);
    this.mfaChallenges.clear();
    for (const challenge of copy.mfaChallenges) this.mfaChallenges.set(challenge.token, challenge);
    this.ssoTokens.clear();
    for (const sso of copy.ssoTokens) this.ssoTokens.set(sso.ssoToken, sso);
    this.loginThrottles.clear();
    for (const [id, throttle] of copy.loginThrottles) this.loginThrottles.set(id, throttle);
    this.mfaBackoffs.clear();
    for (const [id, backoff] of copy.mfaBackoffs) this.mfaBackoffs.set(id, backoff);
    this.outbox = copy.outbox ?? [];
    this.accountRequests.clear();
    for (const request of copy.accountRequests ?? []) this.accountRequests.set(`${request.kind}:${request.userId}`, request);
    this.presenceTokens.clear();
    for (const presence of copy.presenceTokens ?? []) this.presenceTokens.set(presence.token, presence);
  }

  reset(): void {
    // A clone has no `recoveryCodes` view (not enumerable): put it back.
    this.users = structuredClone(this.seedUsers).map((user) => ({ ...user, mfa: withCodesView(user.mfa) }));
    this.tokens.clear();
    this.mfaChallenges.clear();
    this.ssoTokens.clear();
    this.nonces.clear();
    this.loginThrottles.clear();
    this.mfaBackoffs.clear();
    this.outbox = [];
    this.accountRequests.clear();
    this.presenceTokens.clear();
    this.cannedResponses = [];
    this.requests = [];
  }
}
