import type { Authed, Handled, Validated, WithBody } from './context.js';
import { widen } from './pipeline.js';

// The steps that are the vendor module's to say: who is calling, whether they may, the answer.

export const authenticate = (ctx: WithBody): Authed =>
  widen(ctx, { principal: ctx.mount.module.authenticate(ctx) as unknown });

export function authorize(ctx: Validated): Validated {
  ctx.mount.module.authorize?.(ctx);
  return ctx;
}

/**
 * The handler's reply. A request that may write ran on a copy-on-write layer of the session's
 * state (see locate), committed here when the handler returns; when anything throws the
 * layer is dropped: a request's writes are all or nothing, whatever line of the handler fails.
 */
export function handle(ctx: Validated): Handled | Promise<Handled> {
  // A request that may write moves the session's version, whatever it answers, so no cached
  // answer outlives a change.
  if (ctx.op.method !== 'get') ctx.session.changed();
  const reply = ctx.mount.module.handlers[ctx.op.id](ctx);
  if (reply instanceof Promise)
    return reply.then((r) => {
      ctx.layer?.commit();
      return widen(ctx, { reply: r });
    });
  ctx.layer?.commit();
  return widen(ctx, { reply });
}
