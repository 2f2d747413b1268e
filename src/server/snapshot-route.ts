import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { NextFunction, Request, Response } from 'express';
import { checkControlAccess } from '../sim/control/auth.js';
import { ApiError, isApiError } from '../sim/errors.js';
import { statusOf } from '../sim/issues.js';
import { journalEntry } from '../sim/pipeline/journal.js';
import type { SimRequest } from '../sim/request.js';
import { exportSession, exportSessionJson } from '../sim/snapshot/export.js';
import { batched } from '../sim/snapshot/batched.js';
import { ndjsonType } from '../sim/snapshot/format.js';
import { splitLines } from '../sim/snapshot/import.js';
import type { Simulator } from '../sim/core.js';

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/**
 * `GET /__control/state` and an NDJSON `PUT /__control/state`, streamed: the one control route
 * whose bodies have no size bound (a million records is hundreds of MB each way). Access and
 * session rules are the control API's own; a JSON `PUT` goes on to the core as before.
 */
export function snapshotRoutes(core: Simulator, controlToken: string | undefined) {
  /** The request as the core sees one: what access checks and the journal read. */
  const simRequest = (req: Request): SimRequest => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    return {
      method: req.method,
      origin: '',
      target: req.originalUrl,
      headers,
      remoteAddress: req.socket.remoteAddress ?? '',
    };
  };
  /** Every answer is journaled, as the core journals its own; a streamed body is not kept. */
  const answered = (
    sim: SimRequest,
    res: Response,
    session: string,
    operationId: string,
    arrived: number,
    started: number,
  ) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.getHeaders())) if (v !== undefined) headers[k] = String(v);
    core.journal.add(
      journalEntry({
        req: sim,
        res: { status: res.statusCode, headers },
        session,
        api: 'control',
        operationId,
        arrived,
        durationMs: performance.now() - started,
        scenarios: [],
      }),
    );
  };
  const fail = (res: Response, err: unknown) => {
    if (res.headersSent) return void res.destroy();
    const e = isApiError(err)
      ? err
      : new ApiError({
          kind: 'unprocessable',
          code: 'invalid_snapshot',
          message: err instanceof Error ? err.message : String(err),
        });
    res.status(statusOf(e)).json({ error: { code: e.code ?? e.kind, message: e.message } });
  };
  const route =
    (operationId: string, run: (req: Request, res: Response, sim: SimRequest) => Promise<string>) =>
    (req: Request, res: Response, next: NextFunction) => {
      if (operationId === 'importState' && !(header(req, 'content-type') ?? '').toLowerCase().startsWith(ndjsonType))
        return next();
      const arrived = Date.now();
      const started = performance.now();
      const sim = simRequest(req);
      let session = header(req, 'x-connkit-session') ?? 'default';
      run(req, res, sim)
        .then((name) => (session = name))
        .catch((err: unknown) => {
          // What is left of a refused body is read and dropped, so the answer reaches the caller.
          req.resume();
          fail(res, err);
        })
        .finally(() => answered(sim, res, session, operationId, arrived, started));
    };
  const sessionOf = (sim: SimRequest) => {
    checkControlAccess(sim, controlToken);
    return core.session(sim.headers['x-connkit-session']);
  };

  const exportState = route('exportState', async (req, res, sim) => {
    const session = sessionOf(sim);
    const ndjson = (header(req, 'accept') ?? '').includes(ndjsonType);
    res.writeHead(200, {
      'Content-Type': ndjson ? `${ndjsonType}; charset=utf-8` : 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    await pipeline(Readable.from(batched(ndjson ? exportSession(session) : exportSessionJson(session))), res);
    return session.name;
  });

  const importState = route('importState', async (req, res, sim) => {
    const name = sessionOf(sim).name;
    const session = await core.importSnapshot(name, splitLines(req));
    res.status(200).json({ session: session.name, seed: session.seed });
    return session.name;
  });
  return { exportState, importState };
}
