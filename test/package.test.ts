import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

/** What this test uses of bench/size.mjs (plain JS). */
interface SizeModule {
  ourEntries(from: string, coreFrom: string): Array<{ id: string; name: string; contents: string; external: string[] }>;
  bundleSize(entry: { contents: string; resolveDir: string; external: string[] }): Promise<{ gzip: number }>;
}

/** A user's project with the built package installed (a link to this folder), bundled by esbuild: the modules used. */
async function bundleAsUser(source: string) {
  return (await bundleWithCodeAsUser(source)).inputs;
}

/** The same, with the bundle's code. */
async function bundleWithCodeAsUser(source: string) {
  const project = mkdtempSync(join(tmpdir(), 'exh-user-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'exh-auth-react'), 'dir');
  writeFileSync(join(project, 'entry.js'), source);
  const result = await build({
    entryPoints: [join(project, 'entry.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')], // the package's own dependencies (ky, react-hook-form)
  });
  // Modules that put bytes into the bundle (a tree-shaken module is read but contributes none).
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
  return { inputs, code: result.outputFiles[0]!.text };
}

describe('the built package, as a user’s bundler sees it', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'core.js'))) throw new Error('dist/ is missing: npm test builds it first (npm run build)');
  });

  it('the React entry is a client module for Next.js App Router; core and msw are not', () => {
    const firstLine = (file: string) => readFileSync(join(root, 'dist', file), 'utf8').split('\n', 1)[0];
    expect(firstLine('index.js')).toMatch(/^['"]use client['"];?$/);
    expect(firstLine('core.js')).not.toMatch(/use client/);
    expect(firstLine('msw.js')).not.toMatch(/use client/);
  });

  it('exh-auth-react/core pulls no React', async () => {
    const inputs = await bundleAsUser("export * from 'exh-auth-react/core';");
    expect(inputs.some((i) => /(^|\/)dist\/core/.test(i))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/(react|react-dom|@tanstack|react-hook-form)\//.test(i))).toEqual([]);
  });

  it('the hooks tree-shake react-hook-form and the components away', async () => {
    const inputs = await bundleAsUser(
      "import { AuthProvider, useAuth, useLogin } from 'exh-auth-react'; console.log(AuthProvider, useAuth, useLogin);",
    );
    expect(inputs.some((i) => /(^|\/)dist\/index/.test(i))).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/react/'))).toBe(true);
    // Whole modules that stay out; tree-shaking within a chunk is measured by npm run bench.
    expect(inputs.filter((i) => i.includes('react-hook-form'))).toEqual([]);
  });

  it('a locale is only in the bundles that import it, and brings no component along', async () => {
    // A string of each language that no other one has.
    const phrases = ['Wachtwoord tonen', 'Afficher le mot de passe', 'Passwort anzeigen', 'Mostrar contraseña'];
    const signIn = await bundleWithCodeAsUser(
      "import { AuthProvider, LocaleProvider, LoginForm, MfaMethodPicker } from 'exh-auth-react'; console.log(AuthProvider, LocaleProvider, LoginForm, MfaMethodPicker);",
    );
    expect(signIn.code).toContain('Show password');
    for (const phrase of phrases) expect(signIn.code).not.toContain(phrase);
    expect(signIn.inputs.filter((i) => i.includes('/locales/'))).toEqual([]);

    const dutch = await bundleWithCodeAsUser("import { nl } from 'exh-auth-react/locales/nl'; console.log(nl);");
    expect(dutch.code).toContain('Wachtwoord tonen');
    for (const phrase of phrases.slice(1)) expect(dutch.code).not.toContain(phrase);
    expect(dutch.code).not.toContain('Show password');
    expect(dutch.inputs.filter((i) => /(^|\/)dist\/index|node_modules\/react/.test(i))).toEqual([]);
  });

  it('the sign-in path and the hooks alone are as small built as from src (test/bench.test.tsx holds src to the budgets)', async () => {
    // The built package is one file: a statement the bundler cannot prove pure (an object spread, a class
    // registration) stays in every app's bundle although src/ tree-shakes it. Minified names differ a little
    // between the two builds, hence the 300 B of slack (the leak this guards against was 1.2 kB).
    const { ourEntries, bundleSize } = (await import(/* @vite-ignore */ pathToFileURL(join(root, 'bench', 'size.mjs')).href)) as SizeModule;
    const project = mkdtempSync(join(tmpdir(), 'exh-size-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules', 'exh-auth-react'), 'dir');
    const paths = (entries: ReturnType<SizeModule['ourEntries']>) => entries.filter((e) => e.id === 'a' || e.id === 'b');
    const fromSrc = paths(ourEntries(join(root, 'src', 'index.ts'), join(root, 'src', 'core', 'index.ts')));
    const built = paths(ourEntries('exh-auth-react', 'exh-auth-react/core'));
    for (const [index, entry] of built.entries()) {
      const { gzip } = await bundleSize({ ...entry, resolveDir: project });
      const { gzip: src } = await bundleSize({ ...fromSrc[index]!, resolveDir: root });
      expect(gzip - src, entry.name).toBeLessThanOrEqual(300);
    }
  });
});
