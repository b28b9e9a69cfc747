/**
 * The users service's account API in the mock: register, e-mail availability, password policy, activation and
 * password-reset mails (hash or pin), change password, update profile. Answers snake_case with epoch-ms times, as
 * the users service does; every mail it would send lands in `db.outbox`.
 */
import type { HttpHandler } from 'msw';
import { randomHex, randomId, type AccountRequest, type MockMail, type MockState, type MockToken, type MockUser } from './db.js';

/** The policy in the options' camelCase; `GET /users/v1/password_policy` answers it snake_case. */
export interface MockPasswordPolicy {
  minimumLength: number;
  maximumLength: number;
  upperCaseRequired: boolean;
  lowerCaseRequired: boolean;
  symbolRequired: boolean;
  numberRequired: boolean;
}

export interface AccountOptions {
  /** Default: 8 to 256 characters, upper and lower case and a number required, no symbol. */
  passwordPolicy?: Partial<MockPasswordPolicy>;
  /** Pin-code mode for activation and reset mails; off answers 218. Default true. */
  pinCodes?: boolean;
  /** The environment has mail templates; false answers 27 to mail requests. Default true. */
  mailTemplates?: boolean;
  /** The page the default `mailLink` points at. Default: the current page without its query, or `http://localhost/`. */
  appUrl?: string;
  /** The link a hash-mode mail carries. Default `${appUrl}?activationHash=…` / `${appUrl}?resetHash=…`. */
  mailLink?: (kind: MockMail['kind'], hash: string) => string;
}

export const defaultPasswordPolicy: MockPasswordPolicy = {
  minimumLength: 8,
  maximumLength: 256,
  upperCaseRequired: true,
  lowerCaseRequired: true,
  symbolRequired: false,
  numberRequired: true,
};

export const accountErrors: Record<number, { name: string; status: number; message: string }> = {
  15: { name: 'FIELD_FORMAT_EXCEPTION', status: 400, message: 'A field has the wrong format' },
  27: { name: 'ILLEGAL_STATE_EXCEPTION', status: 400, message: 'The environment has no mail template for this' },
  202: { name: 'EMAIL_UNKNOWN_EXCEPTION', status: 400, message: 'No account with this e-mail address' },
  203: { name: 'EMAIL_USED_EXCEPTION', status: 400, message: 'This e-mail address has an account already' },
  204: { name: 'NOT_ACTIVATED_EXCEPTION', status: 400, message: 'The account is not activated' },
  205: { name: 'ACTIVATION_UNKNOWN_EXCEPTION', status: 400, message: 'The activation is unknown or expired' },
  206: { name: 'ALREADY_ACTIVATED_EXCEPTION', status: 400, message: 'The account is activated already' },
  207: { name: 'NEW_PASSWORD_HASH_UNKNOWN_EXCEPTION', status: 400, message: 'The reset hash is unknown or expired' },
  208: { name: 'PASSWORD_EXCEPTION', status: 400, message: 'The old password is wrong' },
  215: { name: 'DISABLED_FOR_OIDC_USERS_EXCEPTION', status: 403, message: 'Not available for OIDC accounts' },
  218: { name: 'PIN_CODES_NOT_ENABLED_EXCEPTION', status: 403, message: 'Pin codes are not enabled' },
  219: { name: 'NEW_PASSWORD_PIN_CODE_UNKNOWN_EXCEPTION', status: 400, message: 'The reset pin code is unknown or expired' },
  220: { name: 'FORGOT_PASSWORD_REQUEST_LIMIT_EXCEPTION', status: 403, message: 'Too many password reset requests' },
  221: { name: 'FORGOT_PASSWORD_REQUEST_TIMEOUT_EXCEPTION', status: 403, message: 'Password reset asked too soon' },
  222: { name: 'ACTIVATION_REQUEST_LIMIT_EXCEPTION', status: 403, message: 'Too many activation requests' },
  223: { name: 'ACTIVATION_REQUEST_TIMEOUT_EXCEPTION', status: 403, message: 'Activation asked too soon' },
  224: { name: 'INCORRECT_PIN_CODE_EXCEPTION', status: 400, message: 'The pin code is wrong' },
};

const HASH_TTL_MS = 60 * 60_000;
const PIN_TTL_MS = 15 * 60_000;
const PIN_ATTEMPTS = 3;
/** Mails a user may ask for without completing the flow, by mode. */
const REQUEST_LIMIT = { hash: 5, pin_code: 3 } as const;
const REQUEST_INTERVAL_MS = 5 * 60_000;

interface AccountContext {
  request: Request;
  url: URL;
  params: Record<string, string | readonly string[] | undefined>;
  token: MockToken | undefined;
}

