// A target's answer is untrusted: its body gets the spec's type only once the operation's
// compiled response validator has passed it.
import type { Issue, SpecIndex } from '../src/contract/index.js';
import { fieldName } from '../src/sim/errors.js';
import type { Exchange } from './types.js';

type Checked = { issues: Issue[]; problem?: undefined } | { problem: string };

function check(index: SpecIndex, ex: Exchange, want: number): Checked {
  const res = ex.response;
  if (!res) return { problem: `no answer: ${ex.error ?? 'none'}` };
  if (res.status !== want) return { problem: `expected ${want}, got ${res.status}` };
  const op = index.byId.get(ex.operationId);
  if (!op) return { problem: `no operation ${ex.operationId} in ${index.name}` };
  if (res.truncated) return { problem: `the ${want} answer was cut at the size limit, so it cannot be checked` };
  const issues = op.validateResponse(want, res.body, res.headers);
  const issue = issues[0];
  if (!issue) return { issues };
  const where = issue.path[0] === 'headers' ? `header ${String(issue.path[1])}` : fieldName(issue.path) || '(the body)';
  return { problem: `the ${want} answer does not match its schema: ${where} ${issue.message}` };
}

/**
 * The body as `T` when validation found no issue with it: the promise ajv's `compile<T>`
 * makes, `T` being the type generated from the schema the validator was compiled from.
 */
const validated = <T>(issues: Issue[], _body: unknown): _body is T => issues.length === 0;

/**
 * The body of a `want` answer of its operation, typed as the spec describes it (the caller's
 * `T`); `fail` is given what is wrong otherwise: no answer, another status, or the field at fault.
 */
export function earned<T>(index: SpecIndex, ex: Exchange, want: number, fail: (problem: string) => never): T {
  const checked = check(index, ex, want);
  if (checked.problem !== undefined) return fail(checked.problem);
  const body = ex.response?.body;
  if (!validated<T>(checked.issues, body)) return fail('the answer does not match its schema');
  return body;
}
