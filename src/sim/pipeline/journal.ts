import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { locals } from './context.js';

/** Records every answered (or reset) request in the bounded journal and the log. */
export function journal(log: Logger): RequestHandler {
  return (req, res, next) => {
    const done = () => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      const l = locals(res);
      const entry = {
        at: new Date(l.arrived).toISOString(),
        session: l.ctx.session?.name ?? String(req.headers['x-connkit-session'] ?? 'default'),
        method: req.method,
        url: req.originalUrl,
        api: l.module.name,
        operationId: l.op?.id,
        status: res.headersSent ? res.statusCode : 0,
        durationMs: Math.round((performance.now() - l.started) * 100) / 100,
        scenarios: l.scenarios.length ? l.scenarios : undefined,
        violations: l.violations,
      };
      l.world.journal.add(entry);
      log.info(entry, `${entry.method} ${entry.url} ${entry.status || 'reset'}`);
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
