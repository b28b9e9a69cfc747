import { useContext } from 'react';
import { ExhContext, type ExhContextValue } from './context';

/** The provider's client and QueryClient; every hook of the package reads them from here. */
export function useExhContext(): ExhContextValue {
  const value = useContext(ExhContext);
  if (!value) throw new Error('exh-auth-react: wrap your app in <AuthProvider> before using its hooks');
  return value;
}
