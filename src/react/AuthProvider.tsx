import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createExhClient, OAuthTokenError, type ExhClient, type ExhError, type SessionInfo, type StorageOption } from '../core/index.js';
import { callSafely, loadingState, signedOutElsewhere } from '../core/session-store.js';
import { decodeFormComponent } from '../core/signer.js';
import { ExhContext } from './context.js';
import { scopeOf } from './queryKeys.js';

export interface AuthProviderProps {
  /**
   * The cluster's API host. The client is made once per host, consumer key and secret and storage kind:
   * changing one of them makes a new client and signs the old session out; a re-render never does.
   */
  host?: string;
  consumerKey?: string;
  consumerSecret?: string;
  /**
   * Where the session is kept: `'local'` (default, shared by the tabs of an origin), `'session'`, `'memory'`
   * or an adapter. An adapter is read once, when the client is made: a new adapter object changes nothing.
   */
  storage?: StorageOption;
  /** A client made with `createExhClient`, used instead of the props above. */
  client?: ExhClient;
  /** The app's QueryClient. Default: the one of a QueryClientProvider above, else one of the provider's own. */
  queryClient?: QueryClient;
  /** Signs in with an SSO token from this query parameter (`true`: `ssoToken`) once, then removes it from the URL. */
  consumeSsoTokenFromUrl?: boolean | string;
  /**
   * What an SSO token in the URL does while a user is signed in. `'ignore'` (default): it is removed from
   * the URL unused and handed to `onSsoTokenIgnored`, so a crafted link cannot switch the user's account.
   * `'switch'`: the current session is signed out (its token revoked), then the SSO token signs in.
   */
  ssoTokenWhileSignedIn?: 'ignore' | 'switch';
  /** Called with an SSO token from the URL left unused because a user was signed in (`ssoTokenWhileSignedIn: 'ignore'`). */
  onSsoTokenIgnored?: (ssoToken: string) => void;
  /** Called when the session changes after mount: sign-in, sign-out, revoked, another tab. */
  onSessionChange?: (session: SessionInfo | null) => void;
  /**
   * A session began after mount: this tab signed in (password, MFA, SSO token) or another tab did. A session
   * restored from storage at load is no sign-in: `useAuth()` has it.
   */
  onSignedIn?: (session: SessionInfo) => void;
  /** The session ended (before `onSignedIn` when another replaced it), saying why: see `SignOutReason`. */
  onSignedOut?: (reason: SignOutReason) => void;
  /**
   * A session or a sign-in ended on its own, with the error `useAuth().error` now holds: a refused token (108,
   * `OAuthTokenError`), a password reset (`SessionEndedByPasswordResetError`), a failed SSO token exchange, an
   * expired or refused MFA step (131). A form's own errors (a wrong password…) are its mutation's, not this.
   */
  onError?: (error: ExhError) => void;
  children?: ReactNode;
}

/**
 * Why a session ended. `'logout'`: this tab signed out (`logout()`, `useLogout`, `SignOutButton`, or revoking its own
 * token). `'revoked'`: the service refused the token (108), e.g. revoked from another device. `'password-reset'`: this
 * tab reset the signed-in user's password. `'other-tab'`: another tab signed out, or signed in as someone else (also
 * said when this tab signs in over a session without signing out first, which the drop-ins never do). `'expired'`:
 * never sent by ExH today (its OAuth1 tokens do not expire; a dead token is a 108, so `'revoked'`).
 */
export type SignOutReason = 'logout' | 'revoked' | 'expired' | 'password-reset' | 'other-tab';

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

function useClient(props: AuthProviderProps): ExhClient {
  const { client, host, consumerKey, consumerSecret, storage } = props;
  // Compared by value: an inline adapter object or a dropped memo is the same configuration.
  const config = JSON.stringify([host, consumerKey, consumerSecret, typeof storage === 'object' || (storage ?? 'local')]);
  const make = () => {
    if (!host || !consumerKey || consumerSecret === undefined) {
      throw new Error('exh-auth-react: <AuthProvider> needs `client`, or `host`, `consumerKey` and `consumerSecret`');
    }
    return { config, client: createExhClient({ host, consumerKey, consumerSecret, storage }) };
  };
  const [own, setOwn] = useState(() => (client ? null : make()));
  let current = own;
  if (!client && own?.config !== config) {
    // A real change of configuration: a new client, stored before the render commits (React renders again at once).
    current = make();
    setOwn(current);
  }
  const made = client ?? current!.client;

  // A client replaced at run time (new host or keys) signs its session out, once, StrictMode or not.
  const previous = useRef(made);
  useEffect(() => {
    if (previous.current !== made) void previous.current.logout();
    previous.current = made;
  }, [made]);
  return made;
}

