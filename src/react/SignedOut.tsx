import type { ReactNode } from 'react';
import { useAuth } from './useAuth.js';

/**
 * Renders its children only when signed out, the MFA step included (a password alone signs no one in): the
 * same rule as `RequireAuth`'s fallback. Nothing while the session loads (`AuthLoading` is for that).
 */
export function SignedOut({ children }: { children?: ReactNode }) {
  return useAuth((s) => s.status === 'unauthenticated' || s.status === 'mfaRequired') ? <>{children}</> : null;
}
