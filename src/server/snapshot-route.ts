import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { NextFunction, Request, Response } from 'express';
import { checkControlAccess } from '../sim/control/auth.js';
import { ApiError, isApiError } from '../sim/errors.js';
import { statusOf } from '../sim/issues.js';
import { resolveSession } from '../sim/pipeline/session.js';
import { exportSession, exportSessionJson } from '../sim/snapshot/export.js';
import { ndjsonType } from '../sim/snapshot/format.js';
import { importSession, splitLines } from '../sim/snapshot/import.js';
import type { World } from '../sim/world.js';

/** Joins small pieces into writes of about 64 KiB: one syscall per record would cost more than the record. */
function* batched(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buf = '';
  for (const p of pieces) {
    buf += p;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/**
 * `GET /__control/state` and an NDJSON `PUT /__control/state`, streamed: the one control route
 * whose bodies have no size bound (a million records is hundreds of MB each way). Access and
 * session rules are the control API's own; a JSON `PUT` goes on to the core as before.
 */
export function snapshotRoutes(world: World, controlToken: string | undefined) {
  const fail = (res: Response, err: unknown, next: NextFunction) => {
    if (!isApiError(err)) return next(err);
    if (res.headersSent) return void res.destroy();
    res.status(statusOf(err)).json({ error: { code: err.code ?? err.kind, message: err.message } });
  };
  const sessionOf = (req: Request) => {
    const token = header(req, 'x-connkit-control-token');
    const headers: Record<string, string> = token === undefined ? {} : { 'x-connkit-control-token': token };
    checkControlAccess({ method: req.method, origin: '', target: req.url, headers, params: {}, remoteAddress: req.socket.remoteAddress ?? '' }, controlToken);
    return resolveSession(world, header(req, 'x-connkit-session'));
  };

  const exportState = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const session = sessionOf(req);
      const ndjson = (header(req, 'accept') ?? '').includes(ndjsonType);
      res.writeHead(200, { 'Content-Type': ndjson ? `${ndjsonType}; charset=utf-8` : 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      await pipeline(Readable.from(batched(ndjson ? exportSession(session) : exportSessionJson(session))), res);
    } catch (err) {
      fail(res, err, next);
    }
  };

  const importState = async (req: Request, res: Response, next: NextFunction) => {
    if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith(ndjsonType)) return next();
    try {
      const name = sessionOf(req).name;
      const session = await importSession(world, name, splitLines(req));
      res.status(200).json({ session: session.name, seed: session.seed });
    } catch (err) {
      // What is left of a refused body is read and dropped, so the answer reaches the caller.
      req.resume();
      fail(res, err instanceof SyntaxError ? new ApiError({ kind: 'unprocessable', code: 'invalid_snapshot', message: err.message }) : err, next);
    }
  };
  return { exportState, importState };
}
