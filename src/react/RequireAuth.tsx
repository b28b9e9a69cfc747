import type { ReactNode } from 'react';
import { useAuth } from './useAuth.js';

export interface RequireAuthProps {
  children?: ReactNode;
  /** Shown when signed out or during the MFA step, e.g. `<LoginForm />`. */
  fallback?: ReactNode;
  /** Shown while the session loads (asynchronous storage, server render, SSO exchange). */
  loading?: ReactNode;
}

/** Renders its children only when signed in. */
export function RequireAuth({ children, fallback = null, loading = null }: RequireAuthProps) {
  const status = useAuth((s) => s.status);
  if (status === 'authenticated') return <>{children}</>;
  return <>{status === 'loading' ? loading : fallback}</>;
}
