import type { ValidateFunction } from 'ajv';
import { compileSchema } from '../../contract/runtime-compile.js';
import { ApiError, fieldName } from '../errors.js';
import type { ApiModule } from '../module.js';
import { stateSchema } from './state-schema.js';

const compiled = new WeakMap<ApiModule, ValidateFunction>();

/** The 422 a snapshot gets, naming where it is wrong; nothing has changed when it is thrown. */
export function invalidSnapshot(field: (string | number)[], message: string): ApiError {
  const name = fieldName(field);
  return new ApiError({
    kind: 'unprocessable',
    code: 'invalid_snapshot',
    message: `${name} ${message}`,
    field: ['body', ...field],
    issues: [{ in: 'body', path: field, keyword: 'snapshot', message, params: {} }],
  });
}

/** Checks one API's state of a snapshot against its state schema (from the specs: state-schema.ts); throws the 422 naming the field. */
export function checkApiState(mod: ApiModule, json: unknown): void {
  let validate = compiled.get(mod);
  if (!validate) compiled.set(mod, (validate = compileSchema(stateSchema(mod.name), { allErrors: false })));
  if (validate(json)) return;
  const [e] = validate.errors ?? [];
  const path = (e?.instancePath ?? '')
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e?.keyword === 'required') path.push(String(e.params.missingProperty));
  if (e?.keyword === 'additionalProperties') path.push(String(e.params.additionalProperty));
  if (e?.keyword === 'unevaluatedProperties') path.push(String(e.params.unevaluatedProperty));
  const message =
    e?.keyword === 'required'
      ? 'is required'
      : e?.keyword === 'additionalProperties' || e?.keyword === 'unevaluatedProperties'
        ? 'is not a field of this record'
        : (e?.message ?? 'is not valid');
  throw invalidSnapshot(['apis', mod.name, ...path], message);
}
