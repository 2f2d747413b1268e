import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../src/contract/ajv.js';
import { fieldName } from '../../src/sim/errors.js';
import type { Operation } from '../../src/contract/index.js';
import type { Exchange, ResponseCheck } from '../types.js';

const documented = (op: Operation, status: number) =>
  op.responses.get(String(status)) ?? op.responses.get(`${String(status)[0]}XX`) ?? op.responses.get('default');

const headerAjv = createAjv({ coerceTypes: true });
const headerValidators = new WeakMap<object, ValidateFunction>();
function headerValidator(schema: object): ValidateFunction {
  let v = headerValidators.get(schema);
  if (!v) headerValidators.set(schema, (v = headerAjv.compile(schema)));
  return v;
}

/** Applied to every answer any check receives; each is one named rule, as in Schemathesis. */
export const responseChecks: ResponseCheck[] = [
  {
    name: 'not_a_server_error',
    description: 'No 5xx answers (outside the fault scenarios that ask for one).',
    check: (ex, _op, { expectFault }) => {
      if (ex.error) return `no answer: ${ex.error}`;
      if (!expectFault && ex.response && ex.response.status >= 500) return `server error ${ex.response.status}`;
    },
  },
  {
    name: 'status_code_conformance',
    description: 'The status is one the operation documents.',
    check: (ex, op) => {
      if (!ex.response) return;
      if (!documented(op, ex.response.status))
        return `status ${ex.response.status} is not documented for ${op.id} (documented: ${[...op.responses.keys()].join(', ')})`;
    },
  },
  {
    name: 'content_type_conformance',
    description: 'A documented JSON answer says application/json; a bodiless one (204) has no body.',
    check: (ex, op) => {
      const res = ex.response;
      const spec = res && documented(op, res.status);
      if (!res || !spec) return;
      const type = res.headers['content-type'] ?? '';
      if (spec.json && !/^application\/([\w.+-]+\+)?json\b/i.test(type))
        return `content type ${JSON.stringify(type)} is not application/json`;
      if (!spec.json && res.text.length > 0)
        return `status ${res.status} documents no body but ${res.text.length} bytes came`;
    },
  },
  {
    name: 'response_headers_conformance',
    description: 'Required documented headers are present and every documented header present matches its schema.',
    check: (ex, op) => {
      const res = ex.response;
      const spec = res && documented(op, res.status);
      if (!res || !spec) return;
      for (const h of spec.headers) {
        const value = res.headers[h.name.toLowerCase()];
        if (value === undefined) {
          if (h.required) return `required header ${h.name} is missing`;
          continue;
        }
        const validate = headerValidator(h.schema);
        if (!validate(value)) return `header ${h.name}: ${JSON.stringify(value)} ${validate.errors?.[0]?.message}`;
      }
    },
  },
  {
    name: 'response_schema_conformance',
    description: 'The body validates against the schema documented for its status.',
    check: (ex, op) => {
      const res = ex.response;
      const spec = res && documented(op, res.status);
      if (!res || !spec?.validate) return;
      if (typeof res.body === 'string' && res.body === res.text && res.text !== '')
        return `body is not JSON: ${res.text.slice(0, 120)}`;
      if (!spec.validate(res.body)) {
        const e = spec.validate.errors?.[0];
        const extra = (e?.params as { missingProperty?: string; additionalProperty?: string }) ?? {};
        const where = fieldName([
          ...(e?.instancePath.split('/').slice(1) ?? []),
          ...(extra.missingProperty ? [extra.missingProperty] : []),
          ...(extra.additionalProperty ? [extra.additionalProperty] : []),
        ]);
        return `body does not match the ${res.status} schema: ${where || '(root)'} ${e?.message}`;
      }
    },
  },
];

export function runResponseChecks(
  ex: Exchange,
  op: Operation,
  opts: { expectFault?: boolean },
): { name: string; failure?: string }[] {
  return responseChecks.map((c) => ({ name: c.name, failure: c.check(ex, op, opts) }));
}
