import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const css = readFileSync(join(root, 'src/styles.css'), 'utf8');
const components = readdirSync(join(root, 'src/components'))
  .filter((file) => file.endsWith('.tsx'))
  .map((file) => readFileSync(join(root, 'src/components', file), 'utf8'))
  .join('\n');

describe('styles.css', () => {
  it('themes through --exh-* custom properties on the .exh-auth root', () => {
    const rootRule = /\.exh-auth\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rootRule).toMatch(/--exh-color-text:/);
    expect(rootRule).toMatch(/--exh-color-accent:/);
    expect(rootRule).toMatch(/color:\s*var\(--exh-color-text\)/);
  });

  it('has a dark theme, from the system or forced with data-exh-theme, and respects reduced motion', () => {
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*\.exh-auth:not\(\[data-exh-theme='light'\][^{]*\{[^}]*color-scheme: dark;[^}]*--exh-color-bg:/);
    expect(css).toMatch(/\[data-exh-theme='dark'\] \.exh-auth,\s*\.exh-auth\[data-exh-theme='dark'\]\s*\{[^}]*color-scheme: dark;[^}]*--exh-color-bg:/);
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*\{[^}]*transition: none/);
  });

  it('styles only classes the components render, and every element class they render', () => {
    const styled = new Set(css.match(/\.exh-auth[\w-]*/g));
    const rendered = new Set(components.match(/(?<=['" ])exh-auth[\w-]*/g)?.map((name) => `.${name}`));
    expect([...styled].filter((name) => !rendered.has(name))).toEqual([]);
    // Modifiers (`exh-auth--login`) are hooks for the app's own CSS.
    expect([...rendered].filter((name) => !name.includes('--') && !styled.has(name))).toEqual([]);
  });
});
