// @vitest-environment jsdom
/** The token hooks' edges: the lists they touch, how a failure is put back and refetched, paging, answers 16. */
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { UserNotAuthenticatedError, type PagedResult } from '../../src/core';
import {
  exhQueryKeys,
  useAuth,
  useExhClient,
  useLogin,
  useMe,
  useRevokeOtherTokens,
  useRevokeToken,
  useSsoToken,
  useTokens,
  type ListedToken,
} from '../../src/react';
import { demo, host, setupMockExh } from '../helpers';
import { wrapperFor } from './render';

const exh = setupMockExh();
const TOKENS = '/auth/v2/oauth1/tokens';
const failure = { status: 500, body: { code: 0, name: 'INTERNAL', message: 'boom' } };
const gone = { status: 404, body: { code: 16, name: 'RESOURCE_UNKNOWN_EXCEPTION', message: 'The requested resource is unknown' } };

function useView() {
  const [pageOn, setPageOn] = useState(false);
  return {
    auth: useAuth(),
    login: useLogin(),
    client: useExhClient(),
    tokens: useTokens(),
    // Another list of the session, not loaded until `setPageOn(true)`.
    page: useTokens({ rql: 'limit(1,0)', enabled: pageOn }),
    setPageOn,
    revoke: useRevokeToken(),
    revoke2: useRevokeToken(),
    others: useRevokeOtherTokens(),
    sso: useSsoToken(),
  };
}

