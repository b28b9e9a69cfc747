// Bundle size: esbuild (minify, ESM, browser) then gzip -9, as a user's bundler would ship it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(root, '.bench-cache');

/** What the app already has: never counted, for us and for the peers alike. */
export const appExternals = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];
/** For "our own code alone": our two dependencies are left out too. */
export const ownCodeExternals = [...appExternals, 'ky', 'react-hook-form', 'lean-qr', 'lean-qr/nano'];

/** What an app with the drop-in sign-in imports: the provider, the hooks and the two sign-in components. */
export const signInPath = () => [...hooksOnly, 'LoginForm', 'MfaMethodPicker'];

export const hooksOnly = ['AuthProvider', 'useAuth', 'useLogin', 'useConfirmMfa', 'useTokens', 'useRevokeToken', 'useSsoToken'];

/**
 * Ours. `from` is the module specifier of the package root ('exh-auth-react', or a path to src/index.ts).
 * `target` is the issue's; `budget` is the ceiling test/bench.test.tsx holds where the target is not met yet (or, met, to keep a gain):
 * the figure when the budget was set plus 150 B, because the minifier's names (and so the gzip size) vary by
 * about 100 B with the checkout's path. (a) carries ky's 5.1 kB, (b) ky's 5.1 kB.
 * Lower a budget when the figure drops; never raise it to let a change through. Budgets were last set after
 * the correctness work (answer formats, supersession, per-client keys, revoke rollback, listener isolation):
 * +1.3 kB on (a) and +1.0 kB on (b) since the first bench. New features live outside (a) and (b) (the account
 * API and its components are tree-shaken away from them): (e) and (d) measure everything, and were set again
 * when the account components landed (+7.7 kB on (e): six forms, their labels and the password checklist), and again
 * when ActiveSessions landed (+2.5 kB on (d) and (e): the component, its labels and the relative-time helper), and
 * when the MFA settings landed: +1.0 kB on (c) (mfaApi with its presence token, otpauthUri, hasPermission), +7.7 kB on
 * (d) and +9.9 kB on (e) (ConfirmPresence, MfaSetup, MfaSettings, AccountSecurity, Protect, their hooks and labels,
 * and lean-qr's 2.1 kB in (e)). (a) and (b) did not grow. Then: the locale lookup (+53 B), useAuth's isAuthenticated
 * and isLoading (+20 B) and the provider's events (+135 B) reached every path, and leaner error classes and provider
 * code took 67 B back; LoginForm dropped react-hook-form for its own few lines of validation when the sign-in card
 * landed (header, footer, eye button, the MFA step's heading, account line and method link), so (a) fell from 28.0 kB
 * to about 15.6 kB and its budget holds the gain; (d) and (e) grew by the gates, redirects, SignOutButton, the locale
 * lookup and the card.
 */
export function ourEntries(from, coreFrom, localeFrom = (lang) => `exh-auth-react/locales/${lang}`) {
  const picked = (names) => `export { ${names.join(', ')} } from '${from}';`;
  return [
    { id: 'a', name: 'exh-auth-react, sign-in path (provider, hooks, LoginForm, MfaMethodPicker)', contents: picked(signInPath()), external: appExternals, target: 25_000, budget: 15_820 },
    { id: 'b', name: 'exh-auth-react, hooks only', contents: picked(hooksOnly), external: appExternals, target: 10_000, budget: 11_650 },
    { id: 'b-own', name: 'exh-auth-react, hooks only, own code alone', contents: picked(hooksOnly), external: ownCodeExternals, budget: 7_080 },
    { id: 'c', name: 'exh-auth-react/core', contents: `export * from '${coreFrom}';`, external: appExternals, budget: 12_150 },
    { id: 'd', name: 'exh-auth-react, own code alone', contents: `export * from '${from}';`, external: ownCodeExternals, budget: 32_890 },
    { id: 'e', name: 'exh-auth-react, everything', contents: `export * from '${from}';`, external: appExternals, budget: 53_650 },
    ...[...signInComponents, ...accountComponents, ...securityComponents].flatMap((component) => {
      // What an app using this one drop-in imports: the provider and the component (its hooks come with it).
      const contents = picked(['AuthProvider', component]);
      return [
        { id: `${component}-own`, account: true, name: `AuthProvider + ${component}, own code alone (ky, react-hook-form external)`, contents, external: ownCodeExternals },
        { id: component, account: true, name: `AuthProvider + ${component}, with its dependencies${['MfaSetup', 'MfaSettings', 'AccountSecurity'].includes(component) ? ' (lean-qr among them)' : ''}`, contents, external: appExternals },
      ];
    }),
    // The QR code's library alone: its share of MfaSetup's (and so MfaSettings' and AccountSecurity's) path.
    { id: 'lean-qr', account: true, name: 'lean-qr/nano alone (the QR code of MfaSetup)', contents: `export { generate } from 'lean-qr/nano';`, external: appExternals },
    // Each language alone, as an app that imports it adds it: every label of every component. The issue asks for "a few kB
    // at most": 5.5 kB is the ceiling (4.7 to 4.9 kB when the four landed).
    ...locales.map((lang) => ({ id: `locale-${lang}`, locale: true, name: `exh-auth-react/locales/${lang}`, contents: `export * from '${localeFrom(lang)}';`, external: appExternals, budget: 5_500 })),
  ];
}

/** The languages of exh-auth-react/locales/*. */
export const locales = ['nl', 'fr', 'de', 'es'];

/** The sign-in drop-ins, each also measured as its own path like the account ones ((a) has the card's two together). */
export const signInComponents = ['LoginForm', 'MfaMethodPicker', 'SignOutButton'];

