import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import * as core from '../src/core';
import { host, setupMockExh } from './helpers';

const exh = setupMockExh();

// Every code of PROTOCOL.md's table, with a status other than the typical one: the code decides.
const table: Array<[number, string, keyof typeof core]> = [
  [14, 'MISSING_REQUIRED_FIELDS_EXCEPTION', 'MissingRequiredFieldsError'],
  [16, 'RESOURCE_UNKNOWN_EXCEPTION', 'ResourceUnknownError'],
  [22, 'BODY_FORMAT_EXCEPTION', 'BodyFormatError'],
  [101, 'APPLICATION_NOT_AUTHENTICATED_EXCEPTION', 'ApplicationNotAuthenticatedError'],
  [104, 'USER_NOT_AUTHENTICATED_EXCEPTION', 'UserNotAuthenticatedError'],
  [106, 'AUTHENTICATION_EXCEPTION', 'AuthenticationError'],
  [107, 'OAUTH_KEY_EXCEPTION', 'OAuthKeyError'],
  [108, 'OAUTH_TOKEN_EXCEPTION', 'OAuthTokenError'],
  [109, 'OAUTH_SIGNATURE_EXCEPTION', 'OAuthSignatureError'],
  [110, 'DUPLICATE_REQUEST_EXCEPTION', 'DuplicateRequestError'],
  [129, 'MFA_REQUIRED_EXCEPTION', 'MfaRequiredError'],
  [130, 'INVALID_MFA_CODE_EXCEPTION', 'InvalidMfaCodeError'],
  [131, 'INVALID_MFA_TOKEN_EXCEPTION', 'InvalidMfaTokenError'],
  [134, 'MFA_REATTEMPT_DELAY_EXCEPTION', 'MfaReattemptDelayError'],
  [211, 'LOGIN_TIMEOUT_EXCEPTION', 'LoginTimeoutError'],
  [212, 'LOGIN_FREEZE_EXCEPTION', 'LoginFreezeError'],
  [213, 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION', 'TooManyFailedAttemptsError'],
];

const extras: Record<number, object> = {
  129: { mfa: { token: 't', tokenExpiresIn: 1000, attempts: 0, methods: [{ id: 'm', type: 'totp', name: 'App', tags: ['selected'] }] } },
  134: { remainingDelay: 4200 },
};

describe('errors by code', () => {
  it.each(table)('code %i (%s) → %s', async (code, name, className) => {
    exh.server.use(
      http.get(`${host}/data/v1/x`, () =>
        HttpResponse.json({ code, name, message: `msg ${code}`, secretStuff: 'server internals', ...extras[code] }, { status: 418 }),
      ),
    );
    const error = await exh.client().http.get('data/v1/x').catch((e: unknown) => e);
    const ErrorClass = core[className] as unknown as new (...args: never[]) => core.ExhError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(core.ExhError);
    expect(error).toMatchObject({ code, status: 418, message: `msg ${code}`, name: className });
    expect((error as core.ExhError).body).not.toHaveProperty('secretStuff');
    if (code === 129) expect((error as core.MfaRequiredError).mfa.methods[0]).toMatchObject({ id: 'm', type: 'totp' });
    if (code === 134) expect((error as core.MfaReattemptDelayError).remainingDelay).toBe(4200);
  });

  it('gives a plain ExhError for an unknown code', async () => {
    exh.server.use(http.get(`${host}/data/v1/x`, () => HttpResponse.json({ code: 9999, name: 'NEW', message: 'new' }, { status: 400 })));
    const error = await exh.client().http.get('data/v1/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(core.ExhError);
    expect(Object.getPrototypeOf(error)).toBe(core.ExhError.prototype);
    expect(error).toMatchObject({ code: 9999, name: 'ExhError' });
  });
});
