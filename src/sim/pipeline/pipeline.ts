import type { Operation } from '../../contract/index.js';
import type { ApiError } from '../errors.js';
import type { Reply } from '../module.js';
import type { SimRequest } from '../request.js';
import type { Match, Mount } from './router.js';

/**
 * What is known of a request when the pipeline starts: the route the router found (an API's,
 * maybe with no operation), and the neutral values later steps replace (the session's name as
 * asked for, no faults, no scenario acted). Every later context extends it, so whatever step
 * stops the request, its answer and its journal entry are built from the same fields.
 */
export interface Entry {
  req: SimRequest;
  mount: Mount;
  match: Exclude<Match, { kind: 'no_api' }>;
  op: Operation | undefined;
  /** The query string, without its `?`. */
  search: string;
  sessionName: string;
  faults: object;
  /** The scenarios that acted, by name (the journal shows them). */
  scenarios: readonly string[];
}

/**
 * A step that answers before the end, and the context that led to it: a reply (a cached
 * one), an error to answer in the vendor's envelope, or the connection dropped.
 */
export class Answer {
  constructor(
    readonly ctx: Entry,
    readonly outcome: Reply | ApiError | 'reset',
  ) {}
}

/**
 * The next context: `ctx` and what a step learnt, as a new object (`ctx` is left as it was).
 * Object.assign rather than a spread: V8 copies a wide object many times faster this way,
 * and every request makes a few.
 */
export function widen<T extends object, A extends object>(ctx: T, added: A): Omit<T, keyof A> & A {
  return Object.assign({}, ctx, added);
}

/** One stage of the pipeline: a plain function from one context to the next, or an answer. */
export type Step<In extends Entry, Out extends Entry> = (ctx: In) => Out | Answer | Promise<Out | Answer>;

type Run<In, Out> = (ctx: In, seen: (ctx: Entry) => void) => Out | Answer | Promise<Out | Answer>;

/**
 * The steps in order, typed end to end by `then`. Each context reached is passed to `seen`
 * (the error path answers from the last one), and only a step that is async is awaited, so a
 * request that no step delays costs no extra turn of the event loop per step.
 */
export class Pipeline<In extends Entry, Out extends Entry> {
  private constructor(private readonly go: Run<In, Out>) {}

  static start<T extends Entry>(): Pipeline<T, T> {
    return new Pipeline<T, T>((ctx) => ctx);
  }

  then<Next extends Entry>(step: Step<Out, Next>): Pipeline<In, Next> {
    const before = this.go;
    // Made once per pipeline, not per request: the hot path allocates no closure here.
    const next = (value: Out | Answer, seen: (ctx: Entry) => void): Next | Answer | Promise<Next | Answer> => {
      if (value instanceof Answer) return value;
      seen(value);
      return step(value);
    };
    return new Pipeline<In, Next>((ctx, seen) => {
      const out = before(ctx, seen);
      return out instanceof Promise ? out.then((value) => next(value, seen)) : next(out, seen);
    });
  }

  /** Synchronous where every step was: the caller awaits only a promise. */
  run(ctx: In, seen: (ctx: Entry) => void): Out | Answer | Promise<Out | Answer> {
    return this.go(ctx, seen);
  }
}
