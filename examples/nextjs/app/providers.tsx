'use client';

import { AuthProvider, createExhClient } from 'exh-auth-react';
import { useEffect, useState, type ReactNode } from 'react';
import { exh, fetchThroughMock, startMock } from './mock';

/**
 * The client boundary: AuthProvider and the client live here, one client per browser tab (and one per
 * server render, where the session is never read: the server renders the 'loading' state).
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => createExhClient({ ...exh, fetch: fetchThroughMock }));
  useEffect(() => void startMock(), []);
  return <AuthProvider client={client}>{children}</AuthProvider>;
}
