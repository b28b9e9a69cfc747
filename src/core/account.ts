/**
 * The users service's account API (PROTOCOL.md, "Account API"): sign-up, e-mail availability, password policy,
 * activation and reset mails, password reset and change, profile update. Built on the client's public `http`, in
 * its own module so that apps that only sign in do not ship it. Bodies go out snake_case, answers come back in the
 * app's shape, both through wire.ts.
 */
import type { Options } from 'ky';
import {
  ActivationRequestTimeoutError,
  ForgotPasswordRequestTimeoutError,
  SessionEndedByPasswordResetError,
} from './account-errors.js';
import type { ExhClient } from './client.js';
import { ExhError, OAuthTokenError, UserNotAuthenticatedError } from './errors.js';
import type { ExhUser } from './types.js';
import { fromWire, toSnakeCase } from './wire.js';

export type ActivationMode = 'hash' | 'pinCode';

export interface RegisterInput {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  phoneNumber: string;
  /** e.g. `EN`. */
  language: string;
  timeZone?: string;
  /** `YYYY-MM-DD`. */
  birthday?: string;
  /** 0 unknown, 1 male, 2 female, 9 not applicable (ISO/IEC 5218). */
  gender?: 0 | 1 | 2 | 9;
  country?: string;
  region?: string;
  /** How the account gets activated: a mail with a link (default), a mail with a pin, or by an administrator. */
  activationMode?: ActivationMode | 'manual';
}

export interface PasswordPolicy {
  minimumLength: number;
  maximumLength: number;
  upperCaseRequired: boolean;
  lowerCaseRequired: boolean;
  symbolRequired: boolean;
  numberRequired: boolean;
}

export type PasswordRule = 'minimumLength' | 'maximumLength' | 'upperCase' | 'lowerCase' | 'number' | 'symbol';

export interface PasswordCheck {
  /** Every rule is met. */
  ok: boolean;
  /** The policy's rules in a stable order (a character class only when the policy requires it). */
  rules: Array<{ rule: PasswordRule; met: boolean; /** For the length rules. */ length?: number }>;
}

export type ProfilePatch = Partial<Pick<ExhUser, 'firstName' | 'lastName' | 'phoneNumber' | 'language' | 'timeZone'>>;

export interface AccountApi {
  /** Creates an account (not signed in); the activation mail goes out unless `activationMode` is `'manual'`. */
  register(input: RegisterInput): Promise<ExhUser>;
  isEmailAvailable(email: string): Promise<boolean>;
  passwordPolicy(): Promise<PasswordPolicy>;
  /** Sends an activation mail (again); 222 after too many, 223 when asked within 5 minutes of the last. */
  requestActivation(input: { email: string; mode?: ActivationMode }): Promise<void>;
  activate(input: { hash: string } | { email: string; pinCode: string }): Promise<void>;
  /** Sends a password-reset mail; 220 after too many, 221 when asked within 5 minutes of the last. */
  requestPasswordReset(input: { email: string; mode?: ActivationMode }): Promise<void>;
  /**
   * Sets a new password with a reset mail's hash or pin. The service then revokes every token of the user: when
   * the signed-in user was the one reset, the local session ends with a SessionEndedByPasswordResetError.
   */
  resetPassword(input: ({ hash: string } | { email: string; pinCode: string }) & { newPassword: string }): Promise<void>;
  /** Changes the signed-in user's password (208 when `oldPassword` is wrong); the session stays. */
  changePassword(input: { oldPassword: string; newPassword: string }): Promise<void>;
  /** Updates the signed-in user; answers the updated user. */
  updateProfile(patch: ProfilePatch): Promise<ExhUser>;
}

/** What the service counts as a symbol: anything but a letter, a digit or white space (the mock checks the same). */
const SYMBOL = /[^A-Za-z0-9\s]/;

/** Each rule of `policy` with whether `password` meets it, for a live checklist; the service checks the same. */
export function checkPassword(policy: PasswordPolicy, password: string): PasswordCheck {
  const rules: PasswordCheck['rules'] = [
    { rule: 'minimumLength', met: password.length >= policy.minimumLength, length: policy.minimumLength },
    { rule: 'maximumLength', met: password.length <= policy.maximumLength, length: policy.maximumLength },
  ];
  const classes: Array<[boolean, PasswordRule, RegExp]> = [
    [policy.upperCaseRequired, 'upperCase', /[A-Z]/],
    [policy.lowerCaseRequired, 'lowerCase', /[a-z]/],
    [policy.numberRequired, 'number', /\d/],
    [policy.symbolRequired, 'symbol', SYMBOL],
  ];
  for (const [required, rule, pattern] of classes) if (required) rules.push({ rule, met: pattern.test(password) });
  return { ok: rules.every((r) => r.met), rules };
}

/** The documented wait between two mails of a flow (221, 223). */
const MAIL_INTERVAL_MS = 5 * 60_000;

const wireMode = (mode: ActivationMode | 'manual' | undefined) => (mode === 'pinCode' ? 'pin_code' : mode);