/** What the mock's core lends this module: its router, its error answer, its state and clock. */
export interface AccountKit {
  /** `auth: 'none'` takes requests without an Authorization header (a signed one is still verified). */
  route(
    method: 'get' | 'post' | 'put',
    path: string,
    handle: (context: AccountContext) => unknown,
    options?: { auth?: 'none' | 'signed' },
  ): HttpHandler;
  /** Answers the service's error `code` (with extra body fields). */
  fail(code: number, extra?: Record<string, unknown>): never;
  state: MockState;
  now(): number;
}

/** A request's JSON body as an object: 22 when it is not one (the users and auth services alike). */
export async function readObjectBody(request: Request, fail: AccountKit['fail']): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    fail(22);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) fail(22);
  return body as Record<string, unknown>;
}

/** The user as the users service answers it (`/me`, register, update): snake_case, epoch-ms times. */
export function userBody(user: MockUser): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    phone_number: user.phoneNumber,
    language: user.language,
    time_zone: user.timeZone,
    activation: user.activation,
    roles: user.roles.map(({ id, name, description, permissions }) => ({
      id,
      name,
      description,
      permissions: permissions?.map((permission) => ({ name: permission.name, description: permission.description })),
    })),
    staff_enlistments: user.staffEnlistments.map(({ groupId, roles }) => ({
      group_id: groupId,
      roles: roles?.map((role) => ({
        id: role.id,
        group_id: role.groupId,
        name: role.name,
        description: role.description,
        permissions: [...role.permissions],
      })),
    })),
    patient_enlistments: user.patientEnlistments.map(({ groupId, expiryTimestamp, expired, creationTimestamp }) => ({
      group_id: groupId,
      expiry_timestamp: expiryTimestamp,
      expired,
      creation_timestamp: creationTimestamp,
    })),
    birthday: user.birthday,
    gender: user.gender,
    country: user.country,
    region: user.region,
    creation_timestamp: user.creationTimestamp,
    update_timestamp: user.updateTimestamp,
  };
  // Unset optional fields are absent, not null.
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

function randomPin(): string {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return String(value! % 100_000_000).padStart(8, '0');
}

function defaultAppUrl(): string {
  const location = (globalThis as { location?: Location }).location;
  return location?.origin && location.origin !== 'null' ? `${location.origin}${location.pathname}` : 'http://localhost/';
}

