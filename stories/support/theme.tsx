import type { Decorator } from '@storybook/react-vite';
import type { ReactNode } from 'react';

export type ColorScheme = 'light' | 'dark';

/** Page colours of each scheme, as a page using the theme would have them. */
const pageColours: Record<ColorScheme, { background: string; color: string }> = {
  light: { background: '#ffffff', color: '#1b1f24' },
  dark: { background: '#010409', color: '#e6edf3' },
};

/** The stylesheet's own switch: `data-exh-theme` on an ancestor forces a theme whatever the OS says. */
export function ThemeFrame({ scheme, children }: { scheme: ColorScheme; children: ReactNode }) {
  return (
    <div
      data-exh-theme={scheme}
      style={{ colorScheme: scheme, ...pageColours[scheme], padding: '2rem', minHeight: '100vh', boxSizing: 'border-box' }}
    >
      {children}
    </div>
  );
}

/** `parameters: { colorScheme: 'dark' }` renders the story in that theme of the stylesheet. */
export const withColorScheme: Decorator = (Story, { parameters }) => {
  const scheme = parameters.colorScheme as ColorScheme | undefined;
  if (!scheme) return <Story />;
  return (
    <ThemeFrame scheme={scheme}>
      <Story />
    </ThemeFrame>
  );
};
