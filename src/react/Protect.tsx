import type { ReactNode } from 'react';
import { hasPermission } from '../core/index.js';
import { useAuth } from './useAuth.js';
import { useMe } from './useMe.js';

export interface ProtectProps {
  /** A permission name, e.g. `VIEW_PATIENTS`. */
  permission: string;
  /** Also accept the permission from a role of the user's staff enlistment in this group. */
  groupId?: string;
  children?: ReactNode;
  /** Shown when signed out or without the permission. */
  fallback?: ReactNode;
  /** Shown while the user is loading. */
  loading?: ReactNode;
}

/**
 * Renders its children only when the signed-in user has `permission` (`hasPermission`). A gate for the UI:
 * it hides what the user cannot use, it secures nothing. The service checks permissions on every call (10).
 */
export function Protect({ permission, groupId, children, fallback = null, loading = null }: ProtectProps) {
  const me = useMe();
  // While the session itself loads (asynchronous storage, an SSO token), the user query has not started yet.
  const sessionLoading = useAuth((s) => s.status === 'loading');
  if (sessionLoading || (me.isPending && me.fetchStatus !== 'idle')) return <>{loading}</>;
  return <>{hasPermission(me.data, permission, { groupId }) ? children : fallback}</>;
}
