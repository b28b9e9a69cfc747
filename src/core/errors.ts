/** Typed errors of the ExH auth service, chosen by the body's `code`, never by the HTTP status. */

import { isRecord, numberOr, stringOr } from './data.js';

export interface MfaMethod {
  id: string;
  type: 'totp' | 'recoveryCodes' | (string & {});
  name: string;
  tags: string[];
}

export interface MfaChallengeBody {
  token: string;
  /** Milliseconds the challenge stays valid. */
  tokenExpiresIn: number;
  attempts?: number;
  methods: MfaMethod[];
}

/** The error body as handed to the app: only the service's `code`, `name`, `message` and documented extras. */
export interface ExhErrorBody {
  code?: number;
  name?: string;
  message?: string;
  [extra: string]: unknown;
}

type ExhErrorOptions = { code?: number; status?: number; body?: ExhErrorBody; cause?: unknown; [extra: string]: unknown };

export class ExhError extends Error {
  override name = 'ExhError';
  // `declare`: set by the constructor, no class-field code needed.
  /** The service's error code, e.g. 106; undefined for non-JSON answers. */
  declare readonly code: number | undefined;
  /** The HTTP status, 0 when no answer arrived. */
  declare readonly status: number;
  declare readonly body: ExhErrorBody | undefined;

  constructor(message: string, options: ExhErrorOptions = {}) {
    // Error reads `cause` from the options itself; an undefined cause leaves the property out.
    const { cause, code, status = 0, body, ...extra } = options;
    super(message, cause === undefined ? undefined : options);
    // A subclass's documented extra (`mfa`, `remainingDelay`) after the common fields.
    Object.assign(this, { code, status, body }, extra);
  }
}

