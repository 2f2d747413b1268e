import { memberOf } from '../../error-types.js';
import type { ApiError } from '../../errors.js';
import { statusOf } from '../../issues.js';
import type { Issue } from '../../../contract/index.js';
import type { Reply } from '../../module.js';

/** Wingfield's `{"error": {type, message, issues?}}`; validation is 400 invalid_schema with Zod-style issues. */
export function formatError(err: ApiError): Reply {
  const status = statusOf(err);
  const error = (type: string, message: string, issues?: unknown[]) => ({
    status,
    body: { error: issues ? { type, message, issues } : { type, message } },
  });
  switch (err.kind) {
    case 'validation':
      // Wingfield documents a bad token format as 422, apart from other schema faults (400).
      if (err.issues.length && err.issues.every(badTokenFormat))
        return {
          status: 422,
          body: { error: { type: 'malformed_connect_token', message: 'Connect token format is invalid.' } },
        };
      return error('invalid_schema', `Request validation failed: ${err.message}`, err.issues.map(zod));
    case 'malformed_body':
    case 'body_too_large':
      return error('invalid_schema', `Request validation failed: ${err.message}`, [
        { code: 'custom', path: ['body'], message: err.message },
      ]);
    case 'route_not_found':
      return error('not_found', 'Route not found.');
    case 'internal':
      return error('internal_server_error', 'Internal server error.');
    default:
      return error(err.code ?? err.kind, err.message);
  }
}

const badTokenFormat = (i: Issue) =>
  i.in === 'body' && i.keyword === 'pattern' && i.path.length === 1 && i.path[0] === 'connectToken';

function zod(i: Issue): { code: string; path: (string | number)[]; message: string } {
  const p = i.params;
  const path = [i.in, ...i.path];
  switch (i.keyword) {
    case 'required':
      return { code: 'invalid_type', path, message: 'Required' };
    case 'type':
      return { code: 'invalid_type', path, message: `Expected ${String(p.type)}` };
    case 'enum':
      return {
        code: 'invalid_enum_value',
        path,
        message: `Invalid enum value. Expected ${(Array.isArray(p.allowedValues) ? p.allowedValues : []).map((v) => `'${String(v)}'`).join(' | ')}`,
      };
    case 'minimum':
    case 'minLength':
    case 'minItems':
      return { code: 'too_small', path, message: i.message };
    case 'maximum':
    case 'maxLength':
    case 'maxItems':
      return { code: 'too_big', path, message: i.message };
    case 'additionalProperties':
      return {
        code: 'unrecognized_keys',
        path: path.slice(0, -1),
        message: `Unrecognized key(s) in object: '${String(p.additionalProperty)}'`,
      };
    case 'format':
      return { code: 'invalid_string', path, message: `Invalid ${String(p.format)}` };
    default:
      return { code: 'custom', path, message: i.message };
  }
}

/** Wingfield's error type is `error.type`. */
export function errorTypes(body: unknown): string[] {
  const type = memberOf(memberOf(body, 'error'), 'type');
  return typeof type === 'string' ? [type] : [];
}
