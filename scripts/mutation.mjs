// npm run test:mutation: runs Stryker (stryker.config.mjs), then writes test/MUTATION.md from its JSON
// report: the score per folder, every surviving mutant with its explanation from
// test/mutation/explained.json, and the survivors that a test was written to kill.
// `node scripts/mutation.mjs --report-only` rewrites the Markdown from the last report.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

// --from FILE: the Markdown from another JSON report (e.g. a run with --mutate on some files).
const fromIndex = process.argv.indexOf('--from');
const reportFiles = fromIndex > 0 ? [process.argv[fromIndex + 1]] : ['core', 'react'].map((area) => `.stryker-cache/mutation-${area}.json`);
// Every test/mutation/explained*.json: one ledger, split by area so that files can be worked on apart.
const ledgerDir = 'test/mutation';
const outFile = 'test/MUTATION.md';

async function runStryker() {
  const started = Date.now();
  let reused = '';
  // Other arguments go to Stryker, e.g. `npm run test:mutation -- --concurrency 1`.
  const args = process.argv.slice(2);
  // One area after the other (stryker.config.mjs says why); --area core|react runs one of them.
  const areaIndex = args.indexOf('--area');
  const areas = areaIndex >= 0 ? args.splice(areaIndex, 2).slice(1) : ['core', 'react'];
  for (const area of areas) {
    const child = spawn('npx', ['stryker', 'run', ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MUTATION_AREA: area } });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      // The incremental report ends with "Result: 812 of 866 mutant result(s) are reused."
      const line = /(\d+ of \d+ mutant result\(s\) are reused)/.exec(stripVTControlCharacters(String(chunk)));
      if (line) reused += `${reused ? ', ' : ''}${area}: ${line[1]}`;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    if (code !== 0) process.exit(code ?? 1);
  }
  const { default: config } = await import(new URL('../stryker.config.mjs', import.meta.url));
  return {
    at: new Date(started).toISOString().slice(0, 16).replace('T', ' '),
    seconds: Math.round((Date.now() - started) / 1000),
    concurrency: args.includes('--concurrency') ? Number(args[args.indexOf('--concurrency') + 1]) : config.concurrency,
    reused,
  };
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function score(mutants) {
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  const total = detected + undetected;
  const ignored = mutants.filter((m) => m.status === 'Ignored').length;
  return { detected, undetected, ignored, total, score: total ? (100 * detected) / total : undefined };
}

/** The source text a mutant replaces: with the file, mutator and replacement it names the mutant across line moves. */
function original(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1),
  ].join('\n');
}

