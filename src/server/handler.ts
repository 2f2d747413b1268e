import type cors from 'cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from '../sim/core.js';
import { isGuarded } from './boundary.js';
import { coreDoor } from './core-door.js';
import { scheme } from './scheme.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** The door's last resort: an error no answer was written for (the core answers every other one). */
function failed(this: ServerResponse, err?: unknown): void {
  if (err === undefined) return;
  if (this.headersSent) return void this.destroy();
  this.statusCode = 500;
  this.setHeader('Content-Type', 'application/json; charset=utf-8');
  this.end('{"error":"internal server error"}');
}

/**
 * The server's request listener. A vendor API request goes straight to the core, which routes
 * it from the specs, with permissive CORS (frontend apps need it); connkit's own paths go
 * through the Express app, where the control boundary, the page and the specs live. The
 * vendor path so skips Express's per-layer walk, which it has no use for; its CORS headers
 * are one precomputed list (`corsHeaders`), and only a preflight runs the CORS middleware.
 */
export function requestListener(
  sim: Simulator,
  /** connkit's own paths' handler: the Express app. */
  app: Listener,
  allowCors: ReturnType<typeof cors> | undefined,
  corsHeaders: readonly string[] = [],
): Listener {
  const plain = coreDoor(sim, scheme);
  const withCors = coreDoor(sim, scheme, corsHeaders);
  return (req, res) => {
    // connkit's own paths, in any spelling, go through the app and so through its boundary.
    if (isGuarded(req.url ?? '/')) return void app(req, res);
    const fail = failed.bind(res);
    if (!allowCors) return plain(req, res, fail);
    // A preflight is the middleware's to answer; it sets its headers itself on what it passes on.
    if (req.method === 'OPTIONS') return void allowCors(req, res, () => plain(req, res, fail));
    withCors(req, res, fail);
  };
}
