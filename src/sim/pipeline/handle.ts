import type { RequestHandler } from 'express';
import type { RequestContext } from '../module.js';
import { locals } from './context.js';
import { send } from './respond.js';

/** Runs the operation's handler over the session's state and sends what it returns. */
export const handle: RequestHandler = async (_req, res) => {
  const l = locals(res);
  const op = l.op!;
  const handler = l.module.handlers[op.id];
  // A request that may write moves the session's version, whatever it answers, so no
  // cached answer outlives a change.
  if (op.method !== 'get') l.ctx.session!.version++;
  const reply = await handler(l.ctx as RequestContext);
  send(res, reply);
};
