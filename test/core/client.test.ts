import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  ExhError,
  InvalidMfaTokenError,
  NetworkError,
  OAuthSignatureError,
  OAuthTokenError,
  UserNotAuthenticatedError,
  createExhClient,
} from '../../src/core';
import { consumerKey, consumerSecret, demo, host, setupMockExh } from '../helpers';
import { sharedStorage } from '../reliability/tabs';

// The client's edges, one behaviour per test: what an app sees when answers are odd, late, refused or absent.
const exh = setupMockExh();
const credentials = { email: demo.email, password: demo.password };
const TOKENS = '/auth/v2/oauth1/tokens';
const ME = '/users/v1/me';
const refusal = (code: number, name: string) => ({ code, name, message: name.toLowerCase() });

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** The requests the service received (read through MSW's events: the mock's handlers stay as they are). */
function recordRequests(): Request[] {
  const requests: Request[] = [];
  const listener = ({ request }: { request: Request }) => void requests.push(request.clone());
  exh.server.events.on('request:start', listener);
  onTestFinished(() => void exh.server.events.removeListener('request:start', listener));
  return requests;
}

/** Holds the requests to `path` until the returned function is called; then the mock service answers them. */
function hold(method: 'get' | 'post' | 'delete', path: string): () => void {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  // A resolver that returns nothing hands the request on to the next handler: the mock's.
  exh.server.use(http[method](`${host}${path}`, async () => void (await opened)));
  return open;
}

async function signedIn(options: Parameters<typeof exh.client>[0] = {}) {
  const client = exh.client(options);
  const session = await client.authenticate(credentials);
  exh.db.resetRequests();
  return { client, session };
}

describe('grant answers', () => {
  it('a grant without an applicationId gives the session an empty one', async () => {
    exh.db.failNext(1, { status: 200, body: { id: 't1', userId: 'u1', token: 'tk', tokenSecret: 'ts' } }, { method: 'POST', path: TOKENS });
    expect(await exh.client().authenticate(credentials)).toMatchObject({ tokenId: 't1', applicationId: '' });
  });

  it('a grant without a usable token is an ExhError with the status, and signs nothing in', async () => {
    const client = exh.client();
    exh.db.failNext(1, { status: 201, body: { id: 't1', userId: 'u1' } }, { method: 'POST', path: TOKENS });
    const error = await client.authenticate(credentials).catch((e: unknown) => e);
    expect(Object.getPrototypeOf(error)).toBe(ExhError.prototype);
    expect(error).toMatchObject({ message: 'The ExH service answered a grant without a usable token', status: 201 });
    expect(client.getState().status).toBe('unauthenticated');
  });

  it('a body that is not JSON is an ExhError naming the status', async () => {
    exh.db.failNext(1, { status: 200, body: '{"id": "abc", "token": ' }, { method: 'POST', path: TOKENS });
    const error = await exh.client().authenticate(credentials).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'The ExH service answered 200 with a body that is not JSON', status: 200 });
  });

  it('a connection lost while the answer arrives is a NetworkError saying so, with the cause', async () => {
    const lost = new TypeError('network lost');
    exh.server.use(
      http.post(`${host}${TOKENS}`, () => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":"1","tok'));
            controller.error(lost);
          },
        });
        return new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const error = await exh.client().authenticate(credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ message: 'The connection was lost while the answer arrived', cause: lost });
  });
});

