// `npm run bench`: builds the package, measures size (ours and the peers), signing cost, re-renders
// and round trips, prints one table and writes bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { measureSigning } from './signing.mjs';
import { appExternals, cacheDir, measureOurs, measurePeers, root } from './size.mjs';

const log = (message) => console.error(message);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}` };
}

/** A stage that fails shows its error in the table; the others still run. */
async function attempt(name, fn) {
  try {
    return await fn();
  } catch (error) {
    log(`  ${name} failed: ${error.message ?? error}`);
    return { error: String(error.message ?? error).split('\n')[0] };
  }
}

log('Building the package (npm run build) …');
let build = run('npm', ['run', 'build']);
if (!build.ok) {
  log('  npm run build failed; building the JavaScript alone (vite build) …');
  build = run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build']);
  if (!build.ok) log(build.output);
}

log('Bundle size: ours …');
const ours = await attempt('size (ours)', measureOurs);
log('Bundle size: the peers …');
const peers = await attempt('size (peers)', () => measurePeers(log));

log('Signing cost (about 20 s; nothing else runs meanwhile) …');
const signing = await attempt('signing', measureSigning);

log('Re-renders and round trips (vitest, jsdom, msw/node) …');
const flowsFile = join(cacheDir, 'flows.json');
rmSync(flowsFile, { force: true });
const vitest = run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/vitest.config.ts'], { BENCH_OUT: flowsFile });
if (!vitest.ok) log(vitest.output);
const flows = await attempt('flows', () => JSON.parse(readFileSync(flowsFile, 'utf8')));

// ─── The table ──────────────────────────────────────────────────────────────────────────────────

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const times = (ratio) => `${ratio.toFixed(2)}×`;
const rows = [];
const section = (title) => rows.push([`**${title}**`, '', '', '']);
const row = (figure, value, target = '', met = '') => rows.push([figure, value, target, met === '' ? '' : met ? 'met' : '**not met**']);
const failed = (figure, error, target = '') => row(figure, `error: ${error}`, target, false);

section('Bundle size, gzip -9 of esbuild --minify --format=esm --platform=browser (minified size in brackets)');
if (ours.error) failed('exh-auth-react (a)–(d)', ours.error);
const accountRows = (ours.rows ?? []).filter((r) => r.account);
const localeRows = (ours.rows ?? []).filter((r) => r.locale);
const labels = { reactHookForm: 'react-hook-form', ky: 'ky', components: 'the components', locales: 'a locale' };
const bundled = (r) => Object.entries(r.shaken).filter(([, present]) => present).map(([part]) => labels[part]);
for (const r of (ours.rows ?? []).filter((r) => !r.account && !r.locale)) {
  const parts = bundled(r);
  const note = `${kB(r.gzip)} (${kB(r.minified)}); bundles ${parts.join(', ') || 'none of ky, react-hook-form, components, locales'}`;
  const figure = r.id === 'b-own' ? `(b′) hooks only, own code alone (ky external)` : `(${r.id}) ${r.name.replace('exh-auth-react, ', '')}`;
  row(figure, note, r.target ? `≤ ${kB(r.target)}` : '', r.target ? r.gzip <= r.target : '');
}
const everything = ours.rows?.find((r) => r.id === 'a');
if (peers.error) failed('peers', peers.error);
for (const p of peers.length ? peers : []) {
  if (p.error) failed(`peer: ${p.name}`, p.error);
  else row(`peer: ${p.name}`, `${kB(p.gzip)} (${kB(p.minified)})${everything ? `; ${times(p.gzip / everything.gzip)} (a)` : ''}`);
}

// After the peers: they compare with (a), these are read on their own.
if (accountRows.length > 0) {
  section('Bundle size of each drop-in’s own path (sign-in, account, security): AuthProvider + the component (gzip -9, minified in brackets; no budget)');
    // Which of ky and react-hook-form a path really bundles (SignOutButton and PasswordChecklist need no form library).
  for (const r of accountRows) {
    const deps = r.id.endsWith('-own') || r.id === 'lean-qr' ? [] : bundled(r).filter((part) => part !== 'the components');
    row(r.name, `${kB(r.gzip)} (${kB(r.minified)})${deps.length ? `; bundles ${deps.join(', ')}` : ''}`);
  }
}
if (localeRows.length > 0) {
  section('Bundle size of each locale module alone: every label of every component in one language (gzip -9, minified in brackets)');
  for (const r of localeRows) row(r.name, `${kB(r.gzip)} (${kB(r.minified)})`, `≤ ${kB(r.budget)}`, r.gzip <= r.budget);
}

section('Re-renders (React Profiler, jsdom, against the mock service)');
if (flows.error) failed('re-renders and round trips', flows.error);
else {
  const k = flows.loginFormKeystrokes;
  row('LoginForm commits per keystroke', `${k.perKeystroke} (${k.commits} commits in ${k.keystrokes} keystrokes: email, Tab, password)`, '0', k.commits === 0);
  const s = flows.statusDuringRefetch;
  row(
    '`useAuth((s) => s.status)` consumer commits while the token list refetches',
    `${s.statusCommits} (in ${s.refetches} refetches, ${s.listFetches} GETs; the list itself committed ${s.listCommits}×)`,
    '0',
    s.statusCommits === 0,
  );
  const tree = (t) => `${t.untilSignedIn} (${t.total} once settled)`;
  row('whole tree commits, submit → signed in, `<RequireAuth fallback={<LoginForm />}>`', tree(flows.treeLoginForm), 'report');
  row('whole tree commits, submit → signed in, the README’s hooks-only form', tree(flows.treeHookForm), 'report');

  section('Round trips (counted by the mock: db.requests)');
  row('password login', String(flows.passwordLogin), '1', flows.passwordLogin === 1);
  row('MFA login (password, then TOTP)', String(flows.mfaLogin), '2', flows.mfaLogin === 2);
  const r = flows.reload;
  row(
    'reload with a stored session: requests before the first signed-in render',
    `${r.beforeFirstSignedInRender} (first render: ${r.firstRenderStatus}; ${r.after} after it, the app’s own useMe)`,
    '0',
    r.beforeFirstSignedInRender === 0 && r.firstRenderStatus === 'authenticated',
  );
  row('revoke another session (token list on screen)', `${flows.revoke.requests} (of which token-list refetches: ${flows.revoke.refetches})`, '1, no refetch', flows.revoke.requests === 1 && flows.revoke.refetches === 0);
  row('SSO consume (`?ssoToken=` with consumeSsoTokenFromUrl)', String(flows.ssoConsume), '1', flows.ssoConsume === 1);
}

section(`Signing cost per call, await included (median of ${signing.rounds ?? '?'} rounds × ${signing.calls ?? '?'} calls, interleaved, after a warm-up)`);
if (signing.error) failed('signing', signing.error);
else {
  const { ratios, spread, usPerCall: us, usRange } = signing;
  const range = ([low, high]) => `per round ${low.toFixed(2)}–${high.toFixed(2)}`;
  row('signRequest (cached key, the default) / oauth-1.0a + node:crypto', `${times(ratios.oursToNodeCrypto)} (${range(spread.oursToNodeCrypto)})`);
  row('signRequest (cached key) / oauth-1.0a + crypto-js', `${times(ratios.oursToCryptoJs)} (${range(spread.oursToCryptoJs)})`);
  row('signRequest with a key not cached / cached', times(ratios.uncachedToCached));
  row('what-if: signRequest’s steps with a synchronous JS HMAC-SHA1 / oauth-1.0a + node:crypto', times(ratios.jsHmacToNodeCrypto));
  rows.signingParts = [
    ['signRequest (cached key)', 'ours'],
    ['oauth-1.0a + crypto-js', 'cryptoJs'],
    ['oauth-1.0a + node:crypto', 'nodeCrypto'],
    ['what-if: signRequest’s steps, HMAC by node:crypto (sync)', 'oursWithNodeHmac'],
    ['what-if: signRequest’s steps, HMAC by plain JS (sync)', 'oursWithJsHmac'],
    ['· createNonce', 'nonce'],
    ['· oauthParameters + signatureBaseString', 'baseString'],
    ['· Web Crypto HMAC-SHA1: await subtle.sign (cached key) + base64', 'webCryptoHmac'],
    ['· the same subtle.sign with 2,000 in flight at once (its CPU cost, without the wait for each answer)', 'webCryptoHmacInFlight'],
    ['· node:crypto createHmac on the same base string', 'nodeHmac'],
    ['· crypto-js HmacSHA1 on the same base string', 'cryptoJsHmac'],
    ['· plain-JS HMAC-SHA1 (pads cached per key) on the same base string', 'jsHmac'],
    ['signRequest, key not cached (importKey every call), timed last', 'oursUncachedKey'],
    ['signRequest (cached key), timed beside the row above', 'oursBesideUncached'],
    ['· subtle.importKey (what the key cache saves)', 'importKey'],
  ].map(([label, name]) => [label, us[name], usRange[name]]);
}

const table = [
  '| figure | value | target | |',
  '|---|---|---|---|',
  ...rows.map((cells) => `| ${cells.join(' | ')} |`),
].join('\n');

const signingDetail = rows.signingParts
  ? [
      '',
      `### Signing, µs per call on this machine (${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores)`,
      '',
      'Machine-dependent: compare within the run only. `·` rows are the parts of signRequest, timed alone.',
      '',
      '| | µs per call, median | fastest–slowest round |',
      '|---|---:|---:|',
      ...rows.signingParts.map(([name, value, [low, high]]) => `| ${name} | ${value.toFixed(1)} | ${low.toFixed(1)}–${high.toFixed(1)} |`),
    ].join('\n')
  : '';

