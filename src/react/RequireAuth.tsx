import { useEffect, useRef, type ReactNode } from 'react';
import { saveReturnTo } from './returnTo.js';
import { useAuth } from './useAuth.js';

/** What a gate does for a signed-out user besides showing its fallback. */
export interface AuthRequiredOptions {
  /** Shown when signed out or during the MFA step, e.g. `<LoginForm />`. */
  fallback?: ReactNode;
  /** Shown while the session loads (asynchronous storage, server render, SSO exchange). */
  loading?: ReactNode;
  /** Called once each time the gate finds the user signed out (or at the MFA step), after render. */
  onUnauthenticated?: () => void;
  /**
   * The app router's navigation, e.g. `(to) => router.replace(to)`. With `redirectTo`, a signed-out user is sent there,
   * once, after `returnTo` is kept for `takeReturnTo()` on the sign-in route.
   */
  navigate?: (to: string) => void;
  /** The sign-in route `navigate` goes to, e.g. `/sign-in`. */
  redirectTo?: string;
  /** Where to come back after sign-in: a same-origin path. Default: the current path, query and hash. */
  returnTo?: string;
}

export interface RequireAuthProps extends AuthRequiredOptions {
  children?: ReactNode;
}

/** Renders its children only when signed in; else its fallback, and optionally sends the user to sign in. */
export function RequireAuth({ children, fallback = null, loading = null, ...options }: RequireAuthProps) {
  const status = useAuth((s) => s.status);
  const signedOut = status === 'unauthenticated' || status === 'mfaRequired';
  const latest = useRef(options);
  latest.current = options;
  // Once per time signed out, StrictMode's second effect run included: a router push twice would add a history entry.
  const sent = useRef(false);
  useEffect(() => {
    if (!signedOut) {
      sent.current = false;
      return;
    }
    if (sent.current) return;
    sent.current = true;
    const { onUnauthenticated, navigate, redirectTo, returnTo } = latest.current;
    onUnauthenticated?.();
    if (navigate && redirectTo) {
      saveReturnTo(returnTo);
      navigate(redirectTo);
    }
  }, [signedOut]);
  if (status === 'authenticated') return <>{children}</>;
  return <>{status === 'loading' ? loading : fallback}</>;
}
