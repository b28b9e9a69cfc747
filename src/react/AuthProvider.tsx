import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createExhClient, type ExhClient, type SessionInfo, type StorageOption } from '../core/index.js';
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
  children?: ReactNode;
}

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
    let tokenId = client.getState().session?.tokenId;
    return client.subscribe(() => {
      const { session } = client.getState();
      if (session?.tokenId === tokenId) return;
      tokenId = session?.tokenId;
      queryClient.removeQueries({ queryKey: scopeOf(client) });
      const mutations = queryClient.getMutationCache();
      // A pending one is the change's own cause (login, logout); its result holds no secret.
      for (const mutation of mutations.findAll({ mutationKey: scopeOf(client) })) {
        if (mutation.state.status !== 'pending') mutations.remove(mutation);
      }
      callbacks.current.onSessionChange?.(session);
    });
  }, [client, queryClient]);

  const ssoParameter = props.consumeSsoTokenFromUrl === true ? 'ssoToken' : props.consumeSsoTokenFromUrl || null;
  // Taken from the URL at once, used once the stored session is known (asynchronous storage may still be reading it).
  const pendingSso = useRef<string | null>(null);
  // Before the first paint, so a user arriving with a token sees 'loading', not the sign-in form.
  useIsomorphicLayoutEffect(() => {
    if (!ssoParameter) return;
    const url = new URL(window.location.href);
    const fromUrl = url.searchParams.get(ssoParameter);
    if (fromUrl) {
      // Removed before the exchange: StrictMode's second run and a reload find nothing to consume again.
      // The other parameters keep their exact text (URLSearchParams would re-encode them).
      const isSsoPart = (part: string) => decodeFormComponent(part.split('=', 1)[0]!) === ssoParameter;
      url.search = url.search.slice(1).split('&').filter((part) => !isSsoPart(part)).join('&');
      window.history.replaceState(window.history.state, '', url.href);
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
