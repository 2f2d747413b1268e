import type { Issue } from '../contract/index.js';
import type { ApiError, ErrorKind } from './errors.js';

/** An ajv issue in words a client developer reads: "must be one of seller, buyer". */
export function describeIssue(issue: Issue): string {
  const words = wordsOf(issue);
  // What the schema branch at fault takes (a discriminated body's state), when known.
  const context = issue.params.context;
  return typeof context === 'string' ? `${words} (${context})` : words;
}

function wordsOf(issue: Issue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return 'is required';
    case 'enum':
      return Array.isArray(p.allowedValues)
        ? `must be one of ${p.allowedValues.map(String).join(', ')}`
        : issue.message;
    case 'const':
      return `must be ${String(p.allowedValue)}`;
    case 'type':
      return `must be ${String(p.type).replace(/,/g, ' or ')}`;
    case 'additionalProperties':
      return 'is not allowed';
    case 'format':
      return `must be a valid ${String(p.format)}`;
    default:
      return issue.message;
  }
}

/** The HTTP status most vendors give each kind; a vendor overrides what differs. */
export const defaultStatus: Record<ErrorKind, number> = {
  validation: 400,
  malformed_body: 400,
  body_too_large: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  rate_limited: 429,
  maintenance: 503,
  unavailable: 503,
  internal: 500,
};

export function statusOf(err: ApiError, overrides: Partial<Record<ErrorKind, number>> = {}): number {
  return err.status ?? overrides[err.kind] ?? defaultStatus[err.kind];
}
