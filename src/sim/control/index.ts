import type { SpecIndex } from '../../contract/index.js';
import { fieldName } from '../errors.js';
import { describeIssue, statusOf } from '../issues.js';
import type { ApiModule, Handler } from '../module.js';
import { checkControlAccess } from './auth.js';
import { controlHandlers, vendorFixture, type ControlScope } from './handlers.js';

/**
 * The control API, served through the same pipeline as the vendors (specs/control.yaml): its
 * own operations, and every other one (a vendor's fixture factory) answered by the served
 * module that offers it.
 */
export function controlModule(
  scope: ControlScope & { index: SpecIndex; controlToken: string | undefined },
): ApiModule<undefined, undefined> {
  const own = controlHandlers(scope);
  const fixture = vendorFixture(scope.world);
  const handlers: Record<string, Handler<undefined, undefined>> = {};
  for (const op of scope.index.operations) handlers[op.id] = fixture;
  for (const [id, handler] of Object.entries(own)) if (handler) handlers[id] = handler;
  return {
    name: 'control',
    state: { create: () => undefined, toJSON: () => null, fromJSON: () => undefined },
    authenticate: ({ req }) => {
      checkControlAccess(req, scope.controlToken);
      return undefined;
    },
    formatError(err) {
      const status = statusOf(err);
      const message =
        err.kind === 'validation' && err.issues.length
          ? err.issues.map((i) => `${fieldName([i.in, ...i.path])} ${describeIssue(i)}`).join('; ')
          : err.message;
      const code =
        err.code ??
        (err.kind === 'validation' || err.kind === 'malformed_body' || err.kind === 'body_too_large'
          ? 'invalid_request'
          : err.kind);
      return { status, body: { error: { code, message } } };
    },
    handlers,
  };
}
