import { memberOf } from '../../error-types.js';
import type { ApiError } from '../../errors.js';
import { statusOf } from '../../issues.js';
import type { Issue } from '../../../contract/index.js';
import type { Reply } from '../../module.js';

const typeOf: Record<string, string> = {
  unauthenticated: 'oauth',
  forbidden: 'authorization',
  not_found: 'not_found',
  route_not_found: 'not_found',
  conflict: 'conflict',
  maintenance: 'maintenance',
  internal: 'server',
  unprocessable: 'value_error',
};

/** FastAPI's `{"detail": [{loc, msg, type, code}]}`, one item per problem; validation is 422. */
export function formatError(err: ApiError): Reply {
  const status = statusOf(err, { validation: 422, malformed_body: 422, body_too_large: 422 });
  if (err.kind === 'validation' && err.issues.length)
    return {
      status,
      body: { detail: err.issues.map((i) => ({ loc: [i.in, ...i.path], ...pydantic(i), code: 'validation_error' })) },
    };
  if (err.kind === 'malformed_body')
    return {
      status,
      body: { detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid', code: 'validation_error' }] },
    };
  if (err.kind === 'body_too_large')
    return {
      status,
      body: {
        detail: [
          { loc: ['body'], msg: 'Request body is larger than 1 MB', type: 'value_error', code: 'validation_error' },
        ],
      },
    };
  const loc = err.field ?? [];
  const msg = err.kind === 'internal' ? 'Internal server error' : err.message;
  const code = err.code ?? (err.kind === 'internal' ? 'internal_server_error' : err.kind);
  return { status, body: { detail: [{ loc, msg, type: typeOf[err.kind] ?? err.kind, code }] } };
}

const quoteList = (values: unknown[]) => {
  const q = values.map((v) => `'${String(v)}'`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}` : q[0];
};

/** The pydantic v2 type and message for an ajv issue. */
function pydantic(i: Issue): { msg: string; type: string } {
  const p = i.params;
  switch (i.keyword) {
    case 'required':
      return { msg: 'Field required', type: 'missing' };
    case 'enum':
      return {
        msg: `Input should be ${quoteList(Array.isArray(p.allowedValues) ? p.allowedValues : [])}`,
        type: 'enum',
      };
    case 'maximum':
      return { msg: `Input should be less than or equal to ${String(p.limit)}`, type: 'less_than_equal' };
    case 'minimum':
      return { msg: `Input should be greater than or equal to ${String(p.limit)}`, type: 'greater_than_equal' };
    case 'minLength':
      return {
        msg: `String should have at least ${String(p.limit)} character${p.limit === 1 ? '' : 's'}`,
        type: 'string_too_short',
      };
    case 'maxLength':
      return { msg: `String should have at most ${String(p.limit)} characters`, type: 'string_too_long' };
    case 'minItems':
      return { msg: `List should have at least ${String(p.limit)} item after validation, not 0`, type: 'too_short' };
    case 'additionalProperties':
      return { msg: 'Extra inputs are not permitted', type: 'extra_forbidden' };
    case 'format':
      if (p.format === 'uuid') return { msg: 'Input should be a valid UUID', type: 'uuid_parsing' };
      if (p.format === 'email') return { msg: 'value is not a valid email address', type: 'value_error' };
      if (p.format === 'date-time') return { msg: 'Input should be a valid datetime', type: 'datetime_parsing' };
      return { msg: i.message, type: 'value_error' };
    case 'type': {
      const t = String(p.type);
      if (t.startsWith('integer'))
        return { msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' };
      if (t.startsWith('boolean'))
        return { msg: 'Input should be a valid boolean, unable to interpret input', type: 'bool_parsing' };
      if (t.startsWith('number')) return { msg: 'Input should be a valid number', type: 'float_parsing' };
      if (t.startsWith('array')) return { msg: 'Input should be a valid list', type: 'list_type' };
      if (t.startsWith('object'))
        return {
          msg: 'Input should be a valid dictionary or object to extract fields from',
          type: 'model_attributes_type',
        };
      return { msg: 'Input should be a valid string', type: 'string_type' };
    }
    default:
      return { msg: i.message, type: 'value_error' };
  }
}

/** MyCreditApp's error types are each `detail[].type`: one answer may carry several. */
export function errorTypes(body: unknown): string[] {
  const detail = memberOf(body, 'detail');
  if (!Array.isArray(detail)) return [];
  return [...new Set(detail.map((d) => memberOf(d, 'type')).filter((t): t is string => typeof t === 'string'))];
}
