import { Command, Option } from 'commander';
import { ListenError, defaultTlsDir } from '../server/tls.js';
import { scenarioCatalog } from '../sim/vendors/index.js';
import type { ServerOptions as SimulatorOptions } from '../server/index.js';
import { vendorNames, type VendorName } from '../contract/names.js';
import { parseBytes } from './bytes.js';
import { int, maxSize, oneLineErrors, parseApis, parseHost, parsePath, parseSizes, parseToken } from './parse.js';

// startSimulator's own defaults (a test holds the seed equal): the simulator itself is loaded
// only when `mock` runs, so `--version`, `-h` and `verify` start quickly.
import { defaultPort } from '../default-port.js';

export { defaultPort };
export const defaultSeed = 42;
export const defaultTlsPort = 4443;
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const logFormats = ['json', 'pretty'] as const;
/** The banner's widest line: long curls go to `connkit curl <api>`. */
export const bannerWidth = 100;

/** The flags as commander hands them over. */
export interface MockFlags {
  port: number;
  host: string;
  seed: number;
  size?: Partial<Record<VendorName, number>>;
  api?: VendorName[];
  scenario?: string[];
  cors: boolean;
  controlToken?: string;
  validateResponses?: boolean;
  maxSessions: number;
  journalSize: number;
  maxMemory?: number;
  journalBytes?: number;
  logLevel: (typeof logLevels)[number];
  logFormat?: (typeof logFormats)[number];
  tls?: boolean;
  tlsPort: number;
  tlsCert?: string;
  tlsKey?: string;
  instance?: string;
  tlsRenew?: boolean;
  persist?: string;
  persistInterval: number;
  /** --tls-port was given on the command line (not defaulted). */
  tlsPortGiven?: boolean;
}

export type StartOptions = SimulatorOptions & {
  host: string;
  port: number;
  tls?: { port: number; cert?: string; key?: string; renew?: boolean };
  persist?: { dir: string; intervalMs: number };
};

/** A combination of flags that cannot work: one line, exit 2. */
export class UsageError extends Error {}

/** The flags as startSimulator's options; checks that span several flags happen here. */
export function startOptions(flags: MockFlags): StartOptions {
  const served = flags.api ?? [...vendorNames];
  for (const name of flags.scenario ?? []) {
    const def = scenarioCatalog.get(name);
    if (!def)
      throw new UsageError(
        `--scenario: unknown scenario '${name}' (one of ${scenarioCatalog.list.map((s) => s.name).join(', ')})`,
      );
    if (!def.apis.some((a) => served.includes(a)))
      throw new UsageError(`--scenario: '${name}' applies to ${def.apis.join(', ')}, which --api leaves out`);
  }
  if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey))
    throw new UsageError('--tls-cert and --tls-key go together: give both or neither');
  // Any TLS flag asks for TLS: `--tls-port 8443` alone means it.
  if (flags.tlsRenew && flags.tlsCert)
    throw new UsageError("--tls-renew makes connkit's own CA and certificate: it does not go with --tls-cert");
  const tls =
    flags.tls || flags.tlsCert !== undefined || flags.tlsPortGiven || flags.tlsRenew
      ? { port: flags.tlsPort, cert: flags.tlsCert, key: flags.tlsKey, ...(flags.tlsRenew ? { renew: true } : {}) }
      : undefined;
  if (tls && tls.port !== 0 && tls.port === flags.port)
    throw new UsageError(`--tls-port and --port are both ${flags.port}: HTTPS needs a port of its own`);
  return {
    port: flags.port,
    host: flags.host,
    seed: flags.seed,
    sizes: flags.size,
    apis: flags.api,
    scenarios: (flags.scenario ?? []).map((name) => ({ name })),
    cors: flags.cors,
    controlToken: flags.controlToken,
    validateResponses: flags.validateResponses,
    maxSessions: flags.maxSessions,
    journalSize: flags.journalSize,
    maxMemory: flags.maxMemory,
    ...(flags.journalBytes ? { journalBytes: flags.journalBytes } : {}),
    logLevel: flags.logLevel,
    ...(flags.logFormat ? { logFormat: flags.logFormat } : {}),
    ...(flags.instance ? { instance: flags.instance } : {}),
    ...(tls ? { tls } : {}),
    ...(flags.persist ? { persist: { dir: flags.persist, intervalMs: flags.persistInterval } } : {}),
  };
}

