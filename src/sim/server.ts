import cors from 'cors';
import express, { type Express } from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { pino, type Logger, type LevelWithSilent } from 'pino';
import { specPath } from '../paths.js';
import type { SpecIndex } from '../spec/index.js';
import { specIndex } from '../spec/registry.js';
import { vendorNames, type VendorName } from '../spec/names.js';
import { controlModule } from './control/index.js';
import { mountApi } from './mount.js';
import { lastResort } from './pipeline/errors.js';
import { normalizeScenario } from './scenarios/catalog.js';
import { defaultSize } from './session.js';
import { vendorModules } from './vendors/index.js';
import { World } from './world.js';

export interface SimulatorOptions {
  seed?: number;
  /** Records per main fixture, per API (`{ mycreditapp: 100000 }`); `defaultSize` otherwise. */
  sizes?: Partial<Record<VendorName, number>>;
  apis?: VendorName[];
  scenarios?: { name: string; apis?: string[]; params?: Record<string, unknown> }[];
  cors?: boolean;
  controlToken?: string;
  /** Check every answer against the spec (tests turn it on). */
  validateResponses?: boolean;
  maxSessions?: number;
  journalSize?: number;
  logLevel?: LevelWithSilent;
}

export const defaultSeed = 42;
export const defaultPort = 4010;


export interface Simulator {
  app: Express;
  world: World;
  served: SpecIndex[];
  log: Logger;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const apis = options.apis?.length ? options.apis : [...vendorNames];
  const log = pino({ level: options.logLevel ?? 'info', base: undefined });
  const served = apis.map(specIndex);
  const sizes = Object.fromEntries(vendorNames.map((v) => [v, options.sizes?.[v] ?? defaultSize]));
  const world = new World({
    seed: options.seed ?? defaultSeed,
    sizes,
    modules: apis.map((a) => vendorModules[a]),
    maxSessions: options.maxSessions ?? 100,
    journalSize: options.journalSize ?? 1000,
  });
  world.session().scenarios = (options.scenarios ?? []).map(normalizeScenario);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.locals.validateResponses = options.validateResponses === true;
  if (options.cors !== false)
    app.use(cors({ exposedHeaders: ['X-Connections-Degraded', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'] }));

  for (const index of served) mountApi(app, world, index, vendorModules[index.name as VendorName], log);
  mountApi(app, world, specIndex('control'), controlModule(served, options.controlToken), log);

  app.get('/__specs/:name.yaml', (req, res) => {
    const name = String(req.params.name);
    if (!served.some((s) => s.name === name) && name !== 'control') return void res.status(404).json({ error: `no spec ${name}` });
    res.type('application/yaml').send(readFileSync(specPath(name), 'utf8'));
  });
  app.get('/', (req, res) => {
    const origin = `${req.protocol}://${req.headers.host}`;
    res.json({
      connkit: 'simulator',
      apis: served.map((s) => ({ name: s.name, title: s.title, base_url: `${origin}${s.prefix}${s.basePath}`, spec: `${origin}/__specs/${s.name}.yaml` })),
      control: `${origin}/__control`,
    });
  });
  app.use((req, res) => {
    res.status(404).json({ error: `no API at ${req.path}`, apis: served.map((s) => `${s.prefix}${s.basePath}`) });
  });
  app.use(lastResort(log));
  return { app, world, served, log };
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

export interface RunningSimulator extends Simulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions & { host?: string; port?: number } = {}): Promise<RunningSimulator> {
  const sim = createSimulator(options);
  const host = options.host ?? '127.0.0.1';
  const server = sim.app.listen(options.port ?? defaultPort, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  warmInBackground(sim.served.concat(specIndex('control')));
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    ...sim,
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
