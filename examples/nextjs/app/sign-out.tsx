'use client';

import { useAuth } from 'exh-auth-react';

export function SignOut() {
  const status = useAuth((s) => s.status);
  const logout = useAuth((s) => s.logout);
  if (status !== 'authenticated') return null;
  return (
    <button type="button" onClick={() => void logout()}>
      Sign out
    </button>
  );
}