export function mockCommand(): Command {
  const cmd = new Command('mock')
    .description('serve every API from its spec, statefully, on one port')
    .option('-p, --port <port>', 'port to listen on (0: any free port)', int('port', 0, 65_535), defaultPort)
    .option('--host <host>', 'address to bind (0.0.0.0 or :: for every interface)', parseHost, '127.0.0.1')
    .option(
      '-s, --seed <n>',
      'fixture seed: the same seed gives the same data everywhere',
      int('seed', 0, 4_294_967_295),
      defaultSeed,
    )
    .option(
      '--size <n|api=n,…>',
      `records per main fixture (connections per account, links per organization…), 1 to ${maxSize} (large ones take seconds to build: progress on stderr)`,
      parseSizes,
    )
    .option('--api <names>', `serve only these APIs (comma-separated: ${vendorNames.join(', ')})`, parseApis)
    .option('--scenario <name...>', `start with scenarios on (${scenarioCatalog.list.map((s) => s.name).join(', ')})`)
    .option('--no-cors', 'do not send permissive CORS headers')
    .option('--control-token <token>', 'let non-loopback callers use /__control with this token', parseToken)
    .option('--validate-responses', 'check every answer against the spec (a violation answers 500)')
    .option(
      '--max-sessions <n>',
      'named sessions kept (least recently used dropped)',
      int('max-sessions', 1, 1_000_000),
      100,
    )
    .option('--journal-size <n>', 'requests kept in the journal', int('journal-size', 1, 1_000_000), 1000)
    .option(
      '--max-memory <size>',
      'memory sessions and the journal may hold (512M, 2G…); past it the least recently used session is dropped (default: 3/4 of the heap limit)',
      parseBytes('max-memory', 16 * 2 ** 20),
    )
    .option(
      '--journal-bytes <size>',
      'bytes the journal may hold, e.g. 16M (default 64M); the oldest requests go first past it',
      parseBytes('journal-bytes', 65_536),
    )
    .addOption(new Option('--log-level <level>', 'log level').choices(logLevels).default('info'))
    .addOption(
      new Option(
        '--log-format <format>',
        'pretty: a short line per request; json: pino lines (default: pretty on a terminal, json otherwise)',
      ).choices(logFormats),
    )
    .option(
      '--tls',
      `also serve HTTPS, with a certificate of connkit's local CA made on first use in ${defaultTlsDir()} ($CONNKIT_TLS_DIR)`,
    )
    .option('--tls-port <port>', 'HTTPS port (implies --tls)', int('tls-port', 0, 65_535), defaultTlsPort)
    .option('--tls-cert <file>', 'your own PEM certificate for HTTPS (with --tls-key; implies --tls)', parsePath)
    .option('--tls-key <file>', 'the PEM private key of --tls-cert', parsePath)
    .option(
      '--instance <name>',
      'the name GET /__control/sessions answers with behind a proxy ($CONNKIT_INSTANCE; default hostname:port)',
      parseToken,
    )
    .option(
      '--persist <dir>',
      'keep the state in this folder across restarts (written shortly after each change and at shutdown)',
      parsePath,
    )
    .option(
      '--persist-interval <ms>',
      'every change is on disk within this many milliseconds',
      int('persist-interval', 10, 3_600_000),
      1000,
    )
    .option(
      '--tls-renew',
      'replace the local CA and certificate with new ones (clients must trust the new ca.pem; implies --tls)',
    )
    .configureOutput(oneLineErrors);
  cmd.action(async (flags: MockFlags) => {
    let options: StartOptions;
    try {
      options = startOptions({ ...flags, tlsPortGiven: cmd.getOptionValueSource('tlsPort') === 'cli' });
    } catch (e) {
      if (e instanceof UsageError) cmd.error(`error: ${e.message}`, { exitCode: 2, code: 'connkit.usage' });
      throw e;
    }
    await serve(cmd, options);
  });
  return cmd;
}

