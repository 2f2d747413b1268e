import { pino, type LevelWithSilent, type Logger } from 'pino';
import type { SpecIndex } from '../spec/index.js';
import { specIndex } from '../spec/registry.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../sim/core.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApp, type AppOptions, type ConnkitApp } from './app.js';
import { requestListener } from './handler.js';
import { listen, type Listening, type ListenOptions } from './listen.js';
import { persist, type PersistOptions } from './persist.js';

export { defaultSeed } from '../sim/core.js';
export const defaultPort = 4010;

export interface ServerOptions extends Omit<SimulatorOptions, 'log'>, AppOptions {
  logLevel?: LevelWithSilent;
}

export interface SimulatorServer extends Simulator {
  /** connkit's own paths (page, control, specs) and, for callers that use it alone, the APIs too. */
  app: ConnkitApp;
  /** What the server listens with: vendor API requests straight to the core, the rest to `app`. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  log: Logger;
}

/** The core with its Express door, not yet listening (tests inject requests into `app`). */
export function createServer(options: ServerOptions = {}): SimulatorServer {
  const log = pino({ level: options.logLevel ?? 'info', base: undefined });
  const sim = createSimulator({ ...options, log });
  // One log line per answered request, from the journal: the core itself logs nothing per request.
  if (log.isLevelEnabled('info'))
    sim.world.journal.subscribe((e) => log.info({ session: e.session, api: e.api, operationId: e.operationId, status: e.status, durationMs: e.durationMs }, `${e.method} ${e.url} ${e.status || 'reset'}`));
  const app = createApp(sim, log, options);
  return withGetters(sim, { app, listener: requestListener(sim, app, options), log });
}

/** `{...base, ...extra}`, except that getters stay getters (a spread would call them now). */
function withGetters<A extends object, B extends object>(base: A, extra: B): A & B {
  return Object.defineProperties({ ...extra }, Object.getOwnPropertyDescriptors(base)) as A & B;
}

/**
 * Validators compile on first use. A moment after start-up (so the first requests are not
 * queued behind it) the rest compile, one operation per turn of the event loop.
 */
function warmInBackground(indexes: SpecIndex[]): void {
  const queue = indexes.flatMap((i) => i.operations);
  const next = () => {
    const op = queue.shift();
    if (!op) return;
    op.warm();
    setImmediate(next).unref();
  };
  setTimeout(next, 1000).unref();
}

/** A server that listens: with `tls`, also the https URL and the PEM file a client must trust. */
export interface RunningSimulator extends SimulatorServer, Listening {}

export async function startSimulator(options: ServerOptions & { host?: string; port?: number; tls?: ListenOptions['tls']; persist?: PersistOptions } = {}): Promise<RunningSimulator> {
  const server = createServer(options);
  // The saved state is loaded (or refused) before any port is bound; close() writes it a last time.
  const saved = options.persist ? await persist(server.world, options.persist) : undefined;
  const bound = await listen(server.listener, { host: options.host ?? '127.0.0.1', port: options.port ?? defaultPort, tls: options.tls });
  const listening: Listening = saved
    ? {
        ...bound,
        close: async () => {
          await bound.close();
          await saved.close();
        },
      }
    : bound;
  // The page shows https base URLs next to the http ones when TLS is on.
  server.app.locals.tlsPort = listening.tlsPort;
  warmInBackground(server.served.concat(specIndex('control')));
  return withGetters(server, listening);
}
