import { render, type RenderOptions } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { AuthProvider, type AuthProviderProps } from '../../src/react';
import { consumerKey, consumerSecret, host } from '../helpers';

/** The `strict` vitest project runs these suites again inside React.StrictMode. */
export const strictMode = process.env.EXH_STRICT === '1';

/** `node` inside StrictMode in the strict project. */
export function maybeStrict(node: ReactNode) {
  return strictMode ? <StrictMode>{node}</StrictMode> : node;
}

type ProviderProps = Partial<AuthProviderProps> & { strict?: boolean };

/** An AuthProvider on the mock host with in-memory storage, in StrictMode when asked or in the strict project. */
export function wrapperFor({ strict = strictMode, ...props }: ProviderProps = {}) {
  return function Wrapper({ children }: { children?: ReactNode }) {
    const provider = (
      <AuthProvider host={host} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory" {...props}>
        {children}
      </AuthProvider>
    );
    return strict ? <StrictMode>{provider}</StrictMode> : provider;
  };
}

/** Renders `ui` inside `wrapperFor(props)`; an outer `options.wrapper` goes around it. */
export function renderWithAuth(ui: ReactNode, props: ProviderProps = {}, options?: RenderOptions) {
  const Wrapper = wrapperFor(props);
  const result = render(<Wrapper>{ui}</Wrapper>, options);
  return { ...result, rerenderWith: (node: ReactNode) => result.rerender(<Wrapper>{node}</Wrapper>) };
}
