import type cors from 'cors';
import express, { type Express } from 'express';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { specPath } from '../paths.js';
import { specIndex } from '../contract/registry.js';
import type { Simulator } from '../sim/core.js';
import { boundary, vendorOnly } from './boundary.js';
import { coreDoor } from './core-door.js';
import { framePolicy } from './frame-policy.js';
import { journalStream, type StreamGauge } from './journal-stream.js';
import { pageRouter } from './page.js';
import { scheme } from './scheme.js';
import { snapshotRoute } from './snapshot-route.js';
import type { AppOptions } from './app-options.js';

export type { AppOptions } from './app-options.js';

/** What the app gets from the server it belongs to: the one CORS middleware, the TLS port once it listens. */
export interface AppParts {
  cors: ReturnType<typeof cors> | undefined;
  tlsPort: () => number | undefined;
}

/** The app, and what its open journal streams hold (bounded: see journal-stream.ts). */
export type ConnkitApp = Express & { journalStreams(): StreamGauge };

/**
 * The Express app: the control boundary, the page, the specs, then the core for the rest
 * (the control API; vendor API requests normally reach the core before Express, see
 * handler.ts, but the app serves them too, with CORS, for callers that use it alone).
 */
export function createApp(sim: Simulator, log: Logger, options: AppOptions, parts: AppParts): ConnkitApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Own paths are served in one spelling only: `/__CONTROL/…` or `/__page/examples/` is no route.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.use(framePolicy());
  app.use(boundary({ host: options.host, controlToken: options.controlToken }));
  const stream = journalStream(sim.journal, { controlToken: options.controlToken, ...options.journalStream });
  app.use(stream);
  app.use(pageRouter({ sim, control: specIndex('control'), tlsPort: parts.tlsPort }));
  if (parts.cors) app.use(vendorOnly(parts.cors));

  app.get('/__specs/:name.yaml', (req, res) => {
    const name = String(req.params.name);
    if (!sim.served.some((s) => s.name === name) && name !== 'control')
      return void res.status(404).json({ error: { code: 'not_found', message: `no spec ${name}` } });
    res.type('application/yaml').send(readFileSync(specPath(name), 'utf8'));
  });
  app.get('/', (req, res) => {
    const origin = `${scheme(req)}://${req.headers.host}`;
    res.json({
      connkit: 'simulator',
      apis: sim.served.map((s) => ({
        name: s.name,
        title: s.title,
        base_url: `${origin}${s.prefix}${s.basePath}`,
        vendor_base_url: `${origin}${s.basePath}`,
        spec: `${origin}/__specs/${s.name}.yaml`,
      })),
      control: `${origin}/__control`,
      page: `${origin}/`,
    });
  });
  const snapshots = snapshotRoute(sim, options.controlToken) as express.RequestHandler;
  app.get('/__control/state', snapshots);
  app.put('/__control/state', snapshots);
  app.use(coreDoor(sim, scheme) as express.RequestHandler);
  app.use(((err, req, res, _next) => {
    // What a route cannot serve (a static miss, a path that is not valid percent-encoding) is
    // the caller's error, told as such; only the unforeseen is a 500.
    const refused = clientError(err);
    if (refused && !res.headersSent)
      return void res.status(refused.status).json({ error: { code: refused.code, message: refused.message } });
    log.error({ err, url: req.originalUrl }, 'unexpected error');
    if (res.headersSent) return void res.destroy();
    res.status(500).json({ error: 'internal server error' });
  }) as express.ErrorRequestHandler);
  return Object.assign(app, { journalStreams: stream.gauge });
}

/** An error Express or a static route raised with a 4xx status (http-errors' `status`). */
function clientError(err: unknown): { status: number; code: string; message: string } | undefined {
  if (typeof err !== 'object' || err === null || !('status' in err) || typeof err.status !== 'number') return undefined;
  const { status } = err;
  if (status < 400 || status > 499) return undefined;
  if (status === 404) return { status, code: 'not_found', message: 'nothing is served at this path' };
  if (status === 400) return { status, code: 'bad_request', message: 'the path is not valid percent-encoding' };
  return {
    status,
    code: 'refused',
    message:
      'expose' in err && err.expose === true && 'message' in err && typeof err.message === 'string'
        ? err.message
        : 'refused',
  };
}
