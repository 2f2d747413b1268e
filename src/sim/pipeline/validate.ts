import type { RequestHandler } from 'express';
import type { Issue } from '../../spec/index.js';
import { ApiError, fieldName } from '../errors.js';
import { locals } from './context.js';

/**
 * Checks path, query, headers and body against the spec with the validators compiled at
 * start-up; coerced values and defaults go to the handler. Every problem is reported.
 */
export const validate: RequestHandler = (req, res, next) => {
  const l = locals(res);
  const op = l.op!;
  const { values, issues } = op.parseParams({
    path: req.params as Record<string, string>,
    query: req.query as Record<string, unknown>,
    header: req.headers,
  });
  if (l.module.rejectUnknownQuery) {
    const known = new Set(op.params.filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of Object.keys(req.query as object))
      if (!known.has(key))
        issues.push({ in: 'query', path: [key], keyword: 'additionalProperties', message: 'must NOT have additional properties', params: { additionalProperty: key } });
  }
  if (op.body) {
    if (req.body === undefined) {
      if (op.body.required)
        issues.push({ in: 'body', path: [], keyword: 'required', message: 'a JSON request body is required', params: {} });
    } else {
      issues.push(...op.validateBody(req.body));
    }
  }
  if (issues.length) throw validationError(issues);
  l.ctx.params = values;
  l.ctx.body = req.body;
  next();
};

export function validationError(issues: Issue[]): ApiError {
  const first = issues[0];
  return new ApiError({
    kind: 'validation',
    message: issues.map((i) => `${fieldName([i.in, ...i.path])} ${i.message}`).join('; '),
    field: [first.in, ...first.path],
    issues,
  });
}
