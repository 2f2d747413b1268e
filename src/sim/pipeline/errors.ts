import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ApiError, isApiError } from '../errors.js';
import { locals } from './context.js';
import { send } from './respond.js';

/**
 * The one place errors become answers: an ApiError in the vendor's envelope, a body-parser
 * or URI failure as the vendor's validation error, anything else as the vendor's 500 (and
 * a log line), never a stack trace.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const l = locals(res);
    const apiError = isApiError(err) ? err : fromFrameworkError(err);
    if (!apiError) log.error({ err, url: req.originalUrl }, 'unexpected error');
    const e = apiError ?? new ApiError({ kind: 'internal', message: 'Internal server error' });
    try {
      const reply = l.module.formatError(e, l.op);
      send(res, { ...reply, headers: { ...e.headers, ...reply.headers }, injected: e.injected });
    } catch (failure) {
      // A formatter that throws must still not leak a stack trace: the vendor's 500, or a bare one.
      log.error({ err: failure, url: req.originalUrl }, 'error formatter failed');
      if (!res.headersSent) {
        try {
          send(res, l.module.formatError(new ApiError({ kind: 'internal', message: 'Internal server error' }), l.op));
        } catch {
          res.status(500).json({ error: 'internal server error' });
        }
      }
    }
  };
}

/** Outside any API's router (CORS, /__specs): a JSON 500, never Express's HTML page. */
export function lastResort(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    log.error({ err, url: req.originalUrl }, 'unexpected error');
    if (res.headersSent) return void res.destroy();
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'internal server error' : 'bad request' });
  };
}

function fromFrameworkError(err: unknown): ApiError | undefined {
  const e = err as { type?: string; status?: number; message?: string } & Error;
  if (e?.type === 'entity.too.large')
    return new ApiError({ kind: 'body_too_large', message: 'request body is larger than 1 MB', field: ['body'] });
  if (e?.type === 'entity.parse.failed')
    return new ApiError({ kind: 'malformed_body', message: 'request body is not valid JSON', field: ['body'] });
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported')
    return new ApiError({ kind: 'malformed_body', message: `request body encoding is not supported`, field: ['body'] });
  if (e instanceof URIError || (e?.status === 400 && /URI|decode/i.test(e.message ?? '')))
    return new ApiError({ kind: 'validation', message: 'request path is not valid percent-encoding', field: ['path'], issues: [{ in: 'path', path: [], keyword: 'format', message: 'is not valid percent-encoding', params: {} }] });
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return new ApiError({ kind: 'malformed_body', message: e.message ?? 'bad request', field: ['body'] });
  return undefined;
}
