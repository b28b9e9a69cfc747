import type { ExhClient } from '../core/index.js';

const root = 'exh-auth-react' as const;

/**
 * Keys are `[root, scope]`, the scope an object: TanStack Query matches objects by their fields, so any
 * subset of `{ client, session, kind, rql }` finds the matching queries and mutations.
 */
export interface ExhKeyScope {
  /** One id per client instance: two providers on one host and application never touch each other's data. */
  client?: string;
  /** The session's token id (`'-'` signed out). */
  session?: string;
  kind?: string;
  rql?: string;
}

export type ExhQueryKey = readonly [typeof root, ExhKeyScope];

const clientIds = new WeakMap<ExhClient, string>();

/** The client instance's id: random, so it cannot match another instance's, in this page or in a persisted cache. */
export function clientId(client: ExhClient): string {
  let id = clientIds.get(client);
  if (!id) clientIds.set(client, (id = Math.random().toString(36).slice(2)));
  return id;
}

/** Every key of one client (all its sessions), or one of its sessions' keys when `tokenId` is given. */
export function scopeOf(client: ExhClient, tokenId?: string | null, kind?: string): ExhQueryKey {
  return [root, { client: clientId(client), ...(tokenId !== undefined && { session: tokenId ?? '-' }), ...(kind && { kind }) }];
}

/**
 * Query keys of the package across every provider, for apps that invalidate or read its queries:
 * `queryClient.invalidateQueries({ queryKey: exhQueryKeys.tokens() })`. `useExhQueryKeys()` gives the
 * keys of the current provider and session.
 */
export const exhQueryKeys = {
  all: [root] as const,
  tokens: (): ExhQueryKey => [root, { kind: 'tokens' }],
  me: (): ExhQueryKey => [root, { kind: 'me' }],
};

/** The key of one `useTokens` list (rql `''` for the default list). */
export const tokensKey = (client: ExhClient, tokenId: string | null, rql?: string): ExhQueryKey => [
  root,
  { ...scopeOf(client, tokenId, 'tokens')[1], rql: rql ?? '' },
];

/** The key of every mutation of a kind, for one client: the cache finds (and removes) them by it. */
export const mutationKey = (client: ExhClient, kind: string) => scopeOf(client, undefined, kind);
