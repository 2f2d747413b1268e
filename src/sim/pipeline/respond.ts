import type { Response } from 'express';
import { fieldName } from '../errors.js';
import type { Reply } from '../module.js';
import { locals } from './context.js';

/**
 * Writes a reply. Where response validation is on (tests, `--validate-responses`), an answer
 * that breaks the spec is replaced by a 500 naming the violations, so no test passes on a
 * response the contract does not allow. `serialized` is the body as JSON, when the caller
 * made it already. Returns whether the reply went out as given.
 */
export function send(res: Response, reply: Reply, serialized?: string): boolean {
  const l = locals(res);
  const headers: Record<string, string> = {
    ...l.module.responseHeaders?.(l.ctx),
    ...reply.headers,
  };
  const hasBody = (reply.body !== undefined || reply.raw !== undefined) && reply.status !== 204;
  if (res.app.locals.validateResponses && l.op && reply.raw === undefined) {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const documented = l.op.responses.has(String(reply.status));
    const issues = reply.injected && !documented ? [] : l.op.validateResponse(reply.status, hasBody ? reply.body : undefined, lower);
    if (issues.length) {
      l.violations = issues.map((i) => `${fieldName(i.path) || '(body)'} ${i.message}`);
      res.status(500).json({ connkit: 'response-violation', operationId: l.op.id, status: reply.status, violations: l.violations, body: reply.body });
      return false;
    }
  }
  res.status(reply.status);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (!hasBody) {
    res.end();
    return true;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(reply.raw ?? serialized ?? JSON.stringify(reply.body));
  return true;
}
