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
  if (ctx.op.method !== 'get') return change(ctx);
  const reply = ctx.mount.module.handlers[ctx.op.id](ctx);
  return reply instanceof Promise ? reply.then((r) => widen(ctx, { reply: r })) : widen(ctx, { reply });
}

/**
 * A request that may write, as one change: a handler that throws (an ApiError after a first
 * write, or a fault the core answers with a 500) leaves the session's state as it was. A
 * handler's own answer, whatever its status, keeps what it wrote.
 */
function change(ctx: Validated): Handled | Promise<Handled> {
  const { session } = ctx;
  // The version moves whatever the answer, so no cached answer outlives a change.
  session.changed();
  const n = session.beginChange();
  let reply;
  try {
    reply = ctx.mount.module.handlers[ctx.op.id](ctx);
  } catch (err) {
    session.endChange(n, true);
    throw err;
  }
  if (!(reply instanceof Promise)) {
    session.endChange(n, false);
    return widen(ctx, { reply });
  }
  return reply.then(
    (r) => {
      session.endChange(n, false);
      return widen(ctx, { reply: r });
    },
    (err: unknown) => {
      session.endChange(n, true);
      throw err;
    },
  );
}
