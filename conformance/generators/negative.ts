import type { Json, JsonObject } from '../../src/contract/load.js';
import type { Operation } from '../../src/contract/index.js';
import type { RequestParts } from '../types.js';

export interface NegativeCase {
  /** What is broken, e.g. "query per_page above maximum 100". */
  label: string;
  parts: RequestParts;
}

const invalid = '__connkit_invalid__';

/** Values that break exactly one constraint of a schema, each with a name for the constraint. */
function breakers(schema: JsonObject): [string, Json][] {
  const out: [string, Json][] = [];
  const types = ([] as Json[]).concat(schema.type ?? []);
  if (Array.isArray(schema.enum)) out.push(['not one of the enum', invalid]);
  if (types.includes('integer') || types.includes('number')) {
    out.push(['not a number', 'abc']);
    if (typeof schema.maximum === 'number') out.push([`above maximum ${schema.maximum}`, schema.maximum + 1]);
    if (typeof schema.minimum === 'number') out.push([`below minimum ${schema.minimum}`, schema.minimum - 1]);
  }
  if (types.includes('boolean')) out.push(['not a boolean', 'maybe']);
  if (types.includes('string') && !Array.isArray(schema.enum)) {
    if (typeof schema.maxLength === 'number' && schema.maxLength < 5000)
      out.push([`longer than ${schema.maxLength}`, 'x'.repeat(schema.maxLength + 1)]);
    if (schema.format === 'uuid') out.push(['not a uuid', 'not-a-uuid']);
    if (schema.format === 'email') out.push(['not an email', 'not-an-email']);
    if (schema.format === 'date-time') out.push(['not a date-time', 'yesterday']);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test('not!valid'))
      out.push([`not matching ${schema.pattern}`, 'not!valid']);
  }
  if (types.includes('array') && schema.items) {
    const item = schema.items as JsonObject;
    if (Array.isArray(item.enum)) out.push(['item not one of the enum', [invalid]]);
  }
  return out;
}

/** JSON body variants: wrong types as JSON values rather than query strings. */
function bodyBreakers(schema: JsonObject): [string, Json][] {
  const out = breakers(schema).filter(
    ([label]) => !label.startsWith('not a number') && !label.startsWith('not a boolean'),
  );
  const types = ([] as Json[]).concat(schema.type ?? []);
  if (types.includes('string')) out.push(['not a string', 12345]);
  else if (types.includes('integer') || types.includes('number')) out.push(['not a number', 'abc']);
  else if (types.includes('boolean')) out.push(['not a boolean', 'yes']);
  else if (types.includes('array')) out.push(['not an array', 'abc']);
  else if (types.includes('object')) out.push(['not an object', 'abc']);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push([`shorter than ${schema.minLength}`, '']);
  return out;
}

/**
 * Requests that each break one constraint of the operation's parameters or body, starting from
 * a valid baseline. A conforming implementation rejects every one with a documented 4xx.
 */
export function negativeCases(op: Operation, baseline: RequestParts, bodySchema?: JsonObject): NegativeCase[] {
  const cases: NegativeCase[] = [];
  for (const p of op.params) {
    const where = p.in === 'header' ? 'headers' : p.in;
    const present = (baseline[where] as Record<string, unknown> | undefined)?.[p.name] !== undefined;
    if (p.required && present && p.in !== 'path') {
      const copy = structuredClone(baseline);
      delete (copy[where] as Record<string, unknown>)[p.name];
      cases.push({ label: `${p.in} ${p.name} missing (required)`, parts: copy });
    }
    for (const [label, value] of breakers(p.schema)) {
      const copy = structuredClone(baseline);
      const target = ((copy as Record<string, unknown>)[where] ??= {}) as Record<string, unknown>;
      target[p.name] = typeof value === 'object' ? value : String(value);
      cases.push({ label: `${p.in} ${p.name} ${label}`, parts: copy });
    }
  }
  if (bodySchema && baseline.body && typeof baseline.body === 'object') {
    const body = baseline.body as Record<string, Json>;
    const props = (bodySchema.properties ?? {}) as Record<string, JsonObject>;
    for (const name of (bodySchema.required ?? []) as string[]) {
      const { [name]: _, ...rest } = body;
      cases.push({ label: `body ${name} missing (required)`, parts: { ...baseline, body: rest } });
    }
    for (const [name, schema] of Object.entries(props)) {
      const flat = schema.oneOf ? ((schema.oneOf as JsonObject[]).find((s) => s.type !== 'null') ?? schema) : schema;
      for (const [label, value] of bodyBreakers(flat)) {
        if (value === null) continue;
        cases.push({ label: `body ${name} ${label}`, parts: { ...baseline, body: { ...body, [name]: value } } });
      }
    }
    if (bodySchema.additionalProperties === false)
      cases.push({
        label: 'body has an unknown member',
        parts: { ...baseline, body: { ...body, connkit_unknown_member: 1 } },
      });
    cases.push({ label: 'body is not a JSON object', parts: { ...baseline, body: [body] } });
    cases.push({ label: 'body is malformed JSON', parts: { ...baseline, body: undefined, raw: '{"connkit": ' } });
  }
  return cases;
}
