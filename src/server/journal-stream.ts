import express, { type Response, type Router } from 'express';
import { checkControlAccess } from '../sim/control/auth.js';
import { isApiError } from '../sim/errors.js';
import { headersOf } from './core-door.js';
import type { JournalEntry } from '../sim/journal.js';
import type { JournalView } from '../sim/core.js';

export { defaultStreamLimits, type JournalStreamOptions, type StreamGauge } from './journal-stream-limits.js';
import { defaultStreamLimits, type JournalStreamOptions, type StreamGauge } from './journal-stream-limits.js';

const event = (e: JournalEntry) => `id: ${e.seq}\nevent: entry\ndata: ${JSON.stringify(e)}\n\n`;

/**
 * One client's outgoing queue. The backlog is a list of entries the journal holds anyway,
 * serialized only as the socket takes them; live entries are serialized on arrival and counted.
 * Nothing is written while the socket's own buffer is past its high-water mark, so what waits
 * is what the queue counts, and past `maxBufferedBytes` the client is dropped.
 */
class Outbox {
  private readonly backlog: JournalEntry[];
  private live: string[] = [];
  queued = 0;
  closed = false;

  constructor(
    private readonly res: Response,
    backlog: JournalEntry[],
    private readonly maxBufferedBytes: number,
    private readonly onDrop: () => void,
  ) {
    this.backlog = backlog.reverse();
    res.on('drain', () => this.pump());
  }

  get buffered(): number {
    return this.closed ? 0 : this.res.writableLength + this.queued;
  }

  push(e: JournalEntry): void {
    if (this.closed) return;
    const chunk = event(e);
    this.live.push(chunk);
    this.queued += chunk.length;
    if (this.buffered > this.maxBufferedBytes) return this.drop();
    this.pump();
  }

  /** A heartbeat only into an idle socket: a stalled one needs no more bytes. */
  beat(): void {
    if (!this.closed && this.res.writableLength === 0 && this.queued === 0) this.res.write(': heartbeat\n\n');
  }

  pump(): void {
    while (!this.closed && !this.res.writableNeedDrain) {
      const next = this.backlog.pop();
      if (next) {
        this.res.write(event(next));
        continue;
      }
      const chunk = this.live.shift();
      if (chunk === undefined) return;
      this.queued -= chunk.length;
      this.res.write(chunk);
    }
  }

  drop(): void {
    this.close();
    this.onDrop();
    this.res.destroy();
  }

  close(): void {
    this.closed = true;
    this.live = [];
    this.queued = 0;
  }
}

/**
 * GET /__control/journal/stream: the journal as server-sent events, one `entry` event per
 * answered request, id = its seq. A reconnecting EventSource sends Last-Event-ID and gets
 * what it missed (as far as the ring still holds it, at most `maxBacklog`); a first
 * connection gets the newest `backlog` entries (0 by default) and then every new one.
 * A client that stops reading is dropped once `maxBufferedBytes` wait for it.
 */
export function journalStream(
  journal: JournalView,
  options: JournalStreamOptions = {},
): Router & { gauge: () => StreamGauge } {
  const maxBufferedBytes = options.maxBufferedBytes ?? defaultStreamLimits.maxBufferedBytes;
  const maxBacklog = options.maxBacklog ?? defaultStreamLimits.maxBacklog;
  const outboxes = new Set<Outbox>();
  let dropped = 0;
  const router = express.Router({ caseSensitive: true, strict: true });
  router.get('/__control/journal/stream', (req, res) => {
    try {
      // The same rule as every other control call: loopback, or the --control-token.
      checkControlAccess(
        { headers: headersOf(req.headers), remoteAddress: req.socket.remoteAddress },
        options.controlToken,
      );
    } catch (e) {
      if (!isApiError(e)) throw e;
      return void res
        .status(e.kind === 'unauthenticated' ? 401 : 403)
        .json({ error: { code: e.code, message: e.message } });
    }
    const since = Number(req.headers['last-event-id']);
    const backlog = Math.min(Math.max(Number(req.query.backlog) || 0, 0), maxBacklog, journal.capacity);
    const earlier =
      req.headers['last-event-id'] !== undefined && Number.isInteger(since)
        ? journal
            .list()
            .filter((e) => e.seq > since)
            .slice(-maxBacklog)
        : backlog
          ? journal.list(backlog)
          : [];

    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    const outbox = new Outbox(res, earlier, maxBufferedBytes, () => dropped++);
    outboxes.add(outbox);
    const unsubscribe = journal.subscribe((e) => outbox.push(e));
    const heartbeat = setInterval(() => outbox.beat(), options.heartbeatMs ?? 15_000);
    heartbeat.unref();
    outbox.pump();
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      outbox.close();
      outboxes.delete(outbox);
    });
  });
  const gauge = (): StreamGauge => ({
    open: outboxes.size,
    buffered: [...outboxes].reduce((n, o) => n + o.buffered, 0),
    dropped,
  });
  return Object.assign(router, { gauge });
}
