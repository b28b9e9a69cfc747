// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createExhClient, UserNotAuthenticatedError } from '../../src/core';
import { AuthProvider, useAuth, useLogin, useRevokeOtherTokens, useRevokeToken, useTokens } from '../../src/react';
import { consumerKey, consumerSecret, demo, host, mfaUser, setupMockExh } from '../helpers';
import { wrapperFor } from './render';

const exh = setupMockExh();

afterEach(() => onlineManager.setOnline(true));

describe('the hooks whatever the app’s QueryClient says', () => {
  it('never retry a login, even with mutations.retry set by the app', async () => {
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: 2, retryDelay: 1 } } });
    exh.db.failNext(1, { status: 503, body: '' });
    const { result } = renderHook(() => useLogin(), { wrapper: wrapperFor({ queryClient }) });
    await act(() => result.current.mutateAsync({ email: demo.email, password: demo.password }).catch(() => undefined));
    expect(exh.db.count('POST', '/auth/v2/oauth1/tokens')).toBe(1);
  });

  it('send the request while the browser says offline, so the user gets the network answer', async () => {
    onlineManager.setOnline(false);
    const { result } = renderHook(() => useLogin(), { wrapper: wrapperFor() });
    await act(() => result.current.mutateAsync({ email: demo.email, password: demo.password }));
    expect(result.current.isPaused).toBe(false);
    expect(exh.db.count('POST', '/auth/v2/oauth1/tokens')).toBe(1);
  });
});

describe('useAuth(select)', () => {
  it('selects again when the selector reads a value that changed', () => {
    const { result } = renderHook(
      () => {
        const [n, setN] = useState(1);
        return { text: useAuth((s) => `${s.status}-${n}`), setN };
      },
      { wrapper: wrapperFor() },
    );
    expect(result.current.text).toBe('unauthenticated-1');
    act(() => result.current.setN(2));
    expect(result.current.text).toBe('unauthenticated-2');
  });
});

describe('two providers under one QueryClient', () => {
  it('revoking other devices in one leaves the other provider’s list alone', async () => {
    const queryClient = new QueryClient();
    exh.db.createToken(demo.email);
    const other = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });
    await other.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined);
    const second = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory', storageKey: 'second' });
    exh.db.createToken(demo.email);
    await second.authenticate({ email: demo.email, password: demo.password });
    const first = renderHook(() => ({ login: useLogin(), tokens: useTokens(), others: useRevokeOtherTokens() }), { wrapper: wrapperFor({ queryClient }) });
    const secondView = renderHook(() => ({ tokens: useTokens(), revoke: useRevokeToken() }), {
      wrapper: ({ children }) => (<AuthProvider client={second} queryClient={queryClient}>{children}</AuthProvider>),
    });
    await act(() => first.result.current.login.mutateAsync({ email: demo.email, password: demo.password }));
    await waitFor(() => expect(first.result.current.tokens.data?.data).toHaveLength(4));
    await waitFor(() => expect(secondView.result.current.tokens.data).toBeDefined());
    const secondList = secondView.result.current.tokens.data!.data.length;
    const pending = first.result.current.others.mutateAsync();
    // While the first provider revokes, the second one's list is its own: nothing removed from it optimistically.
    await waitFor(() => expect(first.result.current.tokens.data?.data).toHaveLength(1));
    expect(secondView.result.current.tokens.data?.data).toHaveLength(secondList);
    await act(() => pending);
  });

  it('useRevokeOtherTokens signed out fails with UserNotAuthenticatedError', async () => {
    const { result } = renderHook(() => useRevokeOtherTokens(), { wrapper: wrapperFor() });
    await expect(act(() => result.current.mutateAsync())).rejects.toBeInstanceOf(UserNotAuthenticatedError);
  });
});
