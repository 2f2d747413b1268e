import type { Authed, Handled, Validated, WithBody } from './context.js';
import { widen } from './pipeline.js';

// The steps that are the vendor module's to say: who is calling, whether they may, the answer.

export const authenticate = (ctx: WithBody): Authed =>
  widen(ctx, { principal: ctx.mount.module.authenticate(ctx) as unknown });

export function authorize(ctx: Validated): Validated {
  ctx.mount.module.authorize?.(ctx);
  return ctx;
}

export function handle(ctx: Validated): Handled | Promise<Handled> {
  // A request that may write moves the session's version, whatever it answers, so no cached
  // answer outlives a change.
  if (ctx.op.method !== 'get') ctx.session.changed();
  const reply = ctx.mount.module.handlers[ctx.op.id](ctx);
  return reply instanceof Promise ? reply.then((r) => widen(ctx, { reply: r })) : widen(ctx, { reply });
}
