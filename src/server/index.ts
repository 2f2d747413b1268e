import type { LevelWithSilent, Logger } from 'pino';
import type { SpecIndex } from '../contract/index.js';
import { specIndex } from '../contract/registry.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../sim/core.js';
import type { ChosenApis } from '../sim/chosen-apis.js';
import type { VendorName } from '../contract/names.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import type { AppOptions } from './app-options.js';
import { createApp, type ConnkitApp } from './app.js';
import type { StreamGauge } from './journal-stream-limits.js';
import { requestListener } from './handler.js';
import { listen, type Listening, type ListenOptions } from './listen.js';
import { serverLogger } from './logger.js';
import { defaultMaxMemory } from './memory.js';
import { vendorCors, vendorCorsHeaders } from './vendor-cors.js';
import { colorFor, logFormatFor, requestLine, type LogFormat, type LogStream } from './log-lines.js';
import { persist, type PersistOptions } from './persist.js';

export { defaultSeed } from '../sim/core.js';
import { defaultPort } from '../default-port.js';

export { defaultPort };

export interface ServerOptions extends Omit<SimulatorOptions, 'log'>, AppOptions {
  logLevel?: LevelWithSilent;
  /** `pretty` (one short line per request) on a TTY, `json` (pino) elsewhere, unless given. */
  logFormat?: LogFormat;
  /** Where logs go (standard output by default). */
  logStream?: LogStream;
}

export interface SimulatorServer<A extends VendorName = never> extends Simulator<A> {
  /**
   * connkit's own paths (page, control, specs) and, for callers that use it alone, the APIs too:
   * an Express app, typed as the plain Node listener it is so the public types need no Express;
   * `journalStreams()` says what its open journal streams hold.
   */
  app: ((req: IncomingMessage, res: ServerResponse) => void) & { journalStreams(): StreamGauge };
  /** What the server listens with: vendor API requests straight to the core, the rest to `app`. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  log: Logger;
}

/**
 * The core with its Express door, not yet listening (tests inject requests into `app`);
 * `tlsPort` says, once it listens, the HTTPS port the page shows beside the http one.
 */
export function createServer(
  options: ServerOptions = {},
  tlsPort: () => number | undefined = () => undefined,
): SimulatorServer {
  const stream = options.logStream ?? process.stdout;
  const log = serverLogger(options.logLevel ?? 'info', options.logStream);
  const sim = createSimulator({ ...options, maxMemory: options.maxMemory ?? defaultMaxMemory(), log });
  // One log line per answered request, from the journal: the core itself logs nothing per request.
  if (log.isLevelEnabled('info')) {
    const color = colorFor(stream);
    sim.journal.subscribe(
      logFormatFor(stream, options.logFormat) === 'pretty'
        ? (e) => void stream.write(`${requestLine(e, color)}\n`)
        : (e) =>
            log.info(
              {
                session: e.session,
                api: e.api,
                operationId: e.operationId,
                status: e.status,
                durationMs: e.durationMs,
                scenarios: e.scenarios,
              },
              `${e.method} ${e.url} ${e.status || 'reset'}`,
            ),
    );
  }
  // One CORS policy: the listener applies it to vendor calls, the app to those it serves alone.
  const allowCors = options.cors === false ? undefined : vendorCors(sim.exposedHeaders);
  // Made on first use: vendor API requests never reach it (the listener hands them to the core),
  // so a start that serves only them neither loads Express nor builds its routes. `app` is the
  // Express app itself, not a stand-in: light-my-request recognises Express by its own shape.
  let app: ConnkitApp | undefined;
  const appOf = () => (app ??= createApp(sim, log, options, { cors: allowCors, tlsPort }));
  const listener = requestListener(
    sim,
    (req, res) => void appOf()(req, res),
    allowCors,
    vendorCorsHeaders(sim.exposedHeaders),
  );
  return withGetters(sim, {
    get app() {
      return appOf();
    },
    listener,
    log,
  });
}

/** `{...base, ...extra}`, except that getters stay getters (a spread would call them now). */
function withGetters<A extends object, B extends object>(base: A, extra: B): A & B {
  return Object.defineProperties(
    Object.defineProperties({}, Object.getOwnPropertyDescriptors(extra)),
    Object.getOwnPropertyDescriptors(base),
  ) as A & B;
}

/**
 * Validators compile on first use. A moment after start-up (so the first requests are not
 * queued behind it) the rest compile, one operation per turn of the event loop. `stop` ends it
 * and waits for the body validators it is importing: a server closed within its first second
 * (a test file's) leaves no import running after it, which a test runner would report as an
 * error of its own.
 */
function warmInBackground(indexes: SpecIndex[]): { stop(): Promise<void> } {
  const queue = indexes.flatMap((i) => i.operations);
  const importing = new Set<Promise<void>>();
  let stopped = false;
  const next = () => {
    const op = stopped ? undefined : queue.shift();
    if (!op) return;
    const pending = op.ready(true);
    if (pending) importing.add(pending);
    op.warm();
    setImmediate(next).unref();
  };
  const timer = setTimeout(next, 1000).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled(importing);
    },
  };
}

/** A server that listens: with `tls`, also the https URL and the PEM file a client must trust. */
export interface RunningSimulator<A extends VendorName = never> extends SimulatorServer<A>, Listening {}

export type StartOptions = ServerOptions & {
  host?: string;
  port?: number;
  tls?: ListenOptions['tls'];
  persist?: PersistOptions;
};

/** `apis` as a literal list (or left out) types the fixtures of those APIs as present, as `createSimulator` does. */
export async function startSimulator<const L extends readonly VendorName[] | undefined = undefined>(
  options?: StartOptions & { apis?: L },
): Promise<RunningSimulator<ChosenApis<L>>>;
export async function startSimulator(options: StartOptions = {}): Promise<RunningSimulator> {
  // Known once it listens; the page asks for it per request.
  const tls: { port?: number } = {};
  // Behind a session-hashing proxy, `GET /__control/sessions` says which process answered.
  let port = options.port ?? defaultPort;
  const named = options.instance ?? process.env.CONNKIT_INSTANCE;
  const server = createServer({ ...options, instance: named || (() => `${hostname()}:${port}`) }, () => tls.port);
  // The saved state is loaded (or refused) before any port is bound; close() writes it a last time.
  const saved = options.persist ? await persist(server, options.persist) : undefined;
  const bound = await listen(server.listener, {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? defaultPort,
    tls: options.tls,
  });
  const warming = warmInBackground(server.served.concat(specIndex('control')));
  const listening: Listening = {
    ...bound,
    close: async () => {
      await bound.close();
      await warming.stop();
      await saved?.close();
    },
  };
  tls.port = listening.tlsPort;
  port = listening.port;
  return withGetters(server, listening);
}
