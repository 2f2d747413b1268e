import type cors from 'cors';
import type { Express } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from '../sim/core.js';
import { isGuarded } from './boundary.js';
import { coreDoor } from './core-door.js';
import { scheme } from './scheme.js';

/**
 * The server's request listener. A vendor API request goes straight to the core, which routes
 * it from the specs, with permissive CORS (frontend apps need it); connkit's own paths go
 * through the Express app, where the control boundary, the page and the specs live. The
 * vendor path so skips Express's per-layer walk, which it has no use for.
 */
export function requestListener(
  sim: Simulator,
  app: Express,
  allowCors: ReturnType<typeof cors> | undefined,
): (req: IncomingMessage, res: ServerResponse) => void {
  const door = coreDoor(sim, scheme);
  const fail = (res: ServerResponse) => (err?: unknown) => {
    if (err === undefined) return;
    res.statusCode = 500;
    res.end('{"error":"internal server error"}');
  };
  return (req, res) => {
    // connkit's own paths, in any spelling, go through the app and so through its boundary.
    if (isGuarded(req.url ?? '/')) return void app(req, res);
    if (!allowCors) return door(req, res, fail(res));
    allowCors(req, res, () => door(req, res, fail(res)));
  };
}
