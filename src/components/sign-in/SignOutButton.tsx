import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useLogout } from '../../react/index.js';
import { defaultSignOutButtonLabels, type SignOutButtonLabels } from '../labels.js';
import { useLabels } from '../locale.js';
import { classNames } from '../util.js';

export interface SignOutButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** The button's content; default `labels.signOut`. While signing out it shows `labels.signingOut`. */
  children?: ReactNode;
  labels?: Partial<SignOutButtonLabels>;
  /** `false`: clears the local session without revoking the token on the server. Default true. */
  revoke?: boolean;
  /**
   * Called once the sign-out is done, `revoked` telling whether the server revoked the token (false offline: the local
   * session is cleared anyway). Called even when the button has left the page meanwhile (inside `<SignedIn>`, it does).
   */
  onSignedOut?: (result: { revoked: boolean }) => void;
}

/**
 * Signs out: the local session is cleared at once, the token revoked on the server. Any button attribute passes
 * through; an `onClick` that calls `preventDefault()` stops the sign-out.
 */
export function SignOutButton({ children, labels, revoke, onSignedOut, onClick, className, ...button }: SignOutButtonProps) {
  const logout = useLogout();
  const text = useLabels('signOutButton', defaultSignOutButtonLabels, labels);
  const busy = logout.isPending;
  return (
    <button
      type="button"
      {...button}
      className={classNames('exh-auth__sign-out', className)}
      // Not `disabled`: the button keeps the keyboard focus while it works.
      aria-disabled={busy || button['aria-disabled'] || undefined}
      aria-busy={busy || undefined}
      onClick={(event) => {
        onClick?.(event);
        if (busy || event.defaultPrevented) return;
        // The promise, not mutate's callbacks: those are dropped when the button unmounts, as it does in <SignedIn>.
        void logout.mutateAsync(revoke === false ? { revoke } : undefined).then((result) => onSignedOut?.(result));
      }}
    >
      {busy ? text.signingOut : (children ?? text.signOut)}
    </button>
  );
}
