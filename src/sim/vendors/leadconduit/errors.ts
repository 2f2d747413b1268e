import type { ApiError } from '../../errors.js';
import { describeIssue, statusOf } from '../../issues.js';
import type { Reply } from '../../module.js';
import { fieldName } from '../../errors.js';

/** LeadConduit's one-member envelope, `{"error": "<message naming the field>"}`. */
export function formatError(err: ApiError): Reply {
  const status = statusOf(err);
  if (err.kind === 'validation' && err.issues.length) {
    const words = err.issues.map((i) => `invalid ${fieldName(i.path) || i.in}: ${describeIssue(i)}`);
    return { status, body: { error: words.join('; ') } };
  }
  if (err.kind === 'internal' && status >= 500) return { status, body: { error: 'internal server error' } };
  return { status, body: { error: err.message } };
}