function useOwnOrAppQueryClient(given: QueryClient | undefined): QueryClient {
  const fromContext = useContext(QueryClientContext);
  const [own] = useState(() => (given || fromContext ? null : new QueryClient()));
  useEffect(() => {
    own?.mount();
    return () => own?.unmount();
  }, [own]);
  return given ?? fromContext ?? own!;
}

/** Wraps an app root: one ExH client, its session state and the queries of the hooks. */
export function AuthProvider(props: AuthProviderProps) {
  const client = useClient(props);
  const queryClient = useOwnOrAppQueryClient(props.queryClient);
  const callbacks = useRef(props);
  callbacks.current = props;

  // No data of a previous session survives a sign-out, a revoked token or another user's sign-in: not its
  // queries, nor its settled mutations (a generated SSO token is a sign-in credential).
  useEffect(() => {
    let last = client.getState();
    // Each of the app's callbacks on its own: one that throws is reported, and the others still run.
    const emit = <Name extends 'onSessionChange' | 'onSignedIn' | 'onSignedOut' | 'onError'>(
      name: Name,
      value: Parameters<NonNullable<AuthProviderProps[Name]>>[0],
    ) => callSafely(callbacks.current[name] as ((value: unknown) => void) | undefined, value);
    return client.subscribe(() => {
      const previous = last;
      const state = (last = client.getState());
      const { session, error } = state;
      if (session?.tokenId !== previous.session?.tokenId) {
        queryClient.removeQueries({ queryKey: scopeOf(client) });
        const mutations = queryClient.getMutationCache();
        // A pending one is the change's own cause (login, logout); its result holds no secret.
        for (const mutation of mutations.findAll({ mutationKey: scopeOf(client) })) {
          if (mutation.state.status !== 'pending') mutations.remove(mutation);
        }
        emit('onSessionChange', session);
        if (previous.session) {
          // A 108's class, or its one subclass (SessionEndedByPasswordResetError, not imported: it is not in every bundle).
          const reason =
            state === signedOutElsewhere || session
              ? 'other-tab'
              : error instanceof OAuthTokenError
                ? error.constructor === OAuthTokenError
                  ? 'revoked'
                  : 'password-reset'
                : 'logout';
          emit('onSignedOut', reason);
        }
        // Out of the first read of an asynchronous storage: a restored session, not a sign-in.
        if (session && previous !== loadingState) emit('onSignedIn', session);
      }
      if (error && error !== previous.error) emit('onError', error);
    });
  }, [client, queryClient]);

  const ssoParameter = props.consumeSsoTokenFromUrl === true ? 'ssoToken' : props.consumeSsoTokenFromUrl || null;
  // Taken from the URL at once, used once the stored session is known (asynchronous storage may still be reading it).
  const pendingSso = useRef<string | null>(null);
  // Before the first paint, so a user arriving with a token sees 'loading', not the sign-in form.
  useIsomorphicLayoutEffect(() => {
    if (!ssoParameter) return;
    const url = new URL(location.href);
    const fromUrl = url.searchParams.get(ssoParameter);
    if (fromUrl) {
      // Removed before the exchange: StrictMode's second run and a reload find nothing to consume again.
      // The other parameters keep their exact text (URLSearchParams would re-encode them).
      url.search = url.search.slice(1).split('&').filter((part) => decodeFormComponent(part.split('=', 1)[0]!) !== ssoParameter).join('&');
      history.replaceState(history.state, '', url.href);
      pendingSso.current = fromUrl;
    }
    const use = () => {
      const ssoToken = pendingSso.current;
      const { status } = client.getState();
      if (!ssoToken || status === 'loading') return;
      pendingSso.current = null;
      const consume = () => client.consumeSsoToken(ssoToken).catch(() => undefined); // the failure is in useAuth().error
      if (status !== 'authenticated') void consume();
      // Signed in: a link must not silently switch the user's account (login CSRF).
      else if (callbacks.current.ssoTokenWhileSignedIn === 'switch') void client.logout().then(consume);
      else callbacks.current.onSsoTokenIgnored?.(ssoToken);
    };
    use();
    return pendingSso.current ? client.subscribe(use) : undefined;
  }, [client, ssoParameter]);

  const value = useMemo(() => ({ client, queryClient }), [client, queryClient]);
  return <ExhContext.Provider value={value}>{props.children}</ExhContext.Provider>;
}
