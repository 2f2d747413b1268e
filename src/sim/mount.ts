import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Operation, SpecIndex } from '../spec/index.js';
import { ApiError } from './errors.js';
import type { ApiModule } from './module.js';
import { authenticate, authorize } from './pipeline/auth.js';
import { errorHandler } from './pipeline/errors.js';
import { cached, handle } from './pipeline/handle.js';
import { journal } from './pipeline/journal.js';
import { scenario } from './pipeline/scenario.js';
import { session } from './pipeline/session.js';
import { validate } from './pipeline/validate.js';
import type { World } from './world.js';

/** 1 MB, as the vendors' gateways allow; larger bodies get the vendor's error. */
export const bodyLimit = '1mb';
const json = express.json({ limit: bodyLimit, strict: false, type: ['application/json', 'application/*+json'] });

/**
 * Serves one API under `<prefix><server path>`: a route per operation of its spec, each
 * running the shared pipeline and ending in the operation's handler.
 */
export function mountApi(app: Express, world: World, index: SpecIndex, module: ApiModule, log: Logger): void {
  const missing = index.operations.filter((op) => !module.handlers[op.id]).map((op) => op.id);
  if (missing.length) throw new Error(`${module.name}: no handler for ${missing.join(', ')}`);

  const router = express.Router();
  router.use((_req, res, next) => {
    res.locals.ck = { world, module, started: performance.now(), arrived: Date.now(), scenarios: [], ctx: { faults: {} } };
    next();
  });
  router.use(journal(log));
  // Every route parses a JSON body (a body sent where none is documented still has to be
  // well-formed, as on the vendors' servers); the parser returns at once when there is none.
  router.use(json);
  for (const op of index.operations) {
    router[op.method](op.routePath, forOperation(op), session, scenario, authenticate, cached, validate, authorize, handle);
  }
  router.use(() => {
    throw new ApiError({ kind: 'route_not_found', message: 'Not Found' });
  });
  router.use(errorHandler(log));
  app.use(index.prefix + index.basePath, router);
}

function forOperation(op: Operation): RequestHandler {
  return (_req, res, next) => {
    res.locals.ck.op = op;
    res.locals.ck.ctx.op = op;
    next();
  };
}