export function accountHandlers(kit: AccountKit, options: AccountOptions): HttpHandler[] {
  const { route, state, now } = kit;
  // Annotated, so that TypeScript narrows after a call (assertion functions need an explicit type).
  const fail: AccountKit['fail'] = kit.fail;
  const policy: MockPasswordPolicy = { ...defaultPasswordPolicy, ...options.passwordPolicy };
  const pinCodes = options.pinCodes ?? true;
  const mailTemplates = options.mailTemplates ?? true;
  const mailLink =
    options.mailLink ??
    ((kind: MockMail['kind'], hash: string) =>
      `${options.appUrl ?? defaultAppUrl()}?${kind === 'activation' ? 'activationHash' : 'resetHash'}=${hash}`);

  const userOf = ({ token }: AccountContext): MockUser => {
    if (!token) fail(104);
    return state.userById(token.userId) ?? fail(16);
  };

  const readBody = (request: Request) => readObjectBody(request, fail);

  /** 14 when one of `names` is missing or empty, 15 when it is not a string. */
  function strings<Name extends string>(body: Record<string, unknown>, names: Name[]): Record<Name, string> {
    const fields = {} as Record<Name, string>;
    for (const name of names) {
      const value = body[name];
      if (value === undefined || value === null || value === '') fail(14);
      if (typeof value !== 'string') fail(15);
      fields[name] = value;
    }
    return fields;
  }

  function optionalString(body: Record<string, unknown>, name: string): string | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') fail(15);
    return value;
  }

  function queryEmail(url: URL): string {
    const email = url.searchParams.get('email');
    if (!email) fail(14);
    return email;
  }

  /** `mode` of a mail request: hash unless asked otherwise; pin_code only when the environment allows it (218). */
  function mailMode(value: unknown): MockMail['mode'] {
    if (value === undefined || value === null || value === '' || value === 'hash') return 'hash';
    if (value !== 'pin_code') fail(15);
    if (!pinCodes) fail(218);
    return 'pin_code';
  }

  // The mock's own reading of the policy, not the client's checkPassword: a bug there must fail a test.
  // A symbol is anything but a letter, a digit or white space.
  function checkPassword(password: string): void {
    const ok =
      password.length >= policy.minimumLength &&
      password.length <= policy.maximumLength &&
      (!policy.upperCaseRequired || /[A-Z]/.test(password)) &&
      (!policy.lowerCaseRequired || /[a-z]/.test(password)) &&
      (!policy.numberRequired || /\d/.test(password)) &&
      (!policy.symbolRequired || /[^A-Za-z0-9\s]/.test(password));
    if (!ok) fail(15);
  }

  const requestKey = (kind: MockMail['kind'], userId: string) => `${kind}:${userId}`;

  /**
   * Sends a mail, counting it against the limits: at most 5 (hash) or 3 (pin) mails without a completion, 5 minutes
   * apart. A new mail replaces the previous hash or pin. The limit and timeout errors carry no wait: neither the
   * service's documentation nor the vendor's SDK names such a field (its errors have none), so the client has to
   * know the documented 5 minutes itself.
   */
  function sendMail(kind: MockMail['kind'], user: MockUser, mode: MockMail['mode']): void {
    const time = now();
    const key = requestKey(kind, user.id);
    const previous = state.accountRequests.get(key);
    if (previous) {
      if (previous.requestCount >= REQUEST_LIMIT[mode]) fail(kind === 'activation' ? 222 : 220);
      if (time - previous.lastRequestAt < REQUEST_INTERVAL_MS) fail(kind === 'activation' ? 223 : 221);
    }
    const record: AccountRequest = {
      kind,
      userId: user.id,
      mode,
      expiresAt: time + (mode === 'hash' ? HASH_TTL_MS : PIN_TTL_MS),
      failedAttempts: 0,
      requestCount: (previous?.requestCount ?? 0) + 1,
      lastRequestAt: time,
    };
    const mail: MockMail = { id: randomId(), to: user.email, userId: user.id, kind, mode, sentAt: time };
    if (mode === 'hash') {
      record.hash = mail.hash = randomHex(40);
      mail.link = mailLink(kind, record.hash);
    } else {
      record.pinCode = mail.pinCode = randomPin();
    }
    state.accountRequests.set(key, record);
    state.outbox.push(mail);
  }

  function pendingByHash(kind: MockMail['kind'], hash: string): AccountRequest | undefined {
    for (const record of state.accountRequests.values()) {
      if (record.kind === kind && record.mode === 'hash' && record.hash === hash && record.expiresAt > now()) return record;
    }
    return undefined;
  }

  /**
   * The pending pin request of `user`, checked against `pin`: `unknown` when there is none or it expired, 213 once
   * 3 wrong pins killed it (until a new mail), 224 for a wrong pin (counted).
   */
  function checkPin(kind: MockMail['kind'], user: MockUser | undefined, pin: string, unknown: number): AccountRequest {
    const record = user && state.accountRequests.get(requestKey(kind, user.id));
    if (!record || record.mode !== 'pin_code' || record.expiresAt <= now()) fail(unknown);
    if (record.failedAttempts >= PIN_ATTEMPTS) fail(213);
    if (record.pinCode !== pin) {
      record.failedAttempts += 1;
      fail(224);
    }
    return record;
  }

  /** A completed flow clears its request, counters included. */
  const complete = (record: AccountRequest) => state.accountRequests.delete(requestKey(record.kind, record.userId));

  /** After a password reset no session of the user survives: tokens, SSO tokens and MFA challenges. */
  function revokeEverything(userId: string): void {
    for (const token of state.tokens.values()) if (token.userId === userId) state.revokeToken(token.id);
    for (const [key, sso] of state.ssoTokens) if (sso.userId === userId) state.ssoTokens.delete(key);
    for (const [key, challenge] of state.mfaChallenges) if (challenge.userId === userId) state.mfaChallenges.delete(key);
  }

  // Routes without it are the "consumer" and "user" calls: a consumer signature at least (a user's is fine too).
  const none = { auth: 'none' } as const;

  return [
    route('post', '/users/v1/register', async ({ request }) => {
      const body = await readBody(request);
      const fields = strings(body, ['first_name', 'last_name', 'email', 'password', 'phone_number', 'language']);
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email)) fail(15);
      const mode = body.activation_mode ?? 'hash';
      if (mode !== 'hash' && mode !== 'pin_code' && mode !== 'manual') fail(15);
      if (mode === 'pin_code' && !pinCodes) fail(218);
      const birthday = optionalString(body, 'birthday');
      if (birthday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(birthday)) fail(15);
      const gender = body.gender;
      if (gender !== undefined && gender !== null && ![0, 1, 2, 9].includes(gender as number)) fail(15);
      const timeZone = optionalString(body, 'time_zone');
      const country = optionalString(body, 'country');
      const region = optionalString(body, 'region');
      if (state.userByEmail(fields.email)) fail(203);
      checkPassword(fields.password);
      const user = state.addUser({
        email: fields.email,
        password: fields.password,
        firstName: fields.first_name,
        lastName: fields.last_name,
        phoneNumber: fields.phone_number,
        language: fields.language,
        timeZone,
        activation: false,
      });
      Object.assign(user, {
        ...(birthday !== undefined && { birthday }),
        ...(typeof gender === 'number' && { gender }),
        ...(country !== undefined && { country }),
        ...(region !== undefined && { region }),
      });
      // The registration mail is the flow's first request: it counts against the limits like a resend. Without
      // templates the account is still made (the vendor documents no 27 here), only no mail goes out.
      if (mode !== 'manual' && mailTemplates) sendMail('activation', user, mode);
      return userBody(user);
    }, none),

    route('get', '/users/v1/email_available', ({ url }) => ({ email_available: !state.userByEmail(queryEmail(url)) }), none),

    route('get', '/users/v1/password_policy', () => ({
      minimum_length: policy.minimumLength,
      maximum_length: policy.maximumLength,
      upper_case_required: policy.upperCaseRequired,
      lower_case_required: policy.lowerCaseRequired,
      symbol_required: policy.symbolRequired,
      number_required: policy.numberRequired,
    }), none),

    route('get', '/users/v1/activation', ({ url }) => {
      const email = queryEmail(url);
      const mode = mailMode(url.searchParams.get('mode'));
      const user = state.userByEmail(email) ?? fail(202);
      if (user.activation) fail(206);
      if (!mailTemplates) fail(27);
      sendMail('activation', user, mode);
      return undefined;
    }, none),

    route('post', '/users/v1/activation', async ({ request }) => {
      const body = await readBody(request);
      let record: AccountRequest;
      if (body.hash !== undefined) {
        const { hash } = strings(body, ['hash']);
        record = pendingByHash('activation', hash) ?? fail(205);
      } else {
        const { email, pin_code: pin } = strings(body, ['email', 'pin_code']);
        record = checkPin('activation', state.userByEmail(email), pin, 205);
      }
      const user = state.userById(record.userId) ?? fail(205);
      complete(record);
      user.activation = true;
      user.updateTimestamp = now();
      return undefined;
    }),

    route('get', '/users/v1/forgot_password', ({ url }) => {
      const email = queryEmail(url);
      const mode = mailMode(url.searchParams.get('mode'));
      const user = state.userByEmail(email) ?? fail(202);
      if (user.oidc) fail(215);
      if (!user.activation) fail(204);
      if (!mailTemplates) fail(27);
      sendMail('reset', user, mode);
      return undefined;
    }, none),

    route('post', '/users/v1/forgot_password', async ({ request }) => {
      const body = await readBody(request);
      const { new_password: password } = strings(body, ['new_password']);
      const byHash = body.hash !== undefined;
      const fields: Record<string, string> = byHash ? strings(body, ['hash']) : strings(body, ['email', 'pin_code']);
      // The format before the state: a refused password spends neither a pin attempt nor the hash.
      checkPassword(password);
      let record: AccountRequest;
      if (byHash) {
        record = pendingByHash('reset', fields.hash!) ?? fail(207);
      } else {
        const user = state.userByEmail(fields.email!);
        if (user?.oidc) fail(215);
        if (user && !user.activation) fail(204);
        record = checkPin('reset', user, fields.pin_code!, 219);
      }
      const user = state.userById(record.userId) ?? fail(207);
      if (user.oidc) fail(215);
      if (!user.activation) fail(204);
      complete(record);
      user.password = password;
      user.updateTimestamp = now();
      state.loginThrottles.delete(user.id);
      revokeEverything(user.id);
      return undefined;
    }),

    route('put', '/users/v1/password', async (context) => {
      const user = userOf(context);
      const body = await readBody(context.request);
      const { old_password: oldPassword, new_password: newPassword } = strings(body, ['old_password', 'new_password']);
      if (oldPassword !== user.password) fail(208);
      checkPassword(newPassword);
      user.password = newPassword;
      user.updateTimestamp = now();
      return userBody(user);
    }),

    route('put', '/users/v1/:userId', async (context) => {
      const user = userOf(context);
      // Without the UPDATE_USER permission (which mock users never have), only one's own user is found.
      if (context.params.userId !== user.id) fail(16);
      const body = await readBody(context.request);
      const changes = {
        firstName: optionalString(body, 'first_name'),
        lastName: optionalString(body, 'last_name'),
        phoneNumber: optionalString(body, 'phone_number'),
        language: optionalString(body, 'language'),
        timeZone: optionalString(body, 'time_zone'),
      };
      for (const [key, value] of Object.entries(changes)) if (value !== undefined) Object.assign(user, { [key]: value });
      user.updateTimestamp = now();
      return userBody(user);
    }),
  ];
}
