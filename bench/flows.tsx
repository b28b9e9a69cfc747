/**
 * Re-renders (React's Profiler) and round trips (the mock's request log) of the package's flows, in
 * jsdom against the mock service. Shared by the bench (bench/flows.bench-run.tsx) and its regression
 * test (test/bench.test.tsx); every figure here is a count, never a time.
 */
import { QueryClient } from '@tanstack/react-query';
import { act, render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, useEffect, useRef, type ComponentType, type FormEvent, type ReactNode } from 'react';
import { createExhClient, memoryStorage, type ExhClient, type StorageAdapter } from '../src/core';
import { totp } from '../src/msw';
import {
  AuthProvider,
  exhQueryKeys,
  RequireAuth,
  useAuth,
  useConfirmMfa,
  useLogin,
  useMe,
  useRevokeToken,
  useSsoToken,
  useTokens,
} from '../src/react';
import { consumerKey, consumerSecret, demo, host, mfaUser, type setupMockExh } from '../test/helpers';

type MockExh = ReturnType<typeof setupMockExh>;

export { LoginForm } from '../src/components';

const emailInput = 'input[autocomplete="username"]';
const passwordInput = 'input[autocomplete="current-password"]';

function Provider({ children, ...props }: { children: ReactNode; client?: ExhClient; queryClient?: QueryClient; storage?: StorageAdapter; consumeSsoTokenFromUrl?: boolean }) {
  const connection = props.client ? { client: props.client } : { host, consumerKey, consumerSecret, storage: props.storage ?? ('memory' as const) };
  return (
    <AuthProvider {...connection} queryClient={props.queryClient} consumeSsoTokenFromUrl={props.consumeSsoTokenFromUrl}>
      {children}
    </AuthProvider>
  );
}

/** Lets late answers, effects and refetches happen, so that a count includes whatever follows a flow. */
const settle = (ms = 100) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

function query<T extends Element>(container: Element, selector: string): T {
  const element = container.querySelector<T>(selector);
  if (!element) throw new Error(`bench: nothing matches ${selector}`);
  return element;
}

async function signedInClient(exh: MockExh, storage: StorageAdapter = memoryStorage()): Promise<ExhClient> {
  const client = createExhClient({ host, consumerKey, consumerSecret, storage });
  await client.authenticate({ email: demo.email, password: demo.password });
  return client;
}

// ─── Re-renders ────────────────────────────────────────────────────────────────────────────────

/** Commits of LoginForm while the user types an email, Tab and a password (focus given first). */
export async function loginFormCommitsPerKeystroke(Form: ComponentType) {
  let commits = 0;
  const user = userEvent.setup();
  const { container } = render(
    <Provider>
      <Profiler id="LoginForm" onRender={() => void commits++}>
        <Form />
      </Profiler>
    </Provider>,
  );
  await user.click(query(container, emailInput));
  commits = 0;
  const typed = `${demo.email}{Tab}${demo.password}`;
  await user.keyboard(typed);
  const keystrokes = demo.email.length + 1 + demo.password.length;
  if (query<HTMLInputElement>(container, passwordInput).value !== demo.password) throw new Error('bench: typing missed the password field');
  return { keystrokes, commits, perKeystroke: commits / keystrokes };
}

/** Commits of a `useAuth((s) => s.status)` consumer while the token list refetches three times (with changes). */
export async function statusConsumerCommitsDuringRefetch(exh: MockExh) {
  const client = await signedInClient(exh);
  const queryClient = new QueryClient();
  let statusCommits = 0;
  let listCommits = 0;
  function Status() {
    return <p>{useAuth((s) => s.status)}</p>;
  }
  function TokenList() {
    const tokens = useTokens();
    return <ul>{tokens.data?.data.map((t) => <li key={t.id}>{t.id}</li>)}</ul>;
  }
  render(
    <Provider client={client} queryClient={queryClient}>
      <Profiler id="status" onRender={() => void statusCommits++}>
        <Status />
      </Profiler>
      <Profiler id="tokens" onRender={() => void listCommits++}>
        <TokenList />
      </Profiler>
    </Provider>,
  );
  await waitFor(() => expect(queryClient.isFetching()).toBe(0));
  statusCommits = 0;
  listCommits = 0;
  const refetches = 3;
  for (let i = 0; i < refetches; i++) {
    exh.db.createToken(demo.email); // a session made elsewhere: the list really changes
    await act(() => queryClient.invalidateQueries({ queryKey: exhQueryKeys.tokens() }));
  }
  await settle();
  queryClient.clear();
  return { refetches, listFetches: exh.db.count('GET', '/auth/v2/oauth1/tokens') - 1, statusCommits, listCommits };
}

function SignedIn({ onShown }: { onShown: () => void }) {
  const shown = useRef(onShown);
  useEffect(() => shown.current(), []);
  return <p>signed in</p>;
}

/** The README's hooks-only sign-in form (no react-hook-form). */
function HookForm() {
  const login = useLogin();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({ email: form.get('email') as string, password: form.get('password') as string });
  };
  return (
    <form onSubmit={onSubmit}>
      <input name="email" type="email" autoComplete="username" />
      <input name="password" type="password" autoComplete="current-password" />
      <button disabled={login.isPending}>Sign in</button>
    </form>
  );
}

