#!/usr/bin/env node
import type { Command } from 'commander';
import { int } from './cli/parse.js';
import { coverageCommand } from './cli/coverage.js';
import { curlCommand } from './cli/curl.js';
import { mockCommand } from './cli/mock.js';
import { connkitProgram, run } from './cli/program.js';
import { vendorNames } from './contract/names.js';

const program = connkitProgram();

program.addCommand(mockCommand().copyInheritedSettings(program));
program.addCommand(curlCommand().copyInheritedSettings(program));
program.addCommand(coverageCommand().copyInheritedSettings(program));

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** What commander makes of verify's flags below: camel-cased, parsed by `list` and `int`, defaults filled. */
interface VerifyCliOptions {
  api?: string;
  target?: string;
  profile?: string;
  control?: string;
  reporter?: string[];
  out: string;
  checks?: string[];
  skip?: string[];
  seed: number;
  timeout: number;
  concurrency: number;
  tier?: string[];
  modelRuns?: number;
  maxSteps?: number;
  modelBudget?: number;
  modelWrites?: boolean;
  stateFile?: string;
  maxResponseBytes: number;
  maxFailures?: number;
  redact: boolean;
  listChecks?: boolean;
}

program
  .command('verify')
  .description('check an implementation at a base URL against the contract and the behaviours')
  .option('--api <name>', `the API to verify (${vendorNames.join(', ')})`)
  .option('--target <url>', 'base URL of the implementation (e.g. http://127.0.0.1:4010/auth0/api/v2)')
  .option('--profile <file>', 'YAML or JSON profile: credentials per role and fixture ids')
  .option(
    '--control <url>',
    'connkit control API (e.g. http://127.0.0.1:4010/__control): the profile comes from it and fixtures are made through it',
  )
  .option('--reporter <names>', 'console, json, junit, html (comma-separated)', list)
  .option('--out <dir>', 'where file reports go', 'connkit-report')
  .option('--checks <names>', 'run only these checks (comma-separated)', list)
  .option('--skip <names>', 'skip these checks (comma-separated)', list)
  .option('--seed <n>', 'seed of the generated inputs', int('seed'), 1)
  .option('--timeout <ms>', 'per-request timeout', int('timeout'), 10_000)
  .option(
    '--concurrency <n>',
    'checks run at once where they only read or use fixtures of their own',
    int('concurrency', 1, 64),
    1,
  )
  .option(
    '--tier <names>',
    'run only these tiers: contract, stateful, fault, race, model (comma-separated; all by default)',
    list,
  )
  .option('--model-runs <n>', 'model tier: random sequences per API (default 30)', int('model-runs', 1))
  .option('--max-steps <n>', 'model tier: steps per sequence at most (default 12)', int('max-steps', 1))
  .option(
    '--model-budget <s>',
    'model tier: seconds it may take per API, shrinking included (default 60)',
    int('model-budget', 1),
  )
  .option(
    '--model-writes',
    'model tier without --control: send writes too (they change the target for good and may use up profile fixtures; reads only by default)',
  )
  .option(
    '--state-file <file>',
    "where profile fixtures used up by a run are recorded (default: one file per API and target in connkit's state folder)",
  )
  .option(
    '--max-response-bytes <n>',
    'answers longer than this are not read (a finding of the check that got one)',
    int('max-response-bytes', 1),
    16 * 1024 * 1024,
  )
  .option(
    '--max-failures <n>',
    'stop after this many failures: no further check starts and the model tier is left out (exit code 1)',
    int('max-failures', 1),
  )
  .option(
    '--no-redact',
    "keep the profile's tokens, keys and credentials in the reports (replaced by their profile path by default)",
  )
  .option('--list-checks', 'list every check and exit')
  .action(async (_opts: unknown, command: Command) => {
    const opts = command.opts<VerifyCliOptions>();
    const { verify } = await import('../conformance/verify.js');
    if (opts.listChecks) {
      const { listChecks } = await import('../conformance/checks/registry.js');
      for (const c of listChecks())
        console.log(`${c.name.padEnd(32)} ${c.tier.padEnd(9)} ${c.apis.padEnd(12)} ${c.description}`);
      return;
    }
    if (!opts.api || !opts.target) {
      console.error('connkit verify: --api and --target are required (or --list-checks)');
      process.exit(2);
    }
    const result = await verify({
      api: opts.api,
      target: opts.target,
      profile: opts.profile,
      control: opts.control,
      reporters: opts.reporter,
      out: opts.out,
      checks: opts.checks,
      skip: opts.skip,
      seed: opts.seed,
      timeoutMs: opts.timeout,
      concurrency: opts.concurrency,
      stateFile: opts.stateFile,
      tiers: opts.tier,
      modelRuns: opts.modelRuns,
      maxSteps: opts.maxSteps,
      modelBudgetMs: opts.modelBudget === undefined ? undefined : opts.modelBudget * 1000,
      modelWrites: opts.modelWrites,
      maxResponseBytes: opts.maxResponseBytes,
      maxFailures: opts.maxFailures,
      redact: opts.redact,
    });
    console.log(result.console);
    for (const f of result.files) console.log(`report: ${f}`);
    process.exitCode = result.exitCode;
  });

void run(program);