const esbuildVersion = JSON.parse(readFileSync(join(root, 'node_modules/esbuild/package.json'), 'utf8')).version;
const markdown = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform} ${process.arch}.
Sizes: esbuild ${esbuildVersion}, minify, ESM, browser, \`process.env.NODE_ENV\` = "production", then gzip -9;
${appExternals.join(', ')} external for every row; everything else bundled. Ours is measured from the built package
(dist/, resolved through its \`exports\` like an app's bundler); the peers (versions pinned in bench/size.mjs) are
installed into .bench-cache/, never into the project. Timings are medians of interleaved rounds and reported as
ratios to a peer measured in the same run.

${table}
${signingDetail}

### The targets not met, and why

- **(b) hooks only ≤ 10 kB**: ky is 5.1 kB of it (\`client.http\` is a ky instance by design); our own code in (b)
  is (b′), about 7 kB: the session store with its cross-tab sync and supersession of stale grants, signing with
  the clock-skew re-sign, the client's retry rule, one documented error class per ExH error with its message,
  the answer-format conversion, the provider's events and the query-key scoping. Each came with an issue's
  correctness point, with the tests that test/MUTATION.md measures.
- **(a), met since the sign-in card**: LoginForm has its own few lines of validation, so react-hook-form
  (13.0 kB gzipped) is out of the sign-in path; the account forms still use it, and their rows show it.
- **(d) own code**: the core and hooks are (b′); each drop-in's row above gives what it adds to AuthProvider alone
  (SignOutButton's row is close to AuthProvider alone). Apps that build their own UI on the hooks do not ship the
  components: (b) tree-shakes them and react-hook-form away.
- **Signing**: signRequest is slower per call than oauth-1.0a on node:crypto and on crypto-js. Encoding is on par
  and the key cache works (an uncached key costs the ratio above); the difference is the asynchronous
  \`crypto.subtle.sign\` (the \`·\` rows: its CPU cost with many in flight is a fraction of the time one call
  waits for its answer). A synchronous plain-JS HMAC would be about 1.3× node:crypto but adds about 0.6 kB
  gzipped to every bundle and leaves Web Crypto, which the package specifies; at roughly 0.1 ms per request
  against a network round trip of tens of milliseconds, the package keeps Web Crypto.
`;

writeFileSync(join(root, 'bench', 'RESULTS.md'), markdown);
console.log(table);
console.log(signingDetail);
log('\nWrote bench/RESULTS.md');
