import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { NextFunction, Request, Response } from 'express';
import type { SimRequest } from '../sim/request.js';
import { streamedState } from '../sim/snapshot/stream.js';
import type { Simulator } from '../sim/core.js';
import { headersOf } from './core-door.js';

/**
 * The snapshot stream (`GET /__control/state`, an NDJSON `PUT`: see sim/snapshot/stream.ts)
 * for the Node server: the request body read as it arrives, the answer piped to the socket.
 * What the stream leaves to the pipeline goes on to the core.
 */
export function snapshotRoute(core: Simulator, controlToken: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    const sim: SimRequest = {
      method: req.method,
      origin: '',
      target: req.originalUrl,
      headers: headersOf(req.headers),
      remoteAddress: req.socket.remoteAddress ?? '',
    };
    const answer = streamedState(core, sim, req, controlToken);
    if (!answer) return next();
    answer
      .then(async (a) => {
        // What is left of a refused body is read and dropped, so the answer reaches the caller.
        if (a.status >= 400) req.resume();
        res.writeHead(a.status, a.headers);
        await pipeline(Readable.from(a.body), res);
      })
      .catch(() => {
        // The head is out (a state that failed half-way through its export): only closing says so.
        if (!res.headersSent) res.status(500).json({ error: { code: 'internal', message: 'internal server error' } });
        else res.destroy();
      });
  };
}