/** The account components, each measured as its own path; reported without a budget (test/bench.test.tsx skips them). */
export const accountComponents = ['PasswordChecklist', 'SignUpForm', 'ActivateAccount', 'ChangePasswordForm', 'ForgotPasswordForm', 'ResetPasswordForm', 'AuthFlow'];

/** The account security page's components, measured and reported like the account ones. */
export const securityComponents = ['ConfirmPresence', 'MfaSetup', 'MfaSettings', 'ActiveSessions', 'AccountSecurity'];

/** Pinned so that runs are comparable (the latest versions by `npm view` on 2026-11-28; bump deliberately). */
export const peers = [
  { id: 'oidc', name: 'react-oidc-context + oidc-client-ts', install: ['react-oidc-context@3.3.1', 'oidc-client-ts@3.5.0'], contents: `export * from 'react-oidc-context';` },
  { id: 'auth0', name: '@auth0/auth0-react', install: ['@auth0/auth0-react@2.27.0'], contents: `export * from '@auth0/auth0-react';` },
  { id: 'clerk', name: '@clerk/clerk-react', install: ['@clerk/clerk-react@5.61.11'], contents: `export * from '@clerk/clerk-react';` },
  { id: 'exh-sdk', name: '@extrahorizon/javascript-sdk', install: ['@extrahorizon/javascript-sdk@8.14.1'], contents: `export * from '@extrahorizon/javascript-sdk';` },
  {
    id: 'amplify',
    name: '@aws-amplify/ui-react Authenticator (+ aws-amplify)',
    install: ['@aws-amplify/ui-react@6.15.6', 'aws-amplify@6.22.1'],
    contents: `export { Authenticator } from '@aws-amplify/ui-react';`,
  },
];

/**
 * Bundles `contents` (an entry module resolved from `resolveDir`) and gzips it at level 9.
 * Returns the sizes in bytes and the bundled input files (to check what tree-shook away).
 */
export async function bundleSize({ contents, resolveDir, external }) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.fromEntries(
    Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path, input]) => [path, input.bytesInOutput]),
  );
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    // The files that left code in the bundle, with their minified bytes (one read then shaken away has none).
    inputs,
    exports: output.exports,
    shaken: shakenReport(inputs, new TextDecoder().decode(code)),
  };
}

/** Makes `exh-auth-react` resolve through the package's own `exports` to dist/, via node_modules/exh-auth-react. */
function linkPackage() {
  const link = join(cacheDir, 'self', 'node_modules', 'exh-auth-react');
  if (!existsSync(link)) {
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(root, link, 'dir');
  }
  return join(cacheDir, 'self');
}

async function measureEntries(entries, resolveDir) {
  const rows = [];
  for (const entry of entries) {
    rows.push({ ...entry, ...(await bundleSize({ ...entry, resolveDir })) });
  }
  return rows;
}

/** (a)–(d) from the built package (build dist/ first), resolved through its `exports`. */
export async function measureOurs() {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: build first');
  const rows = await measureEntries(ourEntries('exh-auth-react', 'exh-auth-react/core'), linkPackage());
  return { rows, exported: rows[0].exports };
}

/** (a)–(d) bundled straight from src/ (no build, no network): what test/bench.test.tsx checks. */
export function measureSources() {
  const localeFrom = (lang) => join(root, 'src', 'locales', `${lang}.ts`);
  return measureEntries(ourEntries(join(root, 'src', 'index.ts'), join(root, 'src', 'core', 'index.ts'), localeFrom), root);
}

/** Which parts made it into a bundle. The components are found by their class names (dist/index.js holds them inline). */
function shakenReport(inputs, code) {
  const has = (pattern) => Object.keys(inputs).some((path) => pattern.test(path));
  return {
    reactHookForm: has(/node_modules\/react-hook-form\//),
    ky: has(/node_modules\/ky\//),
    components: has(/src\/components\//) || code.includes('exh-auth__'),
    // A language (the Dutch one stands for all four): only in the bundles that import it.
    locales: has(/\/locales\//) || code.includes('Wachtwoord tonen'),
  };
}

function installedVersion(dir, spec) {
  const name = spec.slice(0, spec.lastIndexOf('@'));
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs a peer into its own folder of the cache (never into the project), when missing. */
function installPeer(peer, log) {
  const dir = join(cacheDir, 'peers', peer.id);
  const missing = peer.install.filter((spec) => installedVersion(dir, spec) !== spec.slice(spec.lastIndexOf('@') + 1));
  if (missing.length > 0) {
    log(`  installing ${peer.install.join(' ')} into .bench-cache/peers/${peer.id} …`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...peer.install],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 },
    );
  }
  return dir;
}

/** The peers, same settings; a peer that fails to install or bundle reports its error instead of a number. */
export async function measurePeers(log = console.error) {
  const rows = [];
  for (const peer of peers) {
    try {
      const resolveDir = installPeer(peer, log);
      rows.push({ ...peer, ...(await bundleSize({ ...peer, resolveDir, external: appExternals })) });
    } catch (error) {
      // esbuild's first error, or npm's own lines (without the log path); no addresses (RESULTS.md is committed).
      const lines = String(error.errors?.[0]?.text ?? error.stderr ?? error.message ?? error).split('\n');
      const message = lines.filter((line) => line.trim() && !/complete log|^\s*at /.test(line)).slice(0, 2).join(' ');
      rows.push({ ...peer, error: message.replace(/https?:\/\/\S+/g, '<url>').slice(0, 200) });
    }
  }
  return rows;
}

// `node bench/size.mjs --src` prints the figures of src/ as JSON (esbuild cannot run inside jsdom).
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--src')) {
  const rows = await measureSources();
  console.log(JSON.stringify(rows.map(({ id, name, gzip, minified, target, budget, shaken }) => ({ id, name, gzip, minified, target, budget, shaken }))));
}
