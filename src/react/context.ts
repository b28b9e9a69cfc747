import { createContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ExhClient } from '../core';

export interface ExhContextValue {
  client: ExhClient;
  queryClient: QueryClient;
}

export const ExhContext = createContext<ExhContextValue | null>(null);