/**
 * The options `connkit mock <argv>` would start with, without starting: a usage problem
 * throws UsageError with the line the command prints. (Tests walk every flag through it.)
 */
export function parseMock(argv: string[]): StartOptions {
  let err = '';
  let options: StartOptions | undefined;
  const cmd = mockCommand()
    .exitOverride()
    .configureOutput({ writeErr: (s) => (err += s), writeOut: () => undefined });
  cmd.action((flags: MockFlags) => {
    options = startOptions({ ...flags, tlsPortGiven: cmd.getOptionValueSource('tlsPort') === 'cli' });
  });
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(err.trim() || (e as Error).message);
  }
  // The action sets it; a parse that ends another way (help) has thrown above.
  if (!options) throw new UsageError(err.trim() || 'connkit mock: no options');
  return options;
}

type Started = Awaited<ReturnType<typeof import('../server/index.js').startSimulator>>;

async function serve(cmd: Command, options: StartOptions): Promise<void> {
  const [{ startSimulator }, { vendorModules }, { progressRenderer }, { colorFor }] = await Promise.all([
    import('../server/index.js'),
    import('../sim/vendors/index.js'),
    import('./progress.js'),
    import('../server/log-lines.js'),
  ]);
  // Large worlds take seconds to build: progress on stderr, so stdout keeps the banner and logs.
  const progress = progressRenderer({ out: process.stderr, color: colorFor(process.stderr) });
  const fail = (e: unknown): never => {
    const message = e instanceof ListenError ? e.message : `cannot start: ${(e as Error).message}`;
    if (!(e instanceof ListenError) && process.env.CONNKIT_DEBUG) console.error(e);
    return cmd.error(`error: ${message}`, { exitCode: 2, code: 'connkit.start' });
  };
  let sim: Started;
  try {
    sim = await startSimulator({ ...options, onProgress: (p) => progress.update(p) });
  } catch (e) {
    progress.stop();
    return fail(e);
  }
  try {
    // The banner's example curls read each world: the builds happen here, before it prints.
    const text = banner(sim, options.seed ?? defaultSeed, vendorModules);
    progress.stop();
    console.log(text);
  } catch (e) {
    progress.stop();
    await sim.close();
    return fail(e);
  }
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function banner(
  sim: Started,
  seed: number,
  vendorModules: typeof import('../sim/vendors/index.js').vendorModules,
): string {
  const lines = [
    `connkit simulator on ${sim.url}${sim.tlsUrl ? ` and ${sim.tlsUrl}` : ''} (seed ${seed})`,
    `connkit page: ${sim.url}/  (APIs, scenarios, live journal, state, docs)`,
    '',
  ];
  // `connkit curl` finds this server without --url only on the default address.
  const curlFlags = sim.url === `http://127.0.0.1:${defaultPort}` ? '' : ` --url ${sim.url}`;
  for (const index of sim.served) {
    const path = `${index.prefix}${index.basePath}`;
    const mod = vendorModules[index.name as VendorName];
    // The vendor's own path too: a client written for the real API changes only its host.
    lines.push(index.title, `  ${sim.url}${path}`, `  ${sim.url}${index.basePath}  (the vendor's path)`);
    if (sim.tlsUrl) lines.push(`  ${sim.tlsUrl}${index.basePath}  (the vendor's path, HTTPS)`);
    const curl = `  ${mod.exampleCurl?.(sim.session().state(index.name, 'read'), `${sim.url}${path}`) ?? ''}`;
    lines.push(
      curl.length <= bannerWidth && curl.trim() ? curl : `  try it: eval "$(connkit curl ${index.name}${curlFlags})"`,
      '',
    );
  }
  if (sim.tlsUrl)
    lines.push(
      ...(sim.caPath
        ? [
            "HTTPS: trust connkit's local CA with",
            `  NODE_EXTRA_CA_CERTS=${sim.caPath}`,
            `  curl --cacert ${sim.caPath}`,
          ]
        : ['HTTPS: your certificate was issued by a CA: clients must trust that CA']),
    );
  lines.push(`control API: ${sim.url}/__control  (credentials, fixture ids: /__control/fixtures)`);
  return lines.join('\n');
}
