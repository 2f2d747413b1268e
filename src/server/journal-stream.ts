import express, { type Router } from 'express';
import { checkControlAccess } from '../sim/control/auth.js';
import { isApiError } from '../sim/errors.js';
import { headersOf } from './core-door.js';
import type { JournalEntry } from '../sim/journal.js';
import type { JournalView } from '../sim/core.js';

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
export function journalStream(journal: JournalView, options: JournalStreamOptions = {}): Router {
  const router = express.Router();
  router.get('/__control/journal/stream', (req, res) => {
    try {
      // The same rule as every other control call: loopback, or the --control-token.
      checkControlAccess({ headers: headersOf(req.headers), remoteAddress: req.socket.remoteAddress }, options.controlToken);
    } catch (e) {
      if (!isApiError(e)) throw e;
      const err = e;
      return void res.status(err.kind === 'unauthenticated' ? 401 : 403).json({ error: { code: err.code, message: err.message } });
    }
    const since = Number(req.headers['last-event-id']);
    const backlog = Math.min(Math.max(Number(req.query.backlog) || 0, 0), journal.capacity);
    const earlier = Number.isInteger(since) ? journal.list().filter((e) => e.seq > since) : backlog ? journal.list(backlog) : [];

    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    const send = (e: JournalEntry) => res.write(`id: ${e.seq}\nevent: entry\ndata: ${JSON.stringify(e)}\n\n`);
    res.write('retry: 1000\n\n');
    for (const e of earlier) send(e);
    const unsubscribe = journal.subscribe(send);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), options.heartbeatMs ?? 15_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
  return router;
}
