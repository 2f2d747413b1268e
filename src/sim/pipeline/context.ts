import type { Operation } from '../../contract/index.js';
import type { Reply, ValidatedParams } from '../module.js';
import type { AnswerKey, Session } from '../session.js';
import type { Entry } from './pipeline.js';

// The contexts of the pipeline's steps, each the one before it and what its step learnt.

/**
 * After routing errors and the session: an operation, its raw path parameters, the state,
 * and no body yet (undefined: what a request without one keeps).
 */
export interface Located extends Entry {
  op: Operation;
  path: Record<string, string>;
  session: Session;
  state: unknown;
  body: unknown;
}

/** The JSON body parsed (still unchecked against the spec). */
export type WithBody = Located;

/** Who is calling, as the vendor module says. */
export interface Authed extends WithBody {
  principal: unknown;
}

/** Where a cacheable answer is kept: undefined for the operations that are not. */
export interface Keyed extends Authed {
  cacheKey: AnswerKey | undefined;
}

/** Path, query and header values coerced and checked; the body checked. */
export interface Validated extends Keyed {
  params: ValidatedParams;
}

/** The handler's reply. */
export interface Handled extends Validated {
  reply: Reply;
}
