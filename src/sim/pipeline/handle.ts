import type { Request, RequestHandler } from 'express';
import type { RequestContext } from '../module.js';
import { locals, type PipelineLocals } from './context.js';
import { send } from './respond.js';

const maxCachedAnswers = 1000;

/**
 * Runs the operation's handler over the session's state and sends what it returns. A cacheable
 * read is serialized once per state version and caller, and served as is until state changes.
 */
export const handle: RequestHandler = async (req, res) => {
  const l = locals(res);
  const op = l.op!;
  const session = l.ctx.session!;
  const handler = l.module.handlers[op.id];
  // A request that may write moves the session's version, whatever it answers, so no
  // cached answer outlives a change.
  if (op.method !== 'get') session.version++;
  const key = l.module.cacheable?.has(op.id) ? cacheKey(req, l) : undefined;
  if (key) {
    const hit = session.answers.get(key);
    if (hit && hit.version === session.version) {
      send(res, { status: hit.status, headers: hit.headers, raw: hit.raw });
      return;
    }
  }
  const reply = await handler(l.ctx as RequestContext);
  if (key && reply.status >= 200 && reply.status < 300 && reply.body !== undefined) {
    if (session.answers.size >= maxCachedAnswers) session.answers.clear();
    const raw = JSON.stringify(reply.body);
    if (send(res, reply, raw)) session.answers.set(key, { version: session.version, status: reply.status, headers: reply.headers, raw });
    return;
  }
  send(res, reply);
};

/** Everything the answer of a read can depend on besides state: the URL, who asks, the faults. */
function cacheKey(req: Request, l: PipelineLocals): string {
  const h = req.headers;
  return [req.originalUrl, h.authorization, h['requester-organization-id'], h['target-organization-id'], JSON.stringify(l.ctx.faults)].join('\n');
}
