import { keepLast } from '../keep-last.js';
import type { AnswerKey } from '../session.js';
import type { Authed, Keyed } from './context.js';
import { Answer, widen } from './pipeline.js';

const utf8 = new TextEncoder();

/**
 * What a cacheable answer depends on: the URL, the request headers the vendor module names
 * (who asks, for whom), the header parameters the operation reads, and the faults on.
 */
function cacheKeyOf(ctx: Authed): AnswerKey | undefined {
  const { module } = ctx.mount;
  if (!module.cacheable?.has(ctx.op.id)) return undefined;
  let headers = '';
  for (const p of ctx.op.params) if (p.in === 'header') headers += `${ctx.req.headers[p.name.toLowerCase()] ?? ''}\n`;
  return {
    who: same(module.cacheKey?.(ctx.req) ?? ''),
    what: `${ctx.req.target}\n${headers}${JSON.stringify(ctx.faults)}`,
  };
}

// One string object per repeated caller key: its hash is computed once (see keep-last.ts).
const same = keepLast((s: string) => s);

/**
 * The answer cache of cacheable reads, one early step: a serialized answer is kept per
 * session while the session's state does not move, and answers a request with the same key
 * once its caller is authenticated again (the one check that depends on the clock: an
 * expired token is refused as before). Validation and authorization are pure over what the
 * key holds and a state that has not moved, so the answer they led to is the answer now.
 */
export function cached(ctx: Authed): Keyed | Answer {
  const cacheKey = cacheKeyOf(ctx);
  const hit = cacheKey === undefined ? undefined : ctx.session.cachedAnswer(cacheKey);
  if (hit) {
    // Kept with the answer, so a door writing bytes does not encode the same string per request.
    hit.bytes ??= utf8.encode(hit.raw);
    return new Answer(ctx, { status: hit.status, headers: hit.headers, raw: hit.raw, rawBytes: hit.bytes });
  }
  return widen(ctx, { cacheKey });
}
