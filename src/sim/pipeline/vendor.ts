import { openLayer } from '../cow/fork.js';
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
 * The handler's reply. A request that may write runs on a copy-on-write layer of the session's
 * state (its principal's records seen through it too), committed when the handler returns and
 * dropped when it throws: a request's writes are all or nothing, whatever line of the handler
 * fails. Reads need none.
 */
export function handle(ctx: Validated): Handled | Promise<Handled> {
  const handler = ctx.mount.module.handlers[ctx.op.id];
  if (ctx.op.method === 'get' || typeof ctx.state !== 'object' || ctx.state === null) {
    const reply = handler(ctx);
    return reply instanceof Promise ? reply.then((r) => widen(ctx, { reply: r })) : widen(ctx, { reply });
  }
  // A request that may write moves the session's version, whatever it answers, so no cached
  // answer outlives a change.
  ctx.session.changed();
  const layer = openLayer(ctx.state);
  // The handler's context, made once: the reply goes into it when the handler is done.
  const done: Handled = widen(ctx, {
    state: layer.state,
    principal: layer.view(ctx.principal),
    reply: undefined as unknown as Handled['reply'],
  });
  let reply: ReturnType<typeof handler>;
  try {
    reply = handler(done);
  } catch (err) {
    layer.drop();
    throw err;
  }
  if (reply instanceof Promise)
    return reply.then(
      (r) => {
        layer.commit();
        done.reply = r;
        return done;
      },
      (err: unknown) => {
        layer.drop();
        throw err;
      },
    );
  layer.commit();
  done.reply = reply;
  return done;
}
