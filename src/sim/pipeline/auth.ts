import type { RequestHandler } from 'express';
import type { RequestContext } from '../module.js';
import { locals } from './context.js';

/** The vendor's rule for who is calling; runs before validation, as the vendors do. */
export const authenticate: RequestHandler = (_req, res, next) => {
  const l = locals(res);
  l.ctx.principal = l.module.authenticate(l.ctx as RequestContext);
  next();
};

/** The vendor's checks that need validated input and state (organization access…). */
export const authorize: RequestHandler = (_req, res, next) => {
  const l = locals(res);
  l.module.authorize?.(l.ctx as RequestContext);
  next();
};
