import { render, renderHook, type RenderHookOptions, type RenderOptions } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AuthProvider, type AuthProviderProps } from '../../src/react';
import { consumerKey, consumerSecret, host } from '../helpers';

/**
 * The `strict` vitest project runs these suites again with StrictMode at the root of every render
 * (test/strict.setup.ts); `strict: true` asks for it in the default project too.
 */
type ProviderProps = Partial<AuthProviderProps> & { strict?: boolean };

/** An AuthProvider on the mock host with in-memory storage. */
export function wrapperFor({ strict: _strict, ...props }: ProviderProps = {}) {
  return function Wrapper({ children }: { children?: ReactNode }) {
    return (
      <AuthProvider host={host} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory" {...props}>
        {children}
      </AuthProvider>
    );
  };
}

/** StrictMode at the root when asked; otherwise the project's setting (RTL's configure) decides. */
const rootStrictMode = (strict: boolean | undefined) => (strict ? { reactStrictMode: true } : {});

/** Renders `ui` inside `wrapperFor(props)`; an outer `options.wrapper` goes around it. */
export function renderWithAuth(ui: ReactNode, props: ProviderProps = {}, options?: RenderOptions) {
  const Wrapper = wrapperFor(props);
  const result = render(<Wrapper>{ui}</Wrapper>, { ...rootStrictMode(props.strict), ...options });
  return { ...result, rerenderWith: (node: ReactNode) => result.rerender(<Wrapper>{node}</Wrapper>) };
}

/** renderHook inside `wrapperFor(props)`, with StrictMode at the root when `props.strict`. */
export function renderHookWithAuth<Result>(hook: () => Result, props: ProviderProps = {}, options?: RenderHookOptions<unknown>) {
  return renderHook(hook, { wrapper: wrapperFor(props), ...rootStrictMode(props.strict), ...options });
}
