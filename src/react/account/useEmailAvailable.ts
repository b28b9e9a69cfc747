import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { accountApi, type ExhError } from '../../core/index.js';
import { accountQueryKeys } from './accountQueryKeys.js';
import { requestOptions, useExhContext } from '../context.js';
import type { ExhQueryOptions } from '../options.js';

/** TanStack's query options (`select` types `data`; `staleTime` is 60 s unless given), and the debounce. */
export interface UseEmailAvailableOptions<TData = boolean> extends ExhQueryOptions<boolean, TData> {
  /** Milliseconds without a change before the address is checked. Default 400. */
  debounceMs?: number;
}

export type UseEmailAvailableResult<TData = boolean> = UseQueryResult<TData, ExhError> & {
  /** The address the result is for: the typed one once it has stayed unchanged for `debounceMs`. */
  email: string;
  /** The typed address is still waiting for its debounce (or does not look like an address). */
  isDebouncing: boolean;
};

/** Something@something.tld: anything else is not sent (the service would answer it available or 15). */
export const looksLikeEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

/**
 * Whether `email` can be registered, checked while typing: debounced, each address asked once a minute at
 * most (cached per address), addresses that do not look like one never sent.
 */
export function useEmailAvailable<TData = boolean>(
  email: string,
  { debounceMs = 400, enabled = true, ...options }: UseEmailAvailableOptions<TData> = {},
): UseEmailAvailableResult<TData> {
  const { client, queryClient } = useExhContext();
  const typed = email.trim();
  const [settled, setSettled] = useState(typed);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(typed), debounceMs);
    return () => clearTimeout(timer);
  }, [typed, debounceMs]);
  const result = useQuery<boolean, ExhError, TData>(
    {
      staleTime: 60_000,
      ...options,
      queryKey: accountQueryKeys.emailAvailable(client.host, settled),
      queryFn: () => accountApi(client).isEmailAvailable(settled),
      enabled: looksLikeEmail(settled) && enabled,
      ...requestOptions,
    },
    queryClient,
  );
  return { ...result, email: settled, isDebouncing: settled !== typed };
}
