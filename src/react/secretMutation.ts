import type { MutateOptions, UseMutationResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ExhError } from '../core/index.js';
import { useExhMutation, type ExhMutationOptions } from './options.js';

// Each call's variables are a new object, so one map serves every hook: a secret lives here only until its request starts.
const secrets = new WeakMap<object, unknown>();

export type SecretMutationResult<Data, Input, Variables, Context = unknown> = Omit<
  UseMutationResult<Data, ExhError, Variables, Context>,
  'mutate' | 'mutateAsync'
> & {
  mutate: (input: Input, options?: MutateOptions<Data, ExhError, Variables, Context>) => void;
  mutateAsync: (input: Input, options?: MutateOptions<Data, ExhError, Variables, Context>) => Promise<Data>;
};

/**
 * A mutation whose input holds a secret (a password): `split` returns what the mutation may remember (its
 * `variables`, a new object each call) and the secret, which `run` gets once and no cache ever holds.
 * `options` are the app's (their callbacks see the variables, never the secret).
 */
export function useSecretMutation<Data, Input, Variables extends object, Secret, Context>(
  split: (input: Input) => [Variables, Secret],
  run: (variables: Variables, secret: Secret | undefined) => Promise<Data>,
  options: ExhMutationOptions<Data, Variables, Context> | undefined,
): SecretMutationResult<Data, Input, Variables, Context> {
  const mutation = useExhMutation(options, {
    mutationFn: (variables) => {
      const secret = secrets.get(variables) as Secret | undefined;
      secrets.delete(variables);
      return run(variables, secret);
    },
  });
  const { mutate, mutateAsync } = mutation;
  const withSecret = useMemo(() => {
    type Call = (variables: Variables, options?: MutateOptions<Data, ExhError, Variables, Context>) => unknown;
    /** `call` with the input's secret set aside for mutationFn. */
    const wrap = <F extends Call>(call: F) => (input: Input, options?: MutateOptions<Data, ExhError, Variables, Context>) => {
      const [variables, secret] = split(input);
      secrets.set(variables, secret);
      return call(variables, options) as ReturnType<F>;
    };
    return { mutate: wrap(mutate), mutateAsync: wrap(mutateAsync) };
    // `split` is a module-level function of each hook.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mutate, mutateAsync]);
  return { ...mutation, ...withSecret };
}
