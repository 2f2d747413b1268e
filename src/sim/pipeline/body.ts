import { ApiError } from '../errors.js';
import type { SimRequest } from '../request.js';
import type { Located, WithBody } from './context.js';
import { widen } from './pipeline.js';

const jsonType = /^application\/(?:json|[^;\s]+\+json)\s*(?:;|$)/i;
const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * The JSON body, if the request carries one: a body sent where none is documented still has
 * to be well-formed, as on the vendors' servers. Bodies of other media types are not read
 * (an operation that needs JSON then reports it missing). An empty JSON body is `{}`, as
 * Express's parser has always given the handlers.
 */
export function parseBody(req: SimRequest): unknown {
  if (req.bodyTooLarge)
    throw new ApiError({ kind: 'body_too_large', message: 'request body is larger than 1 MB', field: ['body'] });
  if (req.body === undefined) return undefined;
  const type = req.headers['content-type'];
  if (!type || !jsonType.test(type)) return undefined;
  const cs = charset.exec(type)?.[1]?.toLowerCase();
  if (cs && cs !== 'utf-8' && cs !== 'utf8')
    throw new ApiError({ kind: 'malformed_body', message: 'request body encoding is not supported', field: ['body'] });
  if (req.body.trim() === '') return {};
  try {
    return JSON.parse(req.body);
  } catch {
    throw new ApiError({ kind: 'malformed_body', message: 'request body is not valid JSON', field: ['body'] });
  }
}

export const readBody = (ctx: Located): WithBody =>
  ctx.req.body === undefined && !ctx.req.bodyTooLarge ? ctx : widen(ctx, { body: parseBody(ctx.req) });
