import type { ExhClient, SessionInfo } from '../core/index.js';

const root = 'exh-auth-react' as const;

/** The scope of one client (host and application), which every session scope of it starts with. */
const clientScope = (client: ExhClient) => `${client.host} ${client.consumerKey} `;

/** The scope of one client's session: data of another host, application or session never matches it. */
export function sessionScope(client: ExhClient, session: SessionInfo | null): string {
  return clientScope(client) + (session?.tokenId ?? '-');
}

/**
 * Query keys of the package, for apps that invalidate or read its queries:
 * `queryClient.invalidateQueries({ queryKey: exhQueryKeys.tokens() })`.
 */
export const exhQueryKeys = {
  all: [root] as const,
  tokens: (scope?: string, rql?: string) =>
    scope === undefined ? ([root, 'tokens'] as const) : ([root, 'tokens', scope, rql ?? ''] as const),
  me: (scope?: string) => (scope === undefined ? ([root, 'me'] as const) : ([root, 'me', scope] as const)),
};

/** True for every query of this client (any session), whatever its kind. */
export function isClientQuery(queryKey: readonly unknown[], client: ExhClient): boolean {
  const scope = queryKey[2];
  return queryKey[0] === root && typeof scope === 'string' && scope.startsWith(clientScope(client));
}
