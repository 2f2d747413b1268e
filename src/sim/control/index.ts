import { fieldName } from '../errors.js';
import type { SpecIndex } from '../../spec/index.js';
import { describeIssue, statusOf } from '../issues.js';
import type { ApiModule } from '../module.js';
import { checkControlAccess } from './auth.js';
import { controlHandlers } from './handlers.js';

/** The control API, served through the same pipeline as the vendors (specs/control.yaml). */
export function controlModule(served: SpecIndex[], controlToken: string | undefined, instance?: string | (() => string)): ApiModule<undefined, undefined> {
  return {
    name: 'control',
    state: { create: () => undefined, toJSON: () => null, fromJSON: () => undefined },
    authenticate: ({ req }) => {
      checkControlAccess(req, controlToken);
      return undefined;
    },
    formatError(err) {
      const status = statusOf(err);
      const message = err.kind === 'validation' && err.issues.length ? err.issues.map((i) => `${fieldName([i.in, ...i.path])} ${describeIssue(i)}`).join('; ') : err.message;
      const code = err.code ?? (err.kind === 'validation' || err.kind === 'malformed_body' || err.kind === 'body_too_large' ? 'invalid_request' : err.kind);
      return { status, body: { error: { code, message } } };
    },
    handlers: controlHandlers(served, instance),
  };
}
