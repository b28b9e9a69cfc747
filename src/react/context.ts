import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ExhClient } from '../core/index.js';

export interface ExhContextValue {
  client: ExhClient;
  queryClient: QueryClient;
}

export const ExhContext = createContext<ExhContextValue | null>(null);

/** The provider's client and QueryClient; every hook of the package reads them from here. */
export function useExhContext(): ExhContextValue {
  const value = useContext(ExhContext);
  if (!value) throw new Error('exh-auth-react: wrap your app in <AuthProvider> before using its hooks');
  return value;
}

/**
 * Set on every query and mutation of the package, whatever the app's QueryClient defaults say: ky
 * already retries what is safe to retry (never a POST), and offline is a NetworkError to show, not a pause.
 */
export const requestOptions = { retry: false, networkMode: 'always' } as const;