describe('no answer: timeouts and aborts', () => {
  it('no answer at all: a NetworkError that the service could not be reached, with the fetch error as cause', async () => {
    exh.db.failNext(1, { status: 0 }, { method: 'POST', path: TOKENS });
    const error = await exh.client().authenticate(credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ message: 'The ExH service could not be reached', cause: expect.any(TypeError) });
  });

  it('a timeout: a NetworkError naming the timeout, with the abort as cause', async () => {
    exh.server.use(http.post(`${host}${TOKENS}`, () => delay('infinite')));
    const error = await exh.client({ timeout: 50 }).authenticate(credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ message: 'The ExH service did not answer within 50 ms', cause: expect.objectContaining({ name: 'AbortError' }) });
  });

  it("the caller's abort of a request under way ends it at once, as an AbortError", async () => {
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    exh.server.use(http.get(`${host}${ME}`, async () => (arrived(), await delay('infinite'))));
    const controller = new AbortController();
    // A timeout long enough to tell an abort (at once) from a timeout; no retry, whose delay would end on the abort too.
    const answer = exh.client({ timeout: 2000 }).http.get(ME.slice(1), { signal: controller.signal, retry: 0 }).catch((e: unknown) => e);
    await reached;
    controller.abort();
    const error = await answer;
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('leaves no timer behind once the answer is in (a Node script can exit)', async () => {
    const { client } = await signedIn();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await client.me();
    await client.tokens.find();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('retries', () => {
  it('retries a GET once when no answer came', async () => {
    const { client } = await signedIn();
    exh.db.failNext(1, { status: 0 }, { method: 'GET', path: ME });
    expect(await client.me()).toMatchObject({ email: demo.email });
    expect(exh.db.count('GET', ME)).toBe(2);
  });

  it.each([502, 503, 504])('retries a GET once when a gateway failed with %i (no ExH error)', async (status) => {
    const { client } = await signedIn();
    exh.db.failNext(1, { status, body: '<html>Bad gateway</html>', headers: { 'Content-Type': 'text/html' } }, { method: 'GET', path: ME });
    expect(await client.me()).toMatchObject({ email: demo.email });
    expect(exh.db.count('GET', ME)).toBe(2);
  });

  it.each([
    ['a 500 without an ExH error', 500, '<html>Internal Server Error</html>'],
    ['an ExH error, even with a gateway status', 503, refusal(1, 'UNKNOWN_EXCEPTION')],
  ])('does not retry %s', async (_case, status, body) => {
    const { client } = await signedIn();
    exh.db.failNext(2, { status, body }, { method: 'GET', path: ME });
    await expect(client.me()).rejects.toMatchObject({ status });
    expect(exh.db.count('GET', ME)).toBe(1);
  });
});

describe('clock skew', () => {
  const hourAhead = () => new Date(exh.now() + 60 * 60_000).toUTCString();

  it('re-signs only a 109, whatever the Date header of another refusal says', async () => {
    const { client } = await signedIn();
    exh.db.failNext(1, { status: 404, body: refusal(16, 'RESOURCE_UNKNOWN_EXCEPTION'), headers: { Date: hourAhead() } }, { method: 'GET', path: ME });
    await expect(client.me()).rejects.toMatchObject({ code: 16 });
    expect(exh.db.count('GET', ME)).toBe(1);
  });

  it('a second 109 after re-signing is the signature error, not another re-sign', async () => {
    const client = exh.client();
    const signatureRefused = (date: string) => ({ status: 401, body: refusal(109, 'OAUTH_SIGNATURE_EXCEPTION'), headers: { Date: date } });
    exh.db.failNext(1, signatureRefused(hourAhead()), { method: 'POST', path: TOKENS });
    exh.db.failNext(1, signatureRefused(new Date(exh.now() - 60 * 60_000).toUTCString()), { method: 'POST', path: TOKENS });
    await expect(client.authenticate(credentials)).rejects.toBeInstanceOf(OAuthSignatureError);
    expect(exh.db.count('POST', TOKENS)).toBe(2);
  });

  it('once corrected, a 109 dated at the corrected time is a real signature error: no re-sign', async () => {
    exh.advance(60 * 60_000); // the service's clock is an hour ahead
    const { client } = await signedIn();
    // The canned answer carries the service's Date, which the client's corrected clock agrees with.
    exh.db.failNext(1, { status: 401, body: refusal(109, 'OAUTH_SIGNATURE_EXCEPTION') }, { method: 'GET', path: ME });
    await expect(client.me()).rejects.toBeInstanceOf(OAuthSignatureError);
    expect(exh.db.count('GET', ME)).toBe(1);
  });

  it('tolerates a skew of exactly one minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const now = Math.floor(Date.now() / 1000) * 1000; // the Date header has whole seconds
    vi.setSystemTime(now);
    const date = new Date(now + 60_000).toUTCString();
    exh.db.failNext(1, { status: 401, body: refusal(109, 'OAUTH_SIGNATURE_EXCEPTION'), headers: { Date: date } }, { method: 'POST', path: TOKENS });
    await expect(exh.client().authenticate(credentials)).rejects.toBeInstanceOf(OAuthSignatureError);
    expect(exh.db.count('POST', TOKENS)).toBe(1);
  });

  it('sends the re-signed request at once, without a back-off delay', async () => {
    exh.advance(60 * 60_000);
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    await exh.client({ timeout: 5000 }).authenticate(credentials);
    expect(exh.db.count('POST', TOKENS)).toBe(2);
    // The only timers: each attempt's timeout, and the retry's zero delay.
    expect(setTimeoutSpy.mock.calls.map(([, ms]) => ms).sort()).toEqual([0, 5000, 5000]);
  });
});

describe('108: a refused token', () => {
  it('a 108 for a request not signed with the session (a grant) leaves the session', async () => {
    const { client, session } = await signedIn();
    exh.db.failNext(1, { status: 401, body: refusal(108, 'OAUTH_TOKEN_EXCEPTION') }, { method: 'POST', path: TOKENS });
    await expect(client.authenticate(credentials)).rejects.toBeInstanceOf(OAuthTokenError);
    expect(client.getState()).toMatchObject({ status: 'authenticated', session: { tokenId: session.tokenId } });
  });

  it('a successful answer is data, even with a code field', async () => {
    const { client } = await signedIn();
    exh.db.failNext(1, { status: 200, body: refusal(108, 'OAUTH_TOKEN_EXCEPTION') }, { method: 'GET', path: ME });
    expect(await client.http.get(ME.slice(1)).json()).toMatchObject({ code: 108 });
    expect(client.getState().status).toBe('authenticated');
  });
});

describe('calls that need a session or a challenge', () => {
  it.each([
    ['me', (client: ReturnType<typeof exh.client>) => client.me()],
    ['tokens.find', (client: ReturnType<typeof exh.client>) => client.tokens.find()],
    ['tokens.remove', (client: ReturnType<typeof exh.client>) => client.tokens.remove('t1')],
    ['generateSsoToken', (client: ReturnType<typeof exh.client>) => client.generateSsoToken()],
  ])('%s fails at once when signed out, without a request', async (_name, call) => {
    const error = await call(exh.client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserNotAuthenticatedError);
    expect(error).toMatchObject({ message: 'Not signed in', code: 104 });
    expect(exh.db.requests).toEqual([]);
  });

  it('confirmMfa fails at once without a pending challenge: 131, no request', async () => {
    const error = await exh.client().confirmMfa({ methodId: 'm', code: '123456' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidMfaTokenError);
    expect(error).toMatchObject({ message: 'There is no pending MFA challenge', code: 131 });
    expect(exh.db.requests).toEqual([]);
  });
});

describe('SSO', () => {
  it('an SSO sign-in while signed in keeps the state authenticated during the exchange (no loading)', async () => {
    const { client } = await signedIn();
    const { ssoToken } = await client.generateSsoToken();
    const open = hold('post', '/auth/v2/oauth1/ssoTokens/consume');
    const exchange = client.consumeSsoToken(ssoToken);
    expect(client.getState().status).toBe('authenticated');
    open();
    await exchange;
    expect(client.getState().status).toBe('authenticated');
  });

  it('generating a token sends the {} body the service documents', async () => {
    const { client } = await signedIn();
    const requests = recordRequests();
    await client.generateSsoToken();
    const [request] = requests;
    expect(request?.url).toBe(`${host}/auth/v2/oauth1/ssoTokens/generate`);
    expect(request?.headers.get('Content-Type')).toContain('application/json');
    expect(await request?.text()).toBe('{}');
  });
});

describe('tokens', () => {
  it('sends the RQL as the query; only a leading ? is dropped', async () => {
    const { client } = await signedIn();
    const requests = recordRequests();
    await client.tokens.find({ rql: 'limit(5,0)&eq(applicationId,a?b)' });
    await client.tokens.find({ rql: '?limit(5,0)' });
    expect(requests.map((r) => new URL(r.url).search)).toEqual(['?limit(5,0)&eq(applicationId,a?b)', '?limit(5,0)']);
  });

  it('revoking its own token while another sign-in took its place keeps the new session', async () => {
    const { client, session } = await signedIn();
    const open = hold('delete', `${TOKENS}/${session.tokenId}`);
    const removal = client.tokens.remove(session.tokenId);
    const next = await client.authenticate(credentials);
    open();
    expect(await removal).toEqual({ affectedRecords: 1 });
    expect(client.getState()).toMatchObject({ status: 'authenticated', session: { tokenId: next.tokenId } });
  });

  it('revoking the token another tab signed in with, once this tab has taken it over, signs out', async () => {
    const origin = sharedStorage();
    const own = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    // A tab that found the session in storage, and reads the storage late (an asynchronous adapter).
    const tab = exh.client({ storage: origin.tab({ readDelay: 30 }) });
    onTestFinished(tab.subscribe(() => undefined));
    await expect.poll(() => tab.getSession()?.tokenId).toBe(own.tokenId);
    const taken = await exh.client({ storage: origin.tab() }).authenticate(credentials);
    // Revoked from the list of sessions just before this tab takes the new one over.
    const open = hold('delete', `${TOKENS}/${taken.tokenId}`);
    const removal = tab.tokens.remove(taken.tokenId);
    await expect.poll(() => tab.getSession()?.tokenId).toBe(taken.tokenId);
    open();
    expect(await removal).toEqual({ affectedRecords: 1 });
    expect(tab.getState().status).toBe('unauthenticated');
    await expect.poll(() => origin.values.size).toBe(0); // once the late read confirms it is still that session
  });

  it('a local sign-out while another token is revoked: the revocation still answers', async () => {
    const { client } = await signedIn();
    const other = exh.db.createToken(demo.email);
    const open = hold('delete', `${TOKENS}/${other.id}`);
    const removal = client.tokens.remove(other.id);
    await client.logout({ revoke: false });
    open();
    expect(await removal).toEqual({ affectedRecords: 1 });
    expect(client.getState().status).toBe('unauthenticated');
  });
});

describe('logout', () => {
  it('says nothing was revoked when signed out, or when told not to revoke', async () => {
    expect(await exh.client().logout()).toEqual({ revoked: false });
    const { client } = await signedIn();
    expect(await client.logout({ revoke: false })).toEqual({ revoked: false });
  });
});

describe('host', () => {
  it.each(['api.example.com?next=https://api.example.com', 'see https://api.example.com'])(
    'refuses %j: the URL must start the host',
    (badHost) => {
      expect(() => createExhClient({ host: badHost, consumerKey, consumerSecret, storage: 'memory' })).toThrow(/^exh-auth-react: host must be/);
    },
  );

  it('drops every trailing slash', async () => {
    const client = exh.client({ host: `${host}//` });
    expect(client.host).toBe(host);
    await client.authenticate(credentials);
    expect(exh.db.count('POST', TOKENS)).toBe(1);
  });
});
