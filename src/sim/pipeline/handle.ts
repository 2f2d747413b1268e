import type { Request, RequestHandler } from 'express';
import type { RequestContext } from '../module.js';
import { locals, type PipelineLocals } from './context.js';
import { send } from './respond.js';

const maxCachedAnswers = 1000;

/**
 * A cacheable read that this caller made before, at this state version, is answered from the
 * serialized copy right after authentication: the same URL, credentials and organization
 * headers passed validation and authorization then, and nothing they depend on has changed.
 */
export const cached: RequestHandler = (req, res, next) => {
  const l = locals(res);
  if (!l.module.cacheable?.has(l.op!.id)) return next();
  const session = l.ctx.session!;
  const hit = session.answers.get(cacheKey(req, l));
  if (hit && hit.version === session.version) send(res, { status: hit.status, headers: hit.headers, raw: hit.raw });
  else next();
};

/**
 * Runs the operation's handler over the session's state and sends what it returns; a
 * cacheable read's answer is serialized once and kept until the state changes.
 */
export const handle: RequestHandler = async (req, res) => {
  const l = locals(res);
  const op = l.op!;
  const session = l.ctx.session!;
  // A request that may write moves the session's version, whatever it answers, so no
  // cached answer outlives a change.
  if (op.method !== 'get') session.version++;
  const reply = await l.module.handlers[op.id](l.ctx as RequestContext);
  if (l.module.cacheable?.has(op.id) && reply.status >= 200 && reply.status < 300 && reply.body !== undefined) {
    if (session.answers.size >= maxCachedAnswers) session.answers.clear();
    const raw = JSON.stringify(reply.body);
    if (send(res, reply, raw)) session.answers.set(cacheKey(req, l), { version: session.version, status: reply.status, headers: reply.headers, raw });
    return;
  }
  send(res, reply);
};

/** Everything the answer of a read can depend on besides state: the URL, who asks, the faults. */
function cacheKey(req: Request, l: PipelineLocals): string {
  const h = req.headers;
  return [req.originalUrl, h.authorization, h['requester-organization-id'], h['target-organization-id'], JSON.stringify(l.ctx.faults)].join('\n');
}
