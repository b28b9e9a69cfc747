import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ExhError,
  MfaReattemptDelayError,
  MfaRequiredError,
  NetworkError,
  type ExhErrorBody,
} from '../../src/core';
import { host, setupMockExh } from '../helpers';

const exh = setupMockExh();

/** The error the client throws for an error answer with this status and body. */
async function errorFor(status: number, body: unknown): Promise<ExhError> {
  exh.server.use(
    http.get(`${host}/data/v1/x`, () =>
      typeof body === 'string' ? new HttpResponse(body, { status }) : HttpResponse.json(body as object, { status }),
    ),
  );
  const error = await exh.client().http.get('data/v1/x').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExhError);
  return error as ExhError;
}

describe('error answers without a usable body', () => {
  it.each([
    ['text', 'Bad gateway'],
    ['null', null],
    ['an array', [106]],
    ['a string code', { code: '106', message: 'no' }],
  ])('%s: a plain ExhError naming the status', async (_case, body) => {
    const error = await errorFor(418, body);
    expect(Object.getPrototypeOf(error)).toBe(ExhError.prototype);
    expect(error).toMatchObject({ name: 'ExhError', status: 418, code: undefined, body: undefined });
    expect(error.message).toBe('The ExH service answered 418 without an error body');
  });
});

describe('error bodies', () => {
  it('says the code when the message is missing or empty, and drops a name that is not a string', async () => {
    for (const message of [undefined, '', 42]) {
      const error = await errorFor(400, { code: 106, name: 7, message });
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.message).toBe('ExH error 106');
      expect(error.body).toEqual({ code: 106, name: undefined, message: 'ExH error 106' });
    }
  });

  it('keeps only the documented fields of the body', async () => {
    const error = await errorFor(400, { code: 106, name: 'AUTHENTICATION_EXCEPTION', message: 'wrong', trace: 'internals' });
    expect(error.body).toStrictEqual({ code: 106, name: 'AUTHENTICATION_EXCEPTION', message: 'wrong' });
  });

  it('reads the MFA challenge defensively: defaults, unusable methods and tags dropped', async () => {
    const error = await errorFor(400, {
      code: 129,
      message: 'mfa',
      mfa: {
        token: 'challenge',
        methods: [
          { id: 'a', type: 'totp', name: 'Phone', tags: ['selected', 3, null] },
          { id: 'b', type: 'recoveryCodes' },
          { id: 'c', type: 'totp', name: 5, tags: 'selected' },
          { id: 1, type: 'totp' },
          { id: 'd' },
          null,
          'e',
        ],
      },
    });
    expect(error).toBeInstanceOf(MfaRequiredError);
    const { mfa } = error as MfaRequiredError;
    expect(mfa).toStrictEqual({
      token: 'challenge',
      tokenExpiresIn: 0,
      attempts: 0,
      methods: [
        { id: 'a', type: 'totp', name: 'Phone', tags: ['selected'] },
        { id: 'b', type: 'recoveryCodes', name: 'recoveryCodes', tags: [] },
        { id: 'c', type: 'totp', name: 'totp', tags: [] },
      ],
    });
    expect(error).toMatchObject({ code: 129, status: 400, name: 'MfaRequiredError' });
    expect((error.body as ExhErrorBody).mfa).toStrictEqual(mfa);
  });

  it('keeps the numbers the challenge gives', async () => {
    const error = await errorFor(400, {
      code: 129,
      mfa: { token: 't', tokenExpiresIn: 300_000, attempts: 2, methods: [] },
    });
    expect((error as MfaRequiredError).mfa).toStrictEqual({ token: 't', tokenExpiresIn: 300_000, attempts: 2, methods: [] });
  });

  it.each([
    ['no mfa', undefined],
    ['mfa not an object', 'mfa'],
    ['no token', { methods: [] }],
    ['a token that is not a string', { token: 5, methods: [] }],
    ['no method list', { token: 't', methods: {} }],
  ])('a 129 without a usable challenge (%s) is a plain ExhError', async (_case, mfa) => {
    const error = await errorFor(400, { code: 129, message: 'mfa', mfa });
    expect(Object.getPrototypeOf(error)).toBe(ExhError.prototype);
    expect(error).toMatchObject({ code: 129, message: 'mfa' });
    expect(error.body).toStrictEqual({ code: 129, name: undefined, message: 'mfa' });
  });

  it('only a 129 is an MFA challenge, whatever else the body carries', async () => {
    const error = await errorFor(400, { code: 130, message: 'wrong code', mfa: { token: 't', methods: [] } });
    expect(error.constructor.name).toBe('InvalidMfaCodeError');
    expect(error).not.toBeInstanceOf(MfaRequiredError);
    expect(error.body).toStrictEqual({ code: 130, name: undefined, message: 'wrong code' });
  });

  it('only a 109 says whether the clock could be read', async () => {
    const refused = await errorFor(401, { code: 106, message: 'wrong password' });
    expect('clockUnknown' in refused).toBe(false);
    // This answer has no Date header: a 109 says so.
    expect(await errorFor(401, { code: 109, message: 'bad signature' })).toMatchObject({ clockUnknown: true });
  });

  it('a re-attempt delay without a number waits a second; the delay is part of the body too', async () => {
    const error = await errorFor(400, { code: 134, message: 'wait', remainingDelay: '5' });
    expect(error).toBeInstanceOf(MfaReattemptDelayError);
    expect((error as MfaReattemptDelayError).remainingDelay).toBe(1000);
    expect(error.body).toStrictEqual({ code: 134, name: undefined, message: 'wait', remainingDelay: 1000 });
    expect(error).toMatchObject({ code: 134, status: 400, name: 'MfaReattemptDelayError' });
  });
});

describe('error classes', () => {
  it('an ExhError has status 0 and no cause unless given', () => {
    const error = new ExhError('boom');
    expect(error).toMatchObject({ message: 'boom', status: 0, code: undefined, body: undefined, name: 'ExhError' });
    expect('cause' in error).toBe(false);
    const cause = new TypeError('fetch failed');
    const caused = new ExhError('boom', { cause, status: 500, code: 1 });
    expect(caused.cause).toBe(cause);
    expect(caused).toMatchObject({ status: 500, code: 1 });
    expect('cause' in new ExhError('boom', { cause: undefined, status: 500 })).toBe(false);
  });

  it('a NetworkError says the service could not be reached and keeps its cause', () => {
    const error = new NetworkError();
    expect(error).toBeInstanceOf(ExhError);
    expect(error).toMatchObject({ name: 'NetworkError', message: 'The ExH service could not be reached', status: 0 });
    const cause = new TypeError('offline');
    expect(new NetworkError('down', { cause })).toMatchObject({ message: 'down', cause });
  });

  it('the named classes carry their names, on instances and on the class', () => {
    expect(AuthenticationError.name).toBe('AuthenticationError');
    expect(new AuthenticationError('x').name).toBe('AuthenticationError');
  });
});
