#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { vendorNames, isVendorName, type VendorName } from './spec/names.js';
import { scenarioCatalog } from './sim/scenarios/catalog.js';
import { defaultPort, defaultSeed, startSimulator } from './sim/server.js';
import { vendorModules } from './sim/vendors/index.js';

const int = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number >= 0`);
  return n;
};

/** `--size 50` for every API, or `--size mycreditapp=100000,auth0=5000`. */
function parseSizes(value: string): Partial<Record<VendorName, number>> {
  const size = (n: string | undefined) => {
    // Every fixture set needs at least one record of each kind (a connection, a link…).
    if (!/^\d+$/.test(n ?? '') || Number(n) < 1) throw new InvalidArgumentError(`expected N or api=N[,api=N] with N >= 1 (apis: ${vendorNames.join(', ')})`);
    return Number(n);
  };
  if (!value.includes('=')) return Object.fromEntries(vendorNames.map((v) => [v, size(value)]));
  const out: Partial<Record<VendorName, number>> = {};
  for (const part of value.split(',')) {
    const [api, n] = part.split('=');
    if (!isVendorName(api)) throw new InvalidArgumentError(`unknown API ${api} (one of ${vendorNames.join(', ')})`);
    out[api] = size(n);
  }
  return out;
}

function parseApis(value: string): VendorName[] {
  const apis = value.split(',').map((s) => s.trim());
  const bad = apis.filter((a) => !isVendorName(a));
  if (bad.length) throw new InvalidArgumentError(`unknown API ${bad.join(', ')} (one of ${vendorNames.join(', ')})`);
  return apis as VendorName[];
}

const program = new Command('connkit').description('Contract-first mock server and conformance kit for connection APIs');

program
  .command('mock')
  .description('serve every API from its spec, statefully, on one port')
  .option('-p, --port <port>', 'port to listen on', int('port'), defaultPort)
  .option('-h, --host <host>', 'address to bind', '127.0.0.1')
  .option('-s, --seed <n>', 'fixture seed: the same seed gives the same data everywhere', int('seed'), defaultSeed)
  .option('--size <n|api=n,…>', 'records per main fixture (connections per account, links per organization…)', parseSizes)
  .option('--api <names>', `serve only these APIs (comma-separated: ${vendorNames.join(', ')})`, parseApis)
  .option('--scenario <name...>', `start with scenarios on (${scenarioCatalog.map((s) => s.name).join(', ')})`)
  .option('--no-cors', 'do not send permissive CORS headers')
  .option('--control-token <token>', 'let non-loopback callers use /__control with this token')
  .option('--validate-responses', 'check every answer against the spec (a violation answers 500)')
  .option('--max-sessions <n>', 'named sessions kept (least recently used dropped)', int('max-sessions'), 100)
  .option('--journal-size <n>', 'requests kept in the journal', int('journal-size'), 1000)
  .addOption(new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'))
  .action(async (opts) => {
    let sim;
    try {
      sim = await startSimulator({
        port: opts.port,
        host: opts.host,
        seed: opts.seed,
        sizes: opts.size,
        apis: opts.api,
        scenarios: (opts.scenario ?? []).map((name: string) => ({ name })),
        cors: opts.cors,
        controlToken: opts.controlToken,
        validateResponses: opts.validateResponses,
        maxSessions: opts.maxSessions,
        journalSize: opts.journalSize,
        logLevel: opts.logLevel,
      });
    } catch (e) {
      console.error(`connkit: ${(e as Error).message}`);
      process.exit(2);
    }
    const lines = [`connkit simulator on ${sim.url} (seed ${opts.seed})`, ''];
    for (const index of sim.served) {
      const base = `${sim.url}${index.prefix}${index.basePath}`;
      const mod = vendorModules[index.name as VendorName];
      lines.push(`${index.title}`, `  ${base}`, `  ${mod.exampleCurl!(sim.world.session().state(index.name), base)}`, '');
    }
    lines.push(`control API: ${sim.url}/__control  (credentials and fixture ids: curl ${sim.url}/__control/fixtures)`);
    console.log(lines.join('\n'));
    const stop = () => sim.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

program
  .command('verify')
  .description('check an implementation at a base URL against the contract and the behaviours')
  .option('--api <name>', `the API to verify (${vendorNames.join(', ')})`)
  .option('--target <url>', 'base URL of the implementation (e.g. http://127.0.0.1:4010/auth0/api/v2)')
  .option('--profile <file>', 'YAML or JSON profile: credentials per role and fixture ids')
  .option('--control <url>', "connkit control API (e.g. http://127.0.0.1:4010/__control): the profile comes from it and fixtures are made through it")
  .option('--reporter <names>', 'console, json, junit, html (comma-separated)', list)
  .option('--out <dir>', 'where file reports go', 'connkit-report')
  .option('--checks <names>', 'run only these checks (comma-separated)', list)
  .option('--skip <names>', 'skip these checks (comma-separated)', list)
  .option('--seed <n>', 'seed of the generated inputs', int('seed'), 1)
  .option('--timeout <ms>', 'per-request timeout', int('timeout'), 10_000)
  .option('--list-checks', 'list every check and exit')
  .action(async (opts) => {
    const { verify } = await import('../conformance/verify.js');
    if (opts.listChecks) {
      const { listChecks } = await import('../conformance/checks/registry.js');
      for (const c of listChecks()) console.log(`${c.name.padEnd(32)} ${c.tier.padEnd(9)} ${c.apis.padEnd(12)} ${c.description}`);
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
    });
    console.log(result.console);
    for (const f of result.files) console.log(`report: ${f}`);
    process.exitCode = result.exitCode;
  });

await program.parseAsync();
