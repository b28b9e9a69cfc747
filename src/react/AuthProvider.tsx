import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createExhClient, type ExhClient, type SessionInfo, type StorageOption } from '../core/index.js';
import { withoutSecret } from '../core/data.js';
import { decodeFormComponent } from '../core/signer.js';
import { ExhContext } from './context.js';
import { isClientQuery } from './queryKeys.js';

export interface AuthProviderProps {
  /** The cluster's API host. Changing it (or the consumer props) builds a new client and signs the old one out. */
  host?: string;
  consumerKey?: string;
  consumerSecret?: string;
  /** Where the session is kept: `'local'` (default, shared by the tabs of an origin), `'session'`, `'memory'` or an adapter. */
  storage?: StorageOption;
  /** A client made with `createExhClient`, used instead of the props above. */
  client?: ExhClient;
  /** The app's QueryClient. Default: the one of a QueryClientProvider above, else one of the provider's own. */
  queryClient?: QueryClient;
  /** Signs in with an SSO token from this query parameter (`true`: `ssoToken`) once, then removes it from the URL. */
  consumeSsoTokenFromUrl?: boolean | string;
  /** Called when the session changes after mount: sign-in, sign-out, revoked, another tab. */
  onSessionChange?: (session: SessionInfo | null) => void;
  children?: ReactNode;
}

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

function useClient(props: AuthProviderProps): ExhClient {
  const { client, host, consumerKey, consumerSecret, storage } = props;
  const made = useMemo(() => {
    if (client) return client;
    if (!host || !consumerKey || consumerSecret === undefined) {
      throw new Error('exh-auth-react: <AuthProvider> needs `client`, or `host`, `consumerKey` and `consumerSecret`');
    }
    return createExhClient({ host, consumerKey, consumerSecret, storage });
  }, [client, host, consumerKey, consumerSecret, storage]);

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
  const onSessionChange = useRef(props.onSessionChange);
  onSessionChange.current = props.onSessionChange;

  // No data of a previous session survives a sign-out, a revoked token or another user's sign-in.
  useEffect(() => {
    let tokenId = client.getSession()?.tokenId;
    return client.subscribe(() => {
      const session = client.getSession();
      if (session?.tokenId === tokenId) return;
      tokenId = session?.tokenId;
      queryClient.removeQueries({ predicate: (query) => isClientQuery(query.queryKey, client) });
      onSessionChange.current?.(session && withoutSecret(session));
    });
  }, [client, queryClient]);

  const ssoParameter = props.consumeSsoTokenFromUrl === true ? 'ssoToken' : props.consumeSsoTokenFromUrl || null;
  // Before the first paint, so a user arriving with a token sees 'loading', not the sign-in form.
  useIsomorphicLayoutEffect(() => {
    if (!ssoParameter) return;
    const url = new URL(window.location.href);
    const ssoToken = url.searchParams.get(ssoParameter);
    if (!ssoToken) return;
    // Removed before the exchange: StrictMode's second run and a reload find nothing to consume again.
    // The other parameters keep their exact text (URLSearchParams would re-encode them).
    const isSsoPart = (part: string) => decodeFormComponent(part.split('=', 1)[0]!) === ssoParameter;
    url.search = url.search.slice(1).split('&').filter((part) => !isSsoPart(part)).join('&');
    window.history.replaceState(window.history.state, '', url.href);
    client.consumeSsoToken(ssoToken).catch(() => undefined); // the failure is in useAuth().error
  }, [client, ssoParameter]);

  const value = useMemo(() => ({ client, queryClient }), [client, queryClient]);
  return <ExhContext.Provider value={value}>{props.children}</ExhContext.Provider>;
}
