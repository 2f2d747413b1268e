import { ApiError } from '../errors.js';
import type { Session } from '../session.js';
import type { World } from '../world.js';
import type { Located } from './context.js';
import { widen, type Entry, type Step } from './pipeline.js';

const sessionName = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `X-Connkit-Session: <name>` picks that session's own state and scenarios: the one rule
 * for every door (the pipeline, the page, the journal's filter).
 */
export function resolveSession(world: World, name: string | undefined): Session {
  if (name !== undefined && !sessionName.test(name)) {
    throw new ApiError({
      kind: 'validation',
      message: 'X-Connkit-Session must be 1-64 letters, digits, dots, dashes or underscores',
      field: ['header', 'X-Connkit-Session'],
      issues: [
        {
          in: 'header',
          path: ['X-Connkit-Session'],
          keyword: 'pattern',
          message: 'must match ^[A-Za-z0-9._-]{1,64}$',
          params: {},
        },
      ],
    });
  }
  return world.session(name);
}

/**
 * The session the request names, then what the router could not give: an unknown path, a
 * method the path does not list (405 with exactly its own methods), a path that is not
 * valid percent-encoding. Past it, the request has an operation and the session's state.
 */
export function locate(world: World): Step<Entry, Located> {
  return (ctx) => {
    const session = resolveSession(world, ctx.req.headers['x-connkit-session']);
    const { match } = ctx;
    if (match.kind === 'unknown_path') throw new ApiError({ kind: 'route_not_found', message: 'Not Found' });
    if (match.kind === 'method')
      throw new ApiError({
        kind: 'method_not_allowed',
        message: 'Method Not Allowed',
        code: 'method_not_allowed',
        headers: { Allow: match.allow.join(', ') },
      });
    if (match.kind === 'bad_encoding')
      throw new ApiError({
        kind: 'validation',
        message: 'request path is not valid percent-encoding',
        field: ['path'],
        issues: [{ in: 'path', path: [], keyword: 'format', message: 'is not valid percent-encoding', params: {} }],
      });
    const api = ctx.mount.module.name;
    const state = world.modules.has(api) ? session.state(api, match.op.method === 'get' ? 'read' : 'write') : undefined;
    return widen(ctx, { op: match.op, path: match.params, session, sessionName: session.name, state, body: undefined });
  };
}