const apis = new WeakMap<ExhClient, AccountApi>();

/** The account API of `client`; one per client (it remembers when this client last asked for each mail). */
export function accountApi(client: ExhClient): AccountApi {
  let api = apis.get(client);
  if (!api) apis.set(client, (api = createAccountApi(client)));
  return api;
}

function createAccountApi(client: ExhClient): AccountApi {
  // When this client last had a mail sent, by `kind:email`: the exact wait of a 221/223. Not trimmed: the service
  // refuses a padded address (202, 15) before any mail.
  const lastMail = new Map<string, number>();
  const mailKey = (kind: 'activation' | 'reset', email: string) => `${kind}:${email.toLowerCase()}`;

  /** A consumer-signed call: what the "none" and "consumer" endpoints take. */
  const asConsumer = (method: string, path: string, options: Options = {}) =>
    client.http(path, { method, context: { signAs: null }, ...options });

  /** A call of the signed-in user: UserNotAuthenticatedError when signed out, without a request. */
  function asUser(method: string, path: (userId: string) => string, body: object) {
    const session = client.getSession();
    if (!session) throw new UserNotAuthenticatedError('Not signed in', { code: 104 });
    return client.http(path(session.userId), { method, json: toSnakeCase(body), context: { signAs: session } });
  }

  async function read<T>(response: Response | Promise<Response>): Promise<T> {
    const answer = await response;
    const text = await answer.text();
    try {
      return fromWire(text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw new ExhError(`The ExH service answered ${answer.status} with a body that is not JSON`, { status: answer.status });
    }
  }

  /** Asks for a mail; not retried (a second mail would only meet 221/223). */
  async function requestMail(kind: 'activation' | 'reset', path: string, { email, mode }: { email: string; mode?: ActivationMode }) {
    const key = mailKey(kind, email);
    try {
      await asConsumer('get', path, {
        searchParams: { email, ...(mode && { mode: wireMode(mode)! }) },
        // The forced retry of a clock correction (109) only.
        retry: { limit: 1, shouldRetry: () => false },
      });
      lastMail.set(key, Date.now());
    } catch (error) {
      if (error instanceof ActivationRequestTimeoutError || error instanceof ForgotPasswordRequestTimeoutError) {
        const last = lastMail.get(key);
        const wait = last === undefined ? MAIL_INTERVAL_MS : Math.max(0, last + MAIL_INTERVAL_MS - Date.now());
        Object.assign(error, { retryAfter: wait });
      }
      throw error;
    }
  }

  return {
    async register(input) {
      const user = await read<ExhUser>(
        asConsumer('post', 'users/v1/register', { json: toSnakeCase({ ...input, activationMode: wireMode(input.activationMode) }) }),
      );
      if (input.activationMode !== 'manual') lastMail.set(mailKey('activation', input.email), Date.now());
      return user;
    },

    isEmailAvailable: async (email) =>
      (await read<{ emailAvailable: boolean }>(asConsumer('get', 'users/v1/email_available', { searchParams: { email } }))).emailAvailable,

    passwordPolicy: () => read<PasswordPolicy>(asConsumer('get', 'users/v1/password_policy')),

    requestActivation: (input) => requestMail('activation', 'users/v1/activation', input),

    async activate(input) {
      // Its mails' time need not be forgotten (as a reset's is): the service answers 206 to any later activation request.
      await asConsumer('post', 'users/v1/activation', { json: toSnakeCase(input) });
    },

    requestPasswordReset: (input) => requestMail('reset', 'users/v1/forgot_password', input),

    async resetPassword(input) {
      await asConsumer('post', 'users/v1/forgot_password', { json: toSnakeCase(input) });
      // A completed reset starts the counts again: a later 221 is about a mail asked for since, maybe elsewhere.
      if ('email' in input && typeof input.email === 'string') lastMail.delete(mailKey('reset', input.email));
      // Every token of the reset user is revoked now: when it was the signed-in user, this session is dead.
      // Asking the service is the only way to know (a hash does not say whose it was).
      const session = client.getSession();
      if (!session) return;
      try {
        // Without the client's own 108 handling (ky drops a hook list set to undefined), which would end the session
        // as revoked: it ends here, once, saying why.
        await client.http.get('users/v1/me', { context: { signAs: session }, hooks: { afterResponse: undefined } });
      } catch (error) {
        // Unless another session came meanwhile.
        if (error instanceof OAuthTokenError && client.getSession()?.tokenId === session.tokenId) {
          const reason = new SessionEndedByPasswordResetError('The password was reset: sign in with the new password', {
            code: 108,
            status: error.status,
          });
          await client.logout({ revoke: false, reason }); // the service revoked it already
        }
      }
    },

    async changePassword(input) {
      // The answer's status says it; its body (the user, on some versions) is not read.
      await asUser('put', () => 'users/v1/password', input);
    },

    updateProfile: async (patch) => read<ExhUser>(asUser('put', (userId) => `users/v1/${encodeURIComponent(userId)}`, patch)),
  };
}
