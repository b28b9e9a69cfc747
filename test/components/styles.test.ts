import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What the stylesheet does to the page (themes, nesting, system preference) is checked on computed
// styles in Chromium: test/e2e/styles.e2e.ts. Here only that it and the components agree on class names.
const root = join(__dirname, '../..');
const css = readFileSync(join(root, 'src/styles.css'), 'utf8');
// Every component, in every area folder (sign-in/, account/, …).
const components = readdirSync(join(root, 'src/components'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.tsx'))
  .map((file) => readFileSync(join(root, 'src/components', file), 'utf8'))
  .join('\n');

describe('styles.css', () => {
  it('styles only classes the components render, and every element class they render', () => {
    const styled = new Set(css.match(/\.exh-auth[\w-]*/g));
    const rendered = new Set(components.match(/(?<=['" ])exh-auth[\w-]*/g)?.map((name) => `.${name}`));
    expect([...styled].filter((name) => !rendered.has(name))).toEqual([]);
    // Modifiers (`exh-auth--login`) are hooks for the app's own CSS.
    expect([...rendered].filter((name) => !name.includes('--') && !styled.has(name))).toEqual([]);
  });

  it('nests no rule inside another rule and closes every block (an unclosed one swallows every rule after it)', () => {
    const stack: string[] = [];
    const nested: string[] = [];
    let prelude = '';
    for (const char of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
      if (char === '{') {
        const kind = prelude.trim().startsWith('@') ? 'at-rule' : 'rule';
        if (kind === 'rule' && stack.at(-1) === 'rule') nested.push(prelude.trim());
        stack.push(kind);
        prelude = '';
      } else if (char === '}') {
        stack.pop();
        prelude = '';
      } else if (char === ';') prelude = '';
      else prelude += char;
    }
    expect(nested).toEqual([]);
    expect(stack).toEqual([]);
  });
});