/** The request never got an answer: offline, DNS, refused connection, CORS, or a timeout. */
export class NetworkError extends ExhError {
  override name = 'NetworkError';
  constructor(message = 'The ExH service could not be reached', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}

/** The class of each error code; filled in as the classes are made. */
const classByCode: Record<number, typeof ExhError> = {};

/**
 * The error classes, made by one factory instead of seventeen class bodies: each is a subclass (so
 * `instanceof` tells them apart) named after itself; a documented extra (`mfa`) comes in its options.
 * @internal Exported for the account API's errors (account-errors.ts), which only its users load.
 */
export function namedErrorClass(errorName: string, code?: number): typeof ExhError {
  const NamedError = class extends ExhError {
    override name = errorName;
  };
  // The class's own `name` too: a minifier would otherwise leave the class anonymous.
  Object.defineProperty(NamedError, 'name', { value: errorName });
  if (code) classByCode[code] = NamedError;
  return NamedError;
}

export const MissingRequiredFieldsError = namedErrorClass('MissingRequiredFieldsError', 14);
export type MissingRequiredFieldsError = ExhError;
export const ResourceUnknownError = namedErrorClass('ResourceUnknownError', 16);
export type ResourceUnknownError = ExhError;
export const BodyFormatError = namedErrorClass('BodyFormatError', 22);
export type BodyFormatError = ExhError;
export const ApplicationNotAuthenticatedError = namedErrorClass('ApplicationNotAuthenticatedError', 101);
export type ApplicationNotAuthenticatedError = ExhError;
export const UserNotAuthenticatedError = namedErrorClass('UserNotAuthenticatedError', 104);
export type UserNotAuthenticatedError = ExhError;
export const AuthenticationError = namedErrorClass('AuthenticationError', 106);
export type AuthenticationError = ExhError;
export const OAuthKeyError = namedErrorClass('OAuthKeyError', 107);
export type OAuthKeyError = ExhError;
export const OAuthTokenError = namedErrorClass('OAuthTokenError', 108);
export type OAuthTokenError = ExhError;
/**
 * 109: the signature did not match, or its timestamp was too far from the service's clock. When the
 * answer's `Date` header can be read, the client corrects a wrong device clock by itself; `clockUnknown`
 * is true when it could not be read (a cross-origin answer without `Access-Control-Expose-Headers: Date`),
 * so the device's date and time may be what is wrong.
 */
export const OAuthSignatureError = namedErrorClass('OAuthSignatureError', 109);
export interface OAuthSignatureError extends ExhError {
  readonly clockUnknown: boolean;
}
export const DuplicateRequestError = namedErrorClass('DuplicateRequestError', 110);
export type DuplicateRequestError = ExhError;
export const InvalidMfaCodeError = namedErrorClass('InvalidMfaCodeError', 130);
export type InvalidMfaCodeError = ExhError;
export const InvalidMfaTokenError = namedErrorClass('InvalidMfaTokenError', 131);
export type InvalidMfaTokenError = ExhError;
/**
 * No code: a sign-in call (`authenticate`, `confirmMfa`, `consumeSsoToken`) overtaken by a later
 * sign-in, `cancelMfa` or logout. Its answer changed nothing, and a token it got was revoked.
 * `cause` is the service's error, when it answered with one (e.g. MfaRequiredError).
 */
export const SupersededError = namedErrorClass('SupersededError');
export type SupersededError = ExhError;
export const LoginTimeoutError = namedErrorClass('LoginTimeoutError', 211);
export type LoginTimeoutError = ExhError;
export const LoginFreezeError = namedErrorClass('LoginFreezeError', 212);
export type LoginFreezeError = ExhError;
export const TooManyFailedAttemptsError = namedErrorClass('TooManyFailedAttemptsError', 213);
export type TooManyFailedAttemptsError = ExhError;

export const MfaRequiredError = namedErrorClass('MfaRequiredError') as unknown as new (
  message: string,
  options: ExhErrorOptions & { mfa: MfaChallengeBody },
) => MfaRequiredError;
export interface MfaRequiredError extends ExhError {
  readonly mfa: MfaChallengeBody;
}

export const MfaReattemptDelayError = namedErrorClass('MfaReattemptDelayError', 134) as unknown as new (
  message: string,
  options: ExhErrorOptions & { remainingDelay: number },
) => MfaReattemptDelayError;
export interface MfaReattemptDelayError extends ExhError {
  /** Milliseconds to wait before the next attempt. */
  readonly remainingDelay: number;
}

/** A listed method the UI can use: it has an id and a type (name and tags are filled in). */
function isMethod(value: unknown): value is Record<string, unknown> & Pick<MfaMethod, 'id' | 'type'> {
  return isRecord(value) && typeof value.id === 'string' && typeof value.type === 'string';
}

function mfaChallenge(value: unknown): MfaChallengeBody | undefined {
  if (!isRecord(value) || typeof value.token !== 'string' || !Array.isArray(value.methods)) return undefined;
  return {
    token: value.token,
    tokenExpiresIn: numberOr(value.tokenExpiresIn, 0),
    attempts: numberOr(value.attempts, 0),
    methods: value.methods
      .filter(isMethod)
      .map(({ id, type, name, tags }) => ({
        id,
        type,
        name: stringOr(name, type),
        tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
      })),
  };
}

/**
 * Builds the typed error for an error answer. `body` is the parsed JSON, or undefined when it was not JSON;
 * `headers`, when given, tell whether the service's clock was readable (see OAuthSignatureError).
 */
export function errorFromResponse(status: number, body: unknown, headers?: Headers): ExhError {
  if (!isRecord(body) || typeof body.code !== 'number') {
    return new ExhError(`The ExH service answered ${status} without an error body`, { status });
  }
  const code = body.code;
  const message = stringOr(body.message, '') || `ExH error ${code}`;
  // Keep only the documented fields: an error handed to the UI carries nothing else the server sent.
  const safeBody: ExhErrorBody = { code, name: stringOr(body.name, undefined), message };
  const mfa = code === 129 && mfaChallenge(body.mfa);
  // A documented extra is both a field of the error and part of its body.
  const extra = mfa ? { mfa } : code === 134 ? { remainingDelay: numberOr(body.remainingDelay, 1000) } : {};
  const ErrorClass = mfa ? (MfaRequiredError as unknown as typeof ExhError) : (classByCode[code] ?? ExhError);
  const error = new ErrorClass(message, { code, status, ...extra, body: { ...safeBody, ...extra } });
  if (code === 109) {
    (error as { clockUnknown?: boolean }).clockUnknown = !!headers && Number.isNaN(Date.parse(headers.get('Date') ?? ''));
  }
  return error;
}
