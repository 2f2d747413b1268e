import type { Operation } from '../../contract/index.js';
import { fieldName } from '../errors.js';
import type { Reply } from '../module.js';
import type { SimResponse } from '../request.js';

export interface Written {
  response: SimResponse;
  /** The reply broke the spec (response validation on): it was replaced by a 500 naming why. */
  violations?: string[];
}

const jsonType = 'application/json; charset=utf-8';

/**
 * Serializes a reply once. Where response validation is on (tests, `--validate-responses`),
 * an answer that breaks the spec is replaced by a 500 naming the violations, so no test passes
 * on a response the contract does not allow. `vendorHeaders` are the ones the vendor sends on
 * every answer; the reply's own win.
 */
export function respond(
  reply: Reply,
  op: Operation | undefined,
  vendorHeaders: Record<string, string> | undefined,
  validate: boolean,
): Written {
  const headers: Record<string, string> = vendorHeaders ? { ...vendorHeaders, ...reply.headers } : { ...reply.headers };
  const hasBody = (reply.body !== undefined || reply.raw !== undefined) && reply.status !== 204;
  if (validate && op && reply.raw === undefined) {
    const lower: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
    const documented = op.responses.has(String(reply.status));
    const issues =
      reply.injected && !documented ? [] : op.validateResponse(reply.status, hasBody ? reply.body : undefined, lower);
    if (issues.length) {
      const violations = issues.map((i) => `${fieldName(i.path) || '(body)'} ${i.message}`);
      const body = JSON.stringify({
        connkit: 'response-violation',
        operationId: op.id,
        status: reply.status,
        violations,
        body: reply.body,
      });
      return { response: { status: 500, headers: { 'Content-Type': jsonType }, body }, violations };
    }
  }
  if (!hasBody) return { response: { status: reply.status, headers } };
  headers['Content-Type'] = jsonType;
  const body = reply.raw ?? JSON.stringify(reply.body);
  return {
    response: reply.rawBytes
      ? { status: reply.status, headers, body, bytes: reply.rawBytes }
      : { status: reply.status, headers, body },
  };
}
