import { useMutation, type MutationKey, type UseMutationOptions, type UseMutationResult, type UseQueryOptions } from '@tanstack/react-query';
import type { ExhError, ExhUser } from '../core/index.js';
import { requestOptions, useExhContext } from './context.js';
import { scopeOf } from './queryKeys.js';

/**
 * Apps describe their user here, once: `declare module 'exh-auth-react' { interface Register { user: MyUser } }`
 * types `useMe()`, `useUpdateProfile()` and `useRegister()` with `MyUser` (best written as `ExhUser & { … }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the app's declaration merging
export interface Register {}

/** The user of `useMe()`: `Register['user']` when the app declares one, else `ExhUser`. */
export type User = Register extends { user: infer U } ? U : ExhUser;

/** Set by the package on every query and mutation (see `requestOptions`), whatever the app passes. */
type PackageOwned = 'retry' | 'retryDelay' | 'networkMode';

/** TanStack Query's query options, but the key, the function and the package's own. `select` types `data`. */
export type ExhQueryOptions<TQueryFnData, TData = TQueryFnData> = Omit<
  UseQueryOptions<TQueryFnData, ExhError, TData>,
  'queryKey' | 'queryFn' | PackageOwned
>;

/** TanStack Query's mutation options, but the key, the function and the package's own. */
export type ExhMutationOptions<TData, TVariables, TContext = unknown> = Omit<
  UseMutationOptions<TData, ExhError, TVariables, TContext>,
  'mutationKey' | 'mutationFn' | PackageOwned
>;

/**
 * A mutation of the package: the app's options, then the package's own on top. The package's cache updates
 * are in `mutationFn` itself, so the app's `onMutate`, `onSuccess`, `onError` and `onSettled` are wholly its
 * own, and run after them.
 */
export function useExhMutation<TData, TVariables, TContext>(
  options: ExhMutationOptions<TData, TVariables, TContext> | undefined,
  own: { mutationKey?: MutationKey; mutationFn: (variables: TVariables) => Promise<TData>; gcTime?: number },
): UseMutationResult<TData, ExhError, TVariables, TContext> {
  const { client, queryClient } = useExhContext();
  // Keyed by the client at least, so that a session change finds (and removes) it with the others.
  return useMutation({ ...options, ...requestOptions, mutationKey: scopeOf(client), ...own }, queryClient);
}
