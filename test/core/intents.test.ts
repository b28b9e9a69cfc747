import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ExhError, MfaRequiredError, SupersededError, type ExhClient } from '../../src/core';
import { totp } from '../../src/msw';
import { demo, host, mfaUser, setupMockExh } from '../helpers';

const exh = setupMockExh();
const TOKENS = `${host}/auth/v2/oauth1/tokens`;

/** Holds the next request to `url` until `release()`, then lets the mock answer it. */
function hold(method: 'post' | 'get', url: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  exh.server.use(http[method](url, async () => void (arrived(), await released), { once: true }));
  return { reached, release };
}

async function atMfaStep(client: ExhClient) {
  const error = (await client.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch((e: unknown) => e)) as MfaRequiredError;
  expect(error).toBeInstanceOf(MfaRequiredError);
  return error.mfa;
}

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('a user intent supersedes the grants started before it', () => {
  it('Back (cancelMfa) while the MFA grant is in flight: stays signed out, the late token is revoked', async () => {
    const client = exh.client();
    const mfa = await atMfaStep(client);
    const held = hold('post', `${TOKENS}/mfa`);
    const confirm = rejection(client.confirmMfa({ methodId: mfa.methods[0]!.id, code: await totp(mfaUser.mfa!.totpSecret, exh.now()) }));
    await held.reached;
    client.cancelMfa();
    held.release();
    const error = await confirm;
    expect(error).toBeInstanceOf(SupersededError);
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', session: null, mfa: null, error: null });
    expect(client.getSession()).toBeNull();
    await expect.poll(() => exh.db.tokensOf(mfaUser.email).length).toBe(0);
  });

  it('logout while an MFA user’s password grant is in flight: ends signed out, not at the MFA step', async () => {
    const client = exh.client();
    const held = hold('post', TOKENS);
    const login = rejection(client.authenticate({ email: mfaUser.email, password: mfaUser.password }));
    await held.reached;
    await client.logout();
    held.release();
    const error = await login;
    expect(error).toBeInstanceOf(SupersededError);
    expect(error).toBeInstanceOf(ExhError);
    expect(error).toMatchObject({ name: 'SupersededError', code: undefined, status: 0, message: expect.stringMatching(/superseded/i) });
    expect((error as SupersededError).cause).toBeInstanceOf(MfaRequiredError);
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', mfa: null, error: null });
  });

  it('a second sign-in wins over a first one that answers last; the late token is revoked', async () => {
    const client = exh.client();
    const held = hold('post', TOKENS);
    const first = rejection(client.authenticate({ email: demo.email, password: demo.password }));
    await held.reached;
    await atMfaStep(client); // the second sign-in: an MFA user, answered first
    held.release();
    expect(await first).toBeInstanceOf(SupersededError);
    expect(client.getState()).toMatchObject({ status: 'mfaRequired', session: null });
    await expect.poll(() => exh.db.tokensOf(demo.email).length).toBe(0);
  });

  it('a new sign-in ends a pending MFA challenge: a failed password does not leave the old challenge up', async () => {
    const client = exh.client();
    await atMfaStep(client);
    await expect(client.authenticate({ email: demo.email, password: 'wrong' })).rejects.toMatchObject({ code: 106 });
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', mfa: null });
  });

  it('a sign-in while an SSO token is exchanged: no stuck loading state, the SSO session is dropped and revoked', async () => {
    const owner = exh.client();
    await owner.authenticate({ email: demo.email, password: demo.password });
    const { ssoToken } = await owner.generateSsoToken();
    await owner.logout();

    const client = exh.client();
    const held = hold('post', `${host}/auth/v2/oauth1/ssoTokens/consume`);
    const consume = rejection(client.consumeSsoToken(ssoToken));
    expect(client.getState().status).toBe('loading');
    await held.reached;
    await expect(client.authenticate({ email: demo.email, password: 'wrong' })).rejects.toMatchObject({ code: 106 });
    expect(client.getState().status).toBe('unauthenticated');
    held.release();
    expect(await consume).toBeInstanceOf(SupersededError);
    expect(client.getState()).toMatchObject({ status: 'unauthenticated', session: null });
    await expect.poll(() => exh.db.tokensOf(demo.email).length).toBe(0);
  });

  it('a second confirmMfa supersedes the first', async () => {
    const client = exh.client();
    const mfa = await atMfaStep(client);
    const held = hold('post', `${TOKENS}/mfa`);
    const first = rejection(client.confirmMfa({ methodId: mfa.methods[0]!.id, code: '000000' }));
    await held.reached;
    const code = await totp(mfaUser.mfa!.totpSecret, exh.now());
    const second = client.confirmMfa({ methodId: mfa.methods[0]!.id, code });
    held.release();
    const error = await first;
    expect(error).toBeInstanceOf(SupersededError);
    expect(await second).toMatchObject({ userId: expect.any(String) });
    expect(client.getState().status).toBe('authenticated');
  });
});
