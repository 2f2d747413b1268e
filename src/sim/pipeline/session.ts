import type { RequestHandler } from 'express';
import { ApiError } from '../errors.js';
import { locals } from './context.js';

const sessionName = /^[A-Za-z0-9._-]{1,64}$/;

/** `X-Connkit-Session: <name>` picks that session's own state and scenarios. */
export const session: RequestHandler = (req, res, next) => {
  const l = locals(res);
  const name = req.headers['x-connkit-session'];
  if (name !== undefined && (typeof name !== 'string' || !sessionName.test(name))) {
    throw new ApiError({
      kind: 'validation',
      message: 'X-Connkit-Session must be 1-64 letters, digits, dots, dashes or underscores',
      field: ['header', 'X-Connkit-Session'],
      issues: [{ in: 'header', path: ['X-Connkit-Session'], keyword: 'pattern', message: 'must match ^[A-Za-z0-9._-]{1,64}$', params: {} }],
    });
  }
  const s = l.world.session(name);
  l.ctx.session = s;
  l.ctx.world = l.world;
  l.ctx.req = req;
  if (l.world.modules.has(l.module.name)) l.ctx.state = s.state(l.module.name);
  next();
};
