// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { useAuth, useLogin, useRevokeOtherTokens, useRevokeToken, useSsoToken, useTokens } from '../../src/react';
import { demo, host, setupMockExh } from '../helpers';
import { wrapperFor } from './render';

const exh = setupMockExh();

const Wrapper = wrapperFor();

/** Signed in as the demo user, with `others` more sessions of the same user made elsewhere. */
async function signedIn(others = 1) {
  for (let i = 0; i < others; i++) exh.db.createToken(demo.email);
  const view = renderHook(
    () => ({ auth: useAuth(), login: useLogin(), tokens: useTokens(), revoke: useRevokeToken(), revokeOthers: useRevokeOtherTokens(), sso: useSsoToken() }),
    { wrapper: Wrapper },
  );
  await act(() => view.result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
  await waitFor(() => expect(view.result.current.tokens.data?.data).toHaveLength(others + 1));
  return view;
}

describe('useTokens', () => {
  it('marks this session’s token as current, by id', async () => {
    const { result } = await signedIn(2);
    const tokens = result.current.tokens.data!.data;
    expect(tokens.filter((t) => t.current).map((t) => t.id)).toEqual([result.current.auth.session!.tokenId]);
    expect(tokens.every((t) => !('tokenSecret' in t))).toBe(true);
  });

  it('passes an RQL query and does not fetch while disabled or signed out', async () => {
    const signedOut = renderHook(() => useTokens(), { wrapper: Wrapper });
    expect(signedOut.result.current.fetchStatus).toBe('idle');
    const { result } = renderHook(
      () => ({ login: useLogin(), page: useTokens({ rql: 'limit(1,0)' }), off: useTokens({ enabled: false }) }),
      { wrapper: Wrapper },
    );
    exh.db.createToken(demo.email);
    await act(() => result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
    await waitFor(() => expect(result.current.page.data?.data).toHaveLength(1));
    expect(result.current.page.data!.page).toMatchObject({ total: 2, limit: 1 });
    expect(result.current.off.data).toBeUndefined();
    expect(exh.db.count('GET', '/auth/v2/oauth1/tokens')).toBe(1);
  });
});

describe('useRevokeToken', () => {
  it('removes the token from the list at once and sends one request, no refetch', async () => {
    const { result } = await signedIn(1);
    const other = result.current.tokens.data!.data.find((t) => !t.current)!;
    exh.server.use(http.delete(`${host}/auth/v2/oauth1/tokens/:id`, async () => void (await delay(50))));
    exh.db.resetRequests();
    act(() => result.current.revoke.mutate(other.id));
    await waitFor(() => expect(result.current.tokens.data!.data.map((t) => t.id)).not.toContain(other.id));
    expect(result.current.revoke.isPending).toBe(true);
    await waitFor(() => expect(result.current.revoke.isSuccess).toBe(true));
    expect(exh.db.tokensOf(demo.email).map((t) => t.id)).not.toContain(other.id);
    expect(exh.db.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /auth/v2/oauth1/tokens/${other.id}`]);
    expect(result.current.tokens.data!.page.total).toBe(1);
  });

  it('puts the token back when the server refuses', async () => {
    const { result } = await signedIn(1);
    const other = result.current.tokens.data!.data.find((t) => !t.current)!;
    exh.db.failNext(1, { status: 500, body: { code: 0, name: 'INTERNAL', message: 'boom' } }, { method: 'DELETE' });
    await act(() => result.current.revoke.mutateAsync(other.id).catch(() => undefined));
    await waitFor(() => expect(result.current.revoke.isError).toBe(true));
    expect(result.current.tokens.data!.data.map((t) => t.id)).toContain(other.id);
    expect(result.current.tokens.data!.page.total).toBe(2);
  });

  it('signs out when the current token is revoked', async () => {
    const { result } = await signedIn(1);
    await act(() => result.current.revoke.mutateAsync(result.current.auth.session!.tokenId));
    expect(result.current.auth.status).toBe('unauthenticated');
    expect(result.current.tokens.data).toBeUndefined();
  });
});

describe('useRevokeOtherTokens', () => {
  it('revokes every other token and never the current one', async () => {
    const { result } = await signedIn(3);
    const current = result.current.auth.session!.tokenId;
    expect(await act(() => result.current.revokeOthers.mutateAsync())).toEqual({ revoked: 3 });
    expect(exh.db.tokensOf(demo.email).map((t) => t.id)).toEqual([current]);
    expect(result.current.tokens.data!.data.map((t) => t.id)).toEqual([current]);
    expect(result.current.auth.status).toBe('authenticated');
  });
});

describe('useSsoToken', () => {
  it('generates a token that another provider consumes, once', async () => {
    const { result } = await signedIn(0);
    const sso = await act(() => result.current.sso.generate.mutateAsync());
    expect(sso.userId).toBe(result.current.auth.userId);
    const second = renderHook(() => ({ auth: useAuth(), sso: useSsoToken() }), { wrapper: Wrapper });
    await act(() => second.result.current.sso.consume.mutateAsync(sso.ssoToken));
    expect(second.result.current.auth).toMatchObject({ status: 'authenticated', userId: result.current.auth.userId });
    const third = renderHook(() => ({ auth: useAuth(), sso: useSsoToken() }), { wrapper: Wrapper });
    await act(() => third.result.current.sso.consume.mutateAsync(sso.ssoToken).catch(() => undefined));
    await waitFor(() => expect(third.result.current.sso.consume.error).toMatchObject({ code: 16 }));
    expect(third.result.current.auth.status).toBe('unauthenticated');
  });
});
