import type { ApiModule, BaseContext, Reply } from '../module.js';

const maxCachedAnswers = 1000;

/**
 * The answer cache of cacheable reads: a serialized answer is kept per session until the
 * session's state version moves. It is asked only after authentication, validation and
 * authorization passed for this very request, so it never answers a caller the vendor would
 * have refused (an expired token, a lost organization link). What an answer depends on
 * besides the URL and the faults is the vendor module's to say (`cacheKey`).
 */
export function cacheKeyOf(module: ApiModule, ctx: BaseContext): string | undefined {
  if (!module.cacheable?.has(ctx.op.id)) return undefined;
  return `${ctx.req.target}\n${module.cacheKey?.(ctx.req) ?? ''}\n${JSON.stringify(ctx.faults)}`;
}

export function cachedAnswer(ctx: BaseContext, key: string): Reply | undefined {
  const hit = ctx.session.answers.get(key);
  if (!hit || hit.version !== ctx.session.version) return undefined;
  return { status: hit.status, headers: hit.headers, raw: hit.raw };
}

export function keepAnswer(ctx: BaseContext, key: string, reply: Reply, raw: string): void {
  const answers = ctx.session.answers;
  if (answers.size >= maxCachedAnswers) answers.clear();
  answers.set(key, { version: ctx.session.version, status: reply.status, headers: reply.headers, raw });
}
