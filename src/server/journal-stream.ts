import express, { type Router } from 'express';
import { checkControlAccess } from '../sim/control/auth.js';
import { ApiError } from '../sim/errors.js';
import type { JournalEntry } from '../sim/journal.js';
import type { SimRequest } from '../sim/request.js';
import type { World } from '../sim/world.js';

export interface JournalStreamOptions {
  controlToken?: string;
  /** Comment lines that keep proxies and idle timers from closing a quiet stream. */
  heartbeatMs?: number;
}

/**
 * GET /__control/journal/stream: the journal as server-sent events, one `entry` event per
 * answered request, id = its seq. A reconnecting EventSource sends Last-Event-ID and gets
 * what it missed (as far as the ring still holds it); a first connection gets the newest
 * `backlog` entries (0 by default) and then every new one.
 */
export function journalStream(world: World, options: JournalStreamOptions = {}): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.get('/__control/journal/stream', (req, res) => {
    try {
      // The same rule as every other control call: loopback, or the --control-token.
      checkControlAccess({ headers: req.headers, remoteAddress: req.socket.remoteAddress } as SimRequest, options.controlToken);
    } catch (e) {
      const err = e as ApiError;
      return void res.status(err.kind === 'unauthenticated' ? 401 : 403).json({ error: { code: err.code, message: err.message } });
    }
    const since = Number(req.headers['last-event-id']);
    const backlog = Math.min(Math.max(Number(req.query.backlog) || 0, 0), world.journal.capacity);
    const earlier = Number.isInteger(since) ? world.journal.list().filter((e) => e.seq > since) : backlog ? world.journal.list(backlog) : [];

    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    const send = (e: JournalEntry) => res.write(`id: ${e.seq}\nevent: entry\ndata: ${JSON.stringify(e)}\n\n`);
    res.write('retry: 1000\n\n');
    for (const e of earlier) send(e);
    const unsubscribe = world.journal.subscribe(send);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), options.heartbeatMs ?? 15_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
  return router;
}
