/** Typed errors of the ExH auth service, chosen by the body's `code`, never by the HTTP status. */

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

export class ExhError extends Error {
  override name = 'ExhError';
  /** The service's error code, e.g. 106; undefined for non-JSON answers. */
  readonly code: number | undefined;
  /** The HTTP status, 0 when no answer arrived. */
  readonly status: number;
  readonly body: ExhErrorBody | undefined;

  constructor(message: string, options: { code?: number; status?: number; body?: ExhErrorBody; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status ?? 0;
    this.body = options.body;
  }
}

/** The request never got an answer: offline, DNS, refused connection, CORS, or a timeout. */
export class NetworkError extends ExhError {
  override name = 'NetworkError';
  constructor(message = 'The ExH service could not be reached', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}

type ErrorOptions = ConstructorParameters<typeof ExhError>[1];

export class MissingRequiredFieldsError extends ExhError { override name = 'MissingRequiredFieldsError'; }
export class ResourceUnknownError extends ExhError { override name = 'ResourceUnknownError'; }
export class BodyFormatError extends ExhError { override name = 'BodyFormatError'; }
export class ApplicationNotAuthenticatedError extends ExhError { override name = 'ApplicationNotAuthenticatedError'; }
export class UserNotAuthenticatedError extends ExhError { override name = 'UserNotAuthenticatedError'; }
export class AuthenticationError extends ExhError { override name = 'AuthenticationError'; }
export class OAuthKeyError extends ExhError { override name = 'OAuthKeyError'; }
export class OAuthTokenError extends ExhError { override name = 'OAuthTokenError'; }
export class OAuthSignatureError extends ExhError { override name = 'OAuthSignatureError'; }
export class DuplicateRequestError extends ExhError { override name = 'DuplicateRequestError'; }
export class InvalidMfaCodeError extends ExhError { override name = 'InvalidMfaCodeError'; }
export class InvalidMfaTokenError extends ExhError { override name = 'InvalidMfaTokenError'; }
export class LoginTimeoutError extends ExhError { override name = 'LoginTimeoutError'; }
export class LoginFreezeError extends ExhError { override name = 'LoginFreezeError'; }
export class TooManyFailedAttemptsError extends ExhError { override name = 'TooManyFailedAttemptsError'; }

export class MfaRequiredError extends ExhError {
  override name = 'MfaRequiredError';
  readonly mfa: MfaChallengeBody;
  constructor(message: string, options: ErrorOptions & { mfa: MfaChallengeBody }) {
    super(message, options);
    this.mfa = options.mfa;
  }
}

export class MfaReattemptDelayError extends ExhError {
  override name = 'MfaReattemptDelayError';
  /** Milliseconds to wait before the next attempt. */
  readonly remainingDelay: number;
  constructor(message: string, options: ErrorOptions & { remainingDelay: number }) {
    super(message, options);
    this.remainingDelay = options.remainingDelay;
  }
}

const classByCode: Record<number, new (message: string, options: ErrorOptions) => ExhError> = {
  14: MissingRequiredFieldsError,
  16: ResourceUnknownError,
  22: BodyFormatError,
  101: ApplicationNotAuthenticatedError,
  104: UserNotAuthenticatedError,
  106: AuthenticationError,
  107: OAuthKeyError,
  108: OAuthTokenError,
  109: OAuthSignatureError,
  110: DuplicateRequestError,
  130: InvalidMfaCodeError,
  131: InvalidMfaTokenError,
  211: LoginTimeoutError,
  212: LoginFreezeError,
  213: TooManyFailedAttemptsError,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mfaChallenge(value: unknown): MfaChallengeBody | undefined {
  if (!isRecord(value) || typeof value.token !== 'string' || !Array.isArray(value.methods)) return undefined;
  const methods = value.methods.filter(
    (m): m is MfaMethod => isRecord(m) && typeof m.id === 'string' && typeof m.type === 'string',
  );
  return {
    token: value.token,
    tokenExpiresIn: typeof value.tokenExpiresIn === 'number' ? value.tokenExpiresIn : 0,
    attempts: typeof value.attempts === 'number' ? value.attempts : 0,
    methods: methods.map((m) => ({
      id: m.id,
      type: m.type,
      name: typeof m.name === 'string' ? m.name : m.type,
      tags: Array.isArray(m.tags) ? m.tags.filter((t): t is string => typeof t === 'string') : [],
    })),
  };
}

/** Builds the typed error for an error answer. `body` is the parsed JSON, or undefined when it was not JSON. */
export function errorFromResponse(status: number, body: unknown): ExhError {
  if (!isRecord(body) || typeof body.code !== 'number') {
    return new ExhError(`The ExH service answered ${status} without an error body`, { status });
  }
  const code = body.code;
  const message = typeof body.message === 'string' && body.message ? body.message : `ExH error ${code}`;
  // Keep only the documented fields: an error handed to the UI carries nothing else the server sent.
  const safeBody: ExhErrorBody = { code, name: typeof body.name === 'string' ? body.name : undefined, message };
  const options = { code, status, body: safeBody };
  if (code === 129) {
    const mfa = mfaChallenge(body.mfa);
    if (mfa) return new MfaRequiredError(message, { ...options, body: { ...safeBody, mfa }, mfa });
  }
  if (code === 134) {
    const remainingDelay = typeof body.remainingDelay === 'number' ? body.remainingDelay : 1000;
    return new MfaReattemptDelayError(message, { ...options, body: { ...safeBody, remainingDelay }, remainingDelay });
  }
  const ErrorClass = classByCode[code] ?? ExhError;
  return new ErrorClass(message, options);
}
