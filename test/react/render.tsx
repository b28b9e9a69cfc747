import { render, type RenderOptions } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { AuthProvider, type AuthProviderProps } from '../../src/react';
import { consumerKey, consumerSecret, host } from '../helpers';

/** Renders `ui` inside an AuthProvider on the mock host (StrictMode with `strict`). */
export function renderWithAuth(
  ui: ReactNode,
  { strict = false, ...props }: Partial<AuthProviderProps> & { strict?: boolean } = {},
  options?: RenderOptions,
) {
  const tree = (node: ReactNode) => {
    const provider = (
      <AuthProvider host={host} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory" {...props}>
        {node}
      </AuthProvider>
    );
    return strict ? <StrictMode>{provider}</StrictMode> : provider;
  };
  const result = render(tree(ui), options);
  return { ...result, rerenderWith: (node: ReactNode) => result.rerender(tree(node)) };
}
