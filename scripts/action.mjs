// The composite action's one step (action.yml): reads the GitHub conventions (INPUT_* variables,
// the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), runs `connkit verify` and hands back where
// each report went. Plain JavaScript so a runner needs nothing but Node to run it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const actionRoot = resolve(process.env.GITHUB_ACTION_PATH || join(dirname(fileURLToPath(import.meta.url)), '..'));
const input = (name, fallback = '') => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim() || fallback;

/** One line GitHub shows as an annotation, then exit 2 (a usage error, as the CLI's own). */
function usage(message) {
  console.log(`::error title=connkit verify::${message}`);
  process.exit(2);
}

const api = input('api');
const target = input('target');
if (!api) usage('input api is required (leadconduit, auth0, mycreditapp or wingfield)');
if (!target) usage('input target is required (the base URL of the implementation)');
const reporters = input('reporters', 'console,junit,html')
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
const out = resolve(input('out', 'connkit-report'));
const concurrency = input('concurrency', '1');
const profile = input('profile');
const control = input('control');
const maxFailures = input('max-failures');

const args = [
  'verify',
  '--api',
  api,
  '--target',
  target,
  '--reporter',
  reporters.join(','),
  '--out',
  out,
  '--concurrency',
  concurrency,
];
if (profile) args.push('--profile', profile);
if (control) args.push('--control', control);
// verify itself refuses a value that is not a whole number above 0 (exit 2, a usage error).
if (maxFailures) args.push('--max-failures', maxFailures);

const cli = resolve(process.env.CONNKIT_CLI || join(actionRoot, 'dist', 'src', 'cli.cjs'));
if (!existsSync(cli)) usage(`connkit is not built at ${cli}: run npm ci in the action's folder first`);
const started = Date.now();
// execArgv passes on a loader the caller runs this with (a test runs the sources through tsx).
const run = spawnSync(process.execPath, [...process.execArgv, cli, ...args], { stdio: 'inherit' });
const exitCode = run.status ?? 1;

// The report paths, as verify names them: only those this run wrote (an older file is no output).
const fileNames = { json: `verify-${api}.json`, junit: `verify-${api}.junit.xml`, html: `verify-${api}.html` };
const outputs = { out, 'exit-code': String(exitCode) };
for (const [reporter, name] of Object.entries(fileNames)) {
  const file = join(out, name);
  outputs[reporter] =
    reporters.includes(reporter) && existsSync(file) && statSync(file).mtimeMs >= started - 1000 ? file : '';
}

if (process.env.GITHUB_OUTPUT) {
  // The heredoc form with a random delimiter: a value can never end the block early.
  const lines = Object.entries(outputs).map(([k, v]) => {
    const eof = `connkit_${randomBytes(8).toString('hex')}`;
    return `${k}<<${eof}\n${v}\n${eof}\n`;
  });
  appendFileSync(process.env.GITHUB_OUTPUT, lines.join(''));
}

if (process.env.GITHUB_STEP_SUMMARY) {
  let line = `connkit verify ${api} against ${target}: exit ${exitCode}`;
  if (outputs.json) {
    const { totals } = JSON.parse(readFileSync(outputs.json, 'utf8'));
    line = `connkit verify **${api}** against \`${target}\`: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
  }
  appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${line}\n`);
}

if (run.error) usage(`cannot run connkit: ${run.error.message}`);
process.exit(exitCode);