/**
 * Commits of the whole tree (AuthProvider › RequireAuth › form | app) from the submit click to the
 * signed-in app, and any that follow it once things settle.
 */
export async function treeCommitsSubmitToSignedIn(Form: ComponentType = HookForm) {
  let commits = 0;
  let untilSignedIn = -1;
  const user = userEvent.setup();
  const { container } = render(
    <Profiler id="tree" onRender={() => void commits++}>
      <Provider>
        <RequireAuth fallback={<Form />}>
          <SignedIn onShown={() => void (untilSignedIn = commits)} />
        </RequireAuth>
      </Provider>
    </Profiler>,
  );
  await user.type(query(container, emailInput), demo.email);
  await user.type(query(container, passwordInput), demo.password);
  commits = 0;
  await user.click(query(container, 'button[type="submit"], button:not([type])'));
  await waitFor(() => expect(untilSignedIn).toBeGreaterThan(0));
  await settle();
  return { untilSignedIn, total: commits };
}

// ─── Round trips ───────────────────────────────────────────────────────────────────────────────

function renderFlow() {
  const view = { current: null as unknown as ReturnType<typeof useFlowHooks> };
  function Probe() {
    view.current = useFlowHooks();
    return null;
  }
  render(
    <Provider>
      <Probe />
    </Provider>,
  );
  return view;
}

function useFlowHooks() {
  return { status: useAuth((s) => s.status), mfa: useAuth((s) => s.mfa), login: useLogin(), confirm: useConfirmMfa(), sso: useSsoToken() };
}

export async function passwordLoginRequests(exh: MockExh) {
  const flow = renderFlow();
  await act(() => flow.current.login.mutateAsync({ email: demo.email, password: demo.password }));
  await settle();
  if (flow.current.status !== 'authenticated') throw new Error('bench: password login did not sign in');
  return exh.db.requests.length;
}

export async function mfaLoginRequests(exh: MockExh) {
  const flow = renderFlow();
  await act(() => flow.current.login.mutateAsync({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined));
  const method = flow.current.mfa!.methods.find((m) => m.type === 'totp')!;
  const code = await totp(mfaUser.mfa!.totpSecret, exh.now());
  await act(() => flow.current.confirm.mutateAsync({ methodId: method.id, code }));
  await settle();
  if (flow.current.status !== 'authenticated') throw new Error('bench: MFA login did not sign in');
  return exh.db.requests.length;
}

/** A reload with a session in (synchronous) storage: requests made before the first signed-in render. */
export async function reloadRequests(exh: MockExh) {
  const storage = memoryStorage();
  await signedInClient(exh, storage);
  exh.db.resetRequests();
  const firstStatuses: string[] = [];
  let requestsAtFirstSignedInRender = -1;
  function Status() {
    firstStatuses.push(useAuth((s) => s.status));
    return null;
  }
  function App() {
    if (requestsAtFirstSignedInRender < 0) requestsAtFirstSignedInRender = exh.db.requests.length;
    useMe(); // a real app asks for data once signed in: that comes after the first render
    return <p>app</p>;
  }
  render(
    <Provider storage={storage}>
      <Status />
      <RequireAuth fallback={<p>sign in</p>} loading={<p>loading</p>}>
        <App />
      </RequireAuth>
    </Provider>,
  );
  await settle();
  return { beforeFirstSignedInRender: requestsAtFirstSignedInRender, firstRenderStatus: firstStatuses[0], after: exh.db.requests.length };
}

/** Revoking another session with a token list on screen: requests, and list refetches among them. */
export async function revokeRequests(exh: MockExh) {
  const client = await signedInClient(exh);
  const other = exh.db.createToken(demo.email);
  const queryClient = new QueryClient();
  const view = { revoke: null as unknown as ReturnType<typeof useRevokeToken> };
  function Sessions() {
    const tokens = useTokens();
    view.revoke = useRevokeToken();
    return <ul>{tokens.data?.data.map((t) => <li key={t.id}>{t.id}</li>)}</ul>;
  }
  render(
    <Provider client={client} queryClient={queryClient}>
      <Sessions />
    </Provider>,
  );
  await waitFor(() => expect(queryClient.getQueryCache().find({ queryKey: exhQueryKeys.tokens(), exact: false })?.state.status).toBe('success'));
  exh.db.resetRequests();
  await act(() => view.revoke.mutateAsync(other.id));
  await settle(300);
  queryClient.clear();
  return { requests: exh.db.requests.length, refetches: exh.db.count('GET', '/auth/v2/oauth1/tokens') };
}

/** Arriving with `?ssoToken=…` (consumeSsoTokenFromUrl): requests until signed in. */
export async function ssoConsumeRequests(exh: MockExh) {
  const { ssoToken } = await (await signedInClient(exh)).generateSsoToken();
  exh.db.resetRequests();
  window.history.replaceState(null, '', `/?ssoToken=${ssoToken}`);
  let status = '';
  function Status() {
    status = useAuth((s) => s.status);
    return null;
  }
  render(
    <Provider consumeSsoTokenFromUrl>
      <Status />
    </Provider>,
  );
  await waitFor(() => expect(status).toBe('authenticated'));
  await settle();
  return exh.db.requests.length;
}
