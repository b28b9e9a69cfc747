import type { ReactNode } from 'react';
import { useAuth } from './useAuth.js';

/** Renders its children only while the session loads: asynchronous storage, the server render, an SSO token exchange. */
export function AuthLoading({ children }: { children?: ReactNode }) {
  return useAuth((s) => s.status === 'loading') ? <>{children}</> : null;
}
