import type { ReactNode } from 'react';
import { useAuth } from './useAuth.js';

/** Renders its children only when signed in (`status === 'authenticated'`). */
export function SignedIn({ children }: { children?: ReactNode }) {
  return useAuth((s) => s.status === 'authenticated') ? <>{children}</> : null;
}
