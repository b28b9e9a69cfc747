import type { ComponentType } from 'react';
import { RequireAuth, type AuthRequiredOptions } from './RequireAuth.js';

/**
 * `Component` behind a `RequireAuth` gate: rendered with its props when signed in; else `fallback`, `onUnauthenticated`
 * or a `navigate` to `redirectTo` (see `RequireAuth`).
 */
export function withAuthRequired<Props extends object>(Component: ComponentType<Props>, options: AuthRequiredOptions = {}) {
  function WithAuthRequired(props: Props) {
    return (
      <RequireAuth {...options}>
        <Component {...props} />
      </RequireAuth>
    );
  }
  WithAuthRequired.displayName = `withAuthRequired(${Component.displayName || Component.name || 'Component'})`;
  return WithAuthRequired;
}