/** Signed in as the demo user with `others` more sessions, the default list loaded. */
async function signedIn(others: number) {
  for (let i = 0; i < others; i++) exh.db.createToken(demo.email);
  const queryClient = new QueryClient();
  const view = renderHook(useView, { wrapper: wrapperFor({ queryClient }) });
  await act(() => view.result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
  await waitFor(() => expect(view.result.current.tokens.data?.page.total).toBe(others + 1));
  const current = view.result.current.auth.session!.tokenId;
  const ids = view.result.current.tokens.data!.data.filter((t) => !t.current).map((t) => t.id);
  /** Every cached list of the package, as ids and total. */
  const cachedLists = () =>
    queryClient
      .getQueriesData<PagedResult<ListedToken>>({ queryKey: exhQueryKeys.tokens() })
      .map(([, list]) => list && { ids: list.data.map((t) => t.id), total: list.page.total });
  const listed = () => view.result.current.tokens.data!.data.map((t) => t.id);
  const tokenGets = () => exh.db.count('GET', TOKENS);
  return { ...view, queryClient, current, ids, cachedLists, listed, tokenGets };
}

describe('a revoke touches only the token lists', () => {
  it('useMe keeps its data and is neither cancelled nor refetched', async () => {
    const { result, queryClient, ids } = await signedIn(2);
    const me = renderHook(() => useMe(), { wrapper: wrapperFor({ client: result.current.client, queryClient }) });
    await waitFor(() => expect(me.result.current.data?.email).toBe(demo.email));
    exh.db.resetRequests();
    expect(await act(() => result.current.revoke.mutateAsync(ids[0]!))).toEqual({ affectedRecords: 1 });
    expect(me.result.current.data?.email).toBe(demo.email);
    exh.db.failNext(1, failure, { method: 'DELETE' });
    await act(() => result.current.revoke.mutateAsync(ids[1]!).catch(() => undefined));
    expect(me.result.current.data?.email).toBe(demo.email);
    // The failure refetched the token list only.
    expect(exh.db.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE ${TOKENS}/${ids[0]}`, `DELETE ${TOKENS}/${ids[1]}`, `GET ${TOKENS}`]);
  });

  it('a list not loaded yet is left alone, and one that loaded during a refused revoke keeps its fresh data', async () => {
    const { result, ids, listed, current } = await signedIn(1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    exh.server.use(http.delete(`${host}${TOKENS}/:id`, async () => void (await held)));
    exh.db.failNext(1, failure, { method: 'DELETE' });
    let refused: unknown;
    const revoking = result.current.revoke.mutateAsync(ids[0]!).catch((error: unknown) => (refused = error));
    await waitFor(() => expect(listed()).toEqual([current]));
    // The second list loads while the DELETE is in flight: it had nothing to put back, and keeps what it got.
    act(() => result.current.setPageOn(true));
    await waitFor(() => expect(result.current.page.data?.data).toHaveLength(1));
    release();
    await act(() => revoking);
    expect(refused).toMatchObject({ message: 'boom', status: 500 });
    expect(listed().sort()).toEqual([current, ids[0]!].sort());
    await waitFor(() => expect(result.current.page.data?.page.total).toBe(2));
  });
});

describe('a refused revoke', () => {
  it('puts the token back where it was, with the total, before the refetch', async () => {
    const { result, ids, cachedLists } = await signedIn(3);
    const before = cachedLists()[0]!;
    const atGet: unknown[] = [];
    exh.server.use(http.get(`${host}${TOKENS}`, () => void atGet.push(cachedLists()[0])));
    exh.db.failNext(1, failure, { method: 'DELETE' });
    await act(() => result.current.revoke.mutateAsync(ids[1]!).catch(() => undefined));
    await waitFor(() => expect(atGet).toHaveLength(1));
    // The list as the refetch found it: the put back token in its place among the ones still listed.
    expect(atGet).toEqual([before]);
    expect(before.total).toBe(4);
  });

  it('that settles while another revoke is pending waits for it: one refetch, after both', async () => {
    const { result, ids, listed, current, tokenGets } = await signedIn(2);
    const [slow, refused] = ids as [string, string];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    exh.server.use(http.delete(`${host}${TOKENS}/${slow}`, async () => void (await held)));
    exh.db.failNext(1, failure, { method: 'DELETE', path: `${TOKENS}/${refused}` });
    const gets = tokenGets();
    await act(async () => {
      const first = result.current.revoke.mutateAsync(slow);
      await result.current.revoke2.mutateAsync(refused).catch(() => undefined);
      // Refetched now, the list would show the token still being revoked.
      expect(tokenGets()).toBe(gets);
      release();
      await first;
    });
    await waitFor(() => expect(tokenGets()).toBe(gets + 1));
    await waitFor(() => expect(listed().sort()).toEqual([current, refused].sort()));
  });

  it('refetches the lists even while another kind of mutation of the provider is pending', async () => {
    const { result, ids, tokenGets } = await signedIn(1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    exh.server.use(http.post(`${host}/auth/v2/oauth1/ssoTokens/generate`, async () => void (await held)));
    exh.db.failNext(1, failure, { method: 'DELETE' });
    const generating = result.current.sso.generate.mutateAsync();
    await waitFor(() => expect(result.current.sso.generate.isPending).toBe(true));
    const gets = tokenGets();
    await act(() => result.current.revoke.mutateAsync(ids[0]!).catch(() => undefined));
    await waitFor(() => expect(tokenGets()).toBe(gets + 1));
    release();
    await act(() => generating);
  });
});

describe('useRevokeOtherTokens', () => {
  /** Every listing's RQL, in order. */
  function listings() {
    const seen: string[] = [];
    exh.server.use(http.get(`${host}${TOKENS}`, ({ request }) => void seen.push(decodeURIComponent(new URL(request.url).search))));
    return seen;
  }

  it('lists the tokens 50 at a time and revokes every other one', async () => {
    const { result, current } = await signedIn(54);
    const seen = listings();
    expect(await act(() => result.current.others.mutateAsync())).toEqual({ revoked: 54 });
    expect(seen).toEqual(['?limit(50,0)', '?limit(50,50)']);
    expect(exh.db.tokensOf(demo.email).map((t) => t.id)).toEqual([current]);
  });

  it('with exactly 50 tokens lists once', async () => {
    const { result } = await signedIn(49);
    const seen = listings();
    expect(await act(() => result.current.others.mutateAsync())).toEqual({ revoked: 49 });
    expect(seen).toEqual(['?limit(50,0)']);
  });

  it('stops at an empty page even when the total says there are more', async () => {
    const { result } = await signedIn(1);
    const seen: string[] = [];
    exh.server.use(
      http.get(`${host}${TOKENS}`, ({ request }) => {
        seen.push(decodeURIComponent(new URL(request.url).search));
        return HttpResponse.json({ data: [], page: { total: 500, offset: 0, limit: 50 } });
      }),
    );
    expect(await act(() => result.current.others.mutateAsync())).toEqual({ revoked: 0 });
    expect(seen).toEqual(['?limit(50,0)']);
  });

  it('signed out fails as the client does (UserNotAuthenticatedError, 104) and sends nothing', async () => {
    const { result } = renderHook(() => useRevokeOtherTokens(), { wrapper: wrapperFor() });
    const error = await act(() => result.current.mutateAsync().catch((e: unknown) => e));
    expect(error).toBeInstanceOf(UserNotAuthenticatedError);
    expect(error).toMatchObject({ code: 104, message: 'Not signed in' });
    expect(exh.db.requests).toEqual([]);
  });

  it('fails with the first failure’s error when some revokes fail', async () => {
    const { result, ids } = await signedIn(2);
    exh.db.failNext(1, failure, { method: 'DELETE', path: `${TOKENS}/${ids[1]}` });
    const error = await act(() => result.current.others.mutateAsync().catch((e: unknown) => e));
    expect(error).toMatchObject({ message: 'boom', status: 500, code: 0 });
    await waitFor(() => expect(result.current.others.error).toBe(error));
  });
});

describe('useRevokeToken answered 16 (the token was gone already)', () => {
  it('for this session’s own token: signed out here, with no second DELETE, and a success', async () => {
    const { result, current } = await signedIn(1);
    exh.db.revokeToken(current);
    exh.db.failNext(1, gone, { method: 'DELETE', path: `${TOKENS}/${current}` });
    exh.db.resetRequests();
    expect(await act(() => result.current.revoke.mutateAsync(current))).toEqual({ affectedRecords: 0 });
    expect(result.current.auth.status).toBe('unauthenticated');
    expect(exh.db.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE ${TOKENS}/${current}`]);
  });

  it('for another token, answered after this device signed out: still a success', async () => {
    const { result, ids } = await signedIn(1);
    let reached!: () => void;
    let release!: () => void;
    const sent = new Promise<void>((resolve) => (reached = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    exh.server.use(
      http.delete(`${host}${TOKENS}/${ids[0]}`, async () => {
        reached();
        await held;
      }),
    );
    exh.db.failNext(1, gone, { method: 'DELETE', path: `${TOKENS}/${ids[0]}` });
    const revoking = result.current.revoke.mutateAsync(ids[0]!);
    await sent;
    await act(() => result.current.client.logout({ revoke: false }));
    release();
    expect(await act(() => revoking)).toEqual({ affectedRecords: 0 });
  });
});
