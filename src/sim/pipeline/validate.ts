import type { Issue, Operation } from '../../contract/index.js';
import { ApiError, fieldName } from '../errors.js';
import type { ValidatedParams } from '../module.js';
import type { Keyed, Validated } from './context.js';
import { widen } from './pipeline.js';

/** `a=1&a=2&b=3` → `{a: ['1','2'], b: '3'}`: repeated keys become arrays, as the vendors read them. */
export function parseQuery(search: string): Record<string, string | string[]> {
  // No prototype: a `__proto__` key is a key like any other.
  const out = Object.create(null) as Record<string, string | string[]>;
  if (!search) return out;
  for (const [key, value] of new URLSearchParams(search)) {
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

/**
 * Checks path, query and headers against the spec with the validators compiled once, and the
 * body; coerced values and defaults go to the handler. Every problem is reported at once.
 */
export function validateRequest(
  op: Operation,
  input: { path: Record<string, string>; header: Record<string, string> },
  query: Record<string, string | string[]>,
  body: unknown,
  rejectUnknownQuery: boolean,
): ValidatedParams {
  const { values, issues } = op.parseParams({ path: input.path, query, header: input.header });
  if (rejectUnknownQuery) {
    const known = new Set(op.params.filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of Object.keys(query))
      if (!known.has(key))
        issues.push({
          in: 'query',
          path: [key],
          keyword: 'additionalProperties',
          message: 'must NOT have additional properties',
          params: { additionalProperty: key },
        });
  }
  if (op.body) {
    if (body === undefined) {
      if (op.body.required)
        issues.push({
          in: 'body',
          path: [],
          keyword: 'required',
          message: 'a JSON request body is required',
          params: {},
        });
    } else {
      issues.push(...op.validateBody(body));
    }
  }
  if (issues.length) throw validationError(issues);
  return values;
}

export function validationError(issues: Issue[]): ApiError {
  const first = issues[0];
  return new ApiError({
    kind: 'validation',
    message: issues.map((i) => `${fieldName([i.in, ...i.path])} ${i.message}`).join('; '),
    field: [first.in, ...first.path],
    issues,
  });
}

/**
 * The validation step: the request as the spec describes it, or the vendor's 400 naming the
 * field. The first request of an operation may wait for its build-time validators' import.
 */
export const validate = (ctx: Keyed): Validated | Promise<Validated> => {
  const pending = ctx.op.ready(ctx.body !== undefined);
  return pending ? pending.then(() => validated(ctx)) : validated(ctx);
};

const validated = (ctx: Keyed): Validated =>
  widen(ctx, {
    params: validateRequest(
      ctx.op,
      { path: ctx.path, header: ctx.req.headers },
      parseQuery(ctx.search),
      ctx.body,
      ctx.mount.module.rejectUnknownQuery === true,
    ),
  });