const oneLine = (text, max = 70) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const cell = (text) => `\`${oneLine(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

function writeMarkdown(run) {
  // The areas' reports in one (an area not run yet is simply not measured).
  const report = { files: {} };
  for (const file of reportFiles) {
    try {
      const part = JSON.parse(readFileSync(file, 'utf8'));
      Object.assign(report.files, part.files);
      report.framework ??= part.framework;
    } catch {
      // not run yet
    }
  }
  const ledger = readdirSync(ledgerDir)
    .filter((name) => /^explained.*\.json$/.test(name))
    .flatMap((name) => JSON.parse(readFileSync(`${ledgerDir}/${name}`, 'utf8')));
  const mutants = Object.entries(report.files).flatMap(([file, { source, mutants }]) =>
    mutants.map((m) => ({ ...m, file, original: original(source, m.location) })),
  );
  const matches = (entry, m) =>
    entry.file === m.file &&
    entry.mutator === m.mutatorName &&
    entry.original === m.original &&
    (entry.replacement === undefined || entry.replacement === m.replacement);

  const folders = ['src/core', 'src/react'];
  const rows = folders.map((folder) => {
    const files = Object.keys(report.files).filter((file) => file.startsWith(`${folder}/`));
    return { folder, files: files.length, ...score(mutants.filter((m) => m.file.startsWith(`${folder}/`))) };
  });
  const survivors = mutants
    .filter((m) => UNDETECTED.has(m.status))
    .sort((a, b) => a.file.localeCompare(b.file) || a.location.start.line - b.location.start.line);
  const unexplained = survivors.filter((m) => !ledger.some((e) => e.why && matches(e, m)));
  const targeted = ledger
    .filter((e) => e.test)
    .map((e) => ({ entry: e, mutant: mutants.find((m) => matches(e, m)) }));

  const out = [];
  out.push('# Mutation testing');
  out.push('');
  out.push(
    'Written by `npm run test:mutation` (scripts/mutation.mjs): Stryker ' +
      `${report.framework?.version ?? ''} with the vitest runner mutates src/core and src/react (not the index.ts barrels ` +
      'nor the type-only src/core/types.ts), each area against its suites: src/core against the core, fault and ' +
      'hostile-input suites in Node (test/mutation/vitest.core.config.ts), src/react against the React ' +
      'suites and the secrets sweep (test/mutation/vitest.config.ts; the component suites, the StrictMode re-run, bench, ' +
      'package and stories checks are left out). ' +
      'A measured figure like the bench, not part of `.ci/run`. Score = detected (killed or timed out) / ' +
      '(detected + survived + not covered).',
  );
  out.push('');
  // --note TEXT: what a partial run (--from) measured, said in the report.
  const noteIndex = process.argv.indexOf('--note');
  if (noteIndex > 0) {
    out.push(`> ${process.argv[noteIndex + 1]}`);
    out.push('');
  }
  if (run) {
    out.push(
      `Last run: ${run.at} UTC, Node ${process.version}, ${run.concurrency} test runners, ` +
        `${run.seconds} s` +
        (run.reused ? `; incremental: ${run.reused}` : '') +
        '.',
    );
    out.push('');
  }
  out.push('| folder | files mutated | score | detected | survived or not covered | static (ignored) | target |');
  out.push('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const met = r.score === undefined ? 'not measured' : r.score >= 85 ? 'met' : '**not met**';
    const shown = r.score === undefined ? '-' : `**${r.score.toFixed(1)}%**`;
    out.push(`| ${r.folder} | ${r.files} | ${shown} | ${r.detected} | ${r.undetected} | ${r.ignored} | ≥ 85% ${met} |`);
  }
  out.push('');
  out.push('<details><summary>Per file</summary>');
  out.push('');
  out.push('| file | score | detected | survived or not covered | static (ignored) |');
  out.push('|---|---|---|---|---|');
  for (const file of Object.keys(report.files).sort()) {
    const r = score(mutants.filter((m) => m.file === file));
    out.push(`| ${file} | ${r.score === undefined ? '-' : `${r.score.toFixed(1)}%`} | ${r.detected} | ${r.undetected} | ${r.ignored} |`);
  }
  out.push('');
  out.push('</details>');
  out.push('');
  out.push(`## Surviving mutants (${survivors.length}, ${unexplained.length} not yet explained)`);
  out.push('');
  out.push('Explanations live in test/mutation/explained.json, keyed by file, mutator and the replaced source text.');
  out.push('');
  out.push('| where | mutator | replaced | by | status | why it survives |');
  out.push('|---|---|---|---|---|---|');
  for (const m of survivors) {
    const entry = ledger.find((e) => e.why && matches(e, m));
    // The ledger keys a mutant by its text, not its line (lines move): a short original such as `''` can name
    // several mutants of a file, and one explanation must not silently cover another.
    const alike = entry ? survivors.filter((other) => other !== m && matches(entry, other)).map((other) => other.location.start.line) : [];
    const shared = alike.length ? ` **(the same key also names the survivor(s) at line ${alike.join(', ')}: check that this applies to each)**` : '';
    out.push(
      `| ${m.file}:${m.location.start.line} | ${m.mutatorName} | ${cell(m.original)} | ${cell(m.replacement ?? '')} | ${m.status} | ${entry ? entry.why + shared : '**not explained**'} |`,
    );
  }
  out.push('');
  out.push(`## Survivors killed by tests written for them (${targeted.length})`);
  out.push('');
  out.push('| where | mutator | replaced | by | status now | test |');
  out.push('|---|---|---|---|---|---|');
  for (const { entry, mutant } of targeted) {
    const where = mutant ? `${mutant.file}:${mutant.location.start.line}` : `${entry.file} (no longer generated)`;
    const status = mutant ? (DETECTED.has(mutant.status) ? mutant.status : `**${mutant.status}**`) : '-';
    out.push(`| ${where} | ${entry.mutator} | ${cell(entry.original)} | ${cell(entry.replacement ?? '')} | ${status} | ${entry.test} |`);
  }
  out.push('');
  writeFileSync(outFile, out.join('\n'));
  const figure = (r) => `${r.folder} ${r.score === undefined ? 'not measured' : `${r.score.toFixed(1)}%`}`;
  console.log(`${outFile}: ${rows.map(figure).join(', ')}; ${unexplained.length} survivor(s) not explained`);
}

const runFile = '.stryker-cache/last-run.json';
let run;
if (fromIndex > 0) {
  run = undefined;
} else if (process.argv.includes('--report-only')) {
  try {
    run = JSON.parse(readFileSync(runFile, 'utf8'));
  } catch {
    run = undefined;
  }
} else {
  run = await runStryker();
  writeFileSync(runFile, JSON.stringify(run));
}
writeMarkdown(run);
