import fc from 'fast-check';
import type { Operation } from '../../src/contract/index.js';
import { escapePointer, getPointer, type JsonObject } from '../../src/contract/load.js';
import { specIndex } from '../../src/contract/registry.js';
import type { RequestParts } from '../../conformance/types.js';
import { adapters } from '../../conformance/adapters/index.js';
import type { VendorName } from '../../src/contract/names.js';

/**
 * What one property run does to an operation's valid (baseline) request. Every kind of break
 * the product promises to survive: wrong types, missing required fields, extra and hostile
 * keys, huge and exotic strings, bad JSON, the wrong content type, repeated query parameters,
 * path ids that spell separators or dot segments, no credentials.
 */
export type Mutation =
  | { kind: 'valid' }
  | { kind: 'drop'; field: number }
  | { kind: 'retype'; field: number; value: unknown }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'string'; field: number; value: string }
  | { kind: 'raw'; raw: string }
  | { kind: 'contentType'; type: string }
  | { kind: 'duplicate'; param: number; value: string }
  | { kind: 'query'; param: number; value: string }
  | { kind: 'pathId'; param: number; value: string }
  | { kind: 'noAuth' }
  | { kind: 'authorization'; value: string }
  | { kind: 'scenario'; prefer: string };

/** Keys that break naive `obj[key] = …` merging; JSON.parse makes them own properties. */
const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'x_unknown_field'];

/** Path id spellings a router or a store may read as something else (already percent-encoded). */
export const hostileIds = [
  '%2F',
  'a%2Fb',
  '..',
  '%2e%2e',
  '.',
  '%00',
  'x%00y',
  '%25',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '%5F%5Fproto%5F%5F',
  'x'.repeat(5000),
];
/** The dot-segment ids: a WHATWG URL (handle's Request) resolves them, a raw request line does not. */
export const dotIds = new Set(['..', '%2e%2e', '.']);

/** Strings a request line can carry: Node refuses a head over 16 KiB before any door sees it (431). */
const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const jwt = (header: unknown, payload: unknown, signature = 'c2ln') =>
  `${b64url(header)}.${b64url(payload)}.${signature}`;
const future = 4102444800;
/** Credentials no vendor may accept, each shaped to reach a different step of a parser. */
export const hostileAuthorizations = [
  'Bearer',
  'Bearer ',
  'Bearer a.b.c',
  'Bearer ...',
  `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, { sub: 'x', exp: future, scope: 'read:organization_connections' }, '')}`,
  `Bearer ${jwt({ alg: 'RS256', kid: '__proto__' }, { exp: future })}`,
  `Bearer ${jwt({ alg: 'HS256' }, 'not json')}`,
  `Bearer ${jwt({ alg: 'HS256' }, [1, 2])}`,
  `Bearer ${jwt({ alg: 'HS256' }, { exp: 'never', scope: 42, permissions: {} })}`,
  `Bearer ${jwt({ alg: 'HS256' }, { __proto__: { admin: true }, constructor: 1 })}`,
  `Bearer ${jwt('x', 'y')}`,
  `Bearer ${'a'.repeat(8000)}`,
  'Bearer tok_ext_v1_.',
  'Bearer tok_ext_v1_x.y',
  'Bearer wct_00000000000000000000000000000000',
  'Basic',
  'Basic !!!',
  `Basic ${Buffer.from('API:').toString('base64')}`,
  `Basic ${Buffer.from(':').toString('base64')}`,
  `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0xc3, 0x28]).toString('base64')}`,
  `Basic ${Buffer.from(`API:${'k'.repeat(6000)}`).toString('base64')}`,
  `Basic ${Buffer.from('API:__proto__').toString('base64')}`,
  `Basic ${Buffer.from('API:constructor').toString('base64')}`,
  'Digest username="x"',
  'bearer\tx',
  '\u00e9t\u00e9',
];

/**
 * Every fault scenario the catalog has that answers (connection-reset answers nothing), per
 * request, at its own parameters: `server-error; status=504` asks for a status the operation may
 * not document, which is the caller's choice, not connkit's answer.
 */
export const faultPrefers = [
  'scenario=sso-outage',
  'scenario=rate-limited; limit=0',
  'scenario=maintenance',
  'scenario=server-error',
  'scenario=server-error; rate=0',
  'scenario=latency; ms=1',
];

const strangeShort = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '\u202e',
    '\ufeff',
    "' OR 1=1 --",
    '<script>',
    '%00',
    '..',
    '',
    '-1',
    '1e309',
    'NaN',
  ),
  fc.integer({ min: 100, max: 3000 }).map((n) => 'q'.repeat(n)),
);
const strange = fc.oneof(
  strangeShort,
  fc.integer({ min: 1000, max: 300_000 }).map((n) => 'y'.repeat(n)),
);
const anyJson = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...hostileKeys, 'a'), fc.string(), { maxKeys: 3 }),
  strange,
);

export function mutationArbitrary(op: Operation): fc.Arbitrary<Mutation> {
  const hasBody = op.body !== undefined;
  const queries = op.params.filter((p) => p.in === 'query').length;
  const paths = op.params.filter((p) => p.in === 'path').length;
  const fields = Object.keys(bodyProperties(op)).length;
  const n = (k: number) => fc.nat(Math.max(0, k - 1));
  const choices: fc.Arbitrary<Mutation>[] = [
    fc.constant({ kind: 'valid' }),
    fc.constant({ kind: 'noAuth' }),
    fc.record({ kind: fc.constant('authorization'), value: fc.constantFrom(...hostileAuthorizations) }),
    fc.record({ kind: fc.constant('scenario'), prefer: fc.constantFrom(...faultPrefers) }),
  ];
  choices.push(
    fc.record({ kind: fc.constant('extra'), key: fc.constantFrom(...hostileKeys), value: anyJson }),
    fc.record({
      kind: fc.constant('raw'),
      raw: fc.oneof(
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,',
          'nul',
          '\u0000',
          '"\ud800"',
          '{"a":1}{"b":2}',
          '{"__proto__":{"x":1}}',
          '',
        ),
        fc.string({ maxLength: 30 }),
      ),
    }),
    fc.record({
      kind: fc.constant('contentType'),
      type: fc.constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
      ),
    }),
  );
  if (hasBody && fields)
    choices.push(
      fc.record({ kind: fc.constant('drop'), field: n(fields) }),
      fc.record({ kind: fc.constant('retype'), field: n(fields), value: anyJson }),
      fc.record({ kind: fc.constant('string'), field: n(fields), value: strange }),
    );
  if (queries)
    choices.push(
      fc.record({ kind: fc.constant('duplicate'), param: n(queries), value: fc.oneof(strangeShort, fc.constant('1')) }),
      fc.record({ kind: fc.constant('query'), param: n(queries), value: strangeShort }),
    );
  if (paths)
    choices.push(fc.record({ kind: fc.constant('pathId'), param: n(paths), value: fc.constantFrom(...hostileIds) }));
  return fc.oneof(...choices);
}

export function bodyProperties(op: Operation): Record<string, JsonObject> {
  const props = op.body?.schema.properties;
  return typeof props === 'object' && props !== null && !Array.isArray(props)
    ? (props as Record<string, JsonObject>)
    : {};
}

/** A request as sent: the path and query still percent-encoded, as on the request line. */
export interface Wire {
  method: string;
  /** The path below the API's base, ids already encoded. */
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string;
  /** The path spells a separator or dot segment: the router may take it for another operation. */
  rerouted: boolean;
  /** The spec's own validators refuse it: it must be refused (4xx). */
  mustRefuse: boolean;
  /** A fault scenario is on for it: a 5xx is what it asks for (still a documented one). */
  fault: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The baseline request with one mutation applied, and what the spec says must come of it. */
export function applyMutation(op: Operation, baseline: RequestParts, m: Mutation): Wire {
  const headers: Record<string, string> = { ...baseline.headers };
  const pathValues: Record<string, string> = Object.fromEntries(
    Object.entries(baseline.path ?? {}).map(([k, v]) => [k, encodeURIComponent(String(v))]),
  );
  const query: [string, string][] = Object.entries(baseline.query ?? {}).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, String(x)]),
  );
  let body: unknown = baseline.body === undefined ? undefined : structuredClone(baseline.body);
  let raw: string | undefined;
  let mustRefuse = false;
  let rerouted = false;
  const fieldNames = Object.keys(bodyProperties(op));
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathParams = op.params.filter((p) => p.in === 'path');
  switch (m.kind) {
    case 'valid':
      break;
    case 'noAuth':
      delete headers.Authorization;
      delete headers.authorization;
      mustRefuse = security(op);
      break;
    case 'authorization':
      delete headers.authorization;
      headers.Authorization = m.value;
      mustRefuse = security(op);
      break;
    case 'scenario':
      headers.Prefer = m.prefer;
      break;
    case 'drop':
    case 'retype':
    case 'string': {
      const name = fieldNames[m.field];
      if (name === undefined) break;
      const obj: Record<string, unknown> = isObject(body) ? body : {};
      if (m.kind === 'drop') delete obj[name];
      else obj[name] = m.value;
      body = obj;
      break;
    }
    case 'extra': {
      // JSON.parse makes `__proto__` an own key, as it arrives from the wire.
      const obj: Record<string, unknown> = isObject(body) ? body : {};
      const text = JSON.stringify(obj);
      raw = `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(m.key)}:${JSON.stringify(m.value)}}`;
      body = JSON.parse(raw);
      break;
    }
    case 'raw':
      raw = m.raw;
      mustRefuse = op.body !== undefined && !parses(m.raw);
      break;
    case 'contentType':
      headers['Content-Type'] = m.type;
      break;
    case 'duplicate':
    case 'query': {
      const p = queryParams[m.param];
      if (!p) break;
      const existing = query.find(([k]) => k === p.name);
      if (m.kind === 'duplicate') query.push([p.name, existing?.[1] ?? m.value], [p.name, m.value]);
      else {
        const at = query.findIndex(([k]) => k === p.name);
        if (at >= 0) query.splice(at, 1);
        query.push([p.name, m.value]);
      }
      break;
    }
    case 'pathId': {
      const p = pathParams[m.param];
      if (!p) break;
      pathValues[p.name] = m.value;
      rerouted = /%2F|%00/i.test(m.value) || dotIds.has(m.value);
      break;
    }
  }
  const sendsBody = op.method !== 'get' && op.method !== 'delete' ? body !== undefined || raw !== undefined : false;
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (text !== undefined && sendsBody) headers['Content-Type'] ??= 'application/json';
  if (!mustRefuse && op.body && sendsBody && raw === undefined && headers['Content-Type'] === 'application/json')
    mustRefuse = op.validateBody(body).length > 0;
  if (m.kind === 'extra' && op.body) mustRefuse = op.validateBody(body).length > 0;
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValues[name] ?? 'missing');
  return {
    method: op.method.toUpperCase(),
    path,
    query,
    headers,
    body: sendsBody ? text : undefined,
    rerouted,
    mustRefuse,
    fault: m.kind === 'scenario',
  };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether the operation asks for credentials: every requirement of its `security` (else the document's) names a scheme. */
function security(op: Operation): boolean {
  const doc = specIndex(op.spec).doc;
  const item = getPointer(doc, `/paths/${escapePointer(op.path)}/${op.method}`);
  const own = isObject(item) ? item.security : undefined;
  const required = own ?? doc.security;
  return (
    Array.isArray(required) && required.length > 0 && required.every((r) => isObject(r) && Object.keys(r).length > 0)
  );
}

/**
 * The adapters' valid request, made one that succeeds in a fresh session where the adapter's is
 * a refusal by design (it must be safe to send to a real target): a repair of an `sso_only`
 * connection, a claim of an open connect token.
 */
export function succeeding(
  api: VendorName,
  op: Operation,
  fixtures: Record<string, unknown>,
): RequestParts | undefined {
  const parts = adapters[api].baseline(fixtures[api] as never, op.id);
  const fx = fixtures[api];
  if (!parts || !isObject(fx)) return parts;
  const first = (v: unknown, ...keys: string[]): unknown => {
    for (const k of keys) v = isObject(v) ? v[k] : undefined;
    return Array.isArray(v) ? v[0] : undefined;
  };
  const merge = (field: string, value: unknown) =>
    typeof value === 'string' && isObject(parts.body) ? { ...parts, body: { ...parts.body, [field]: value } } : parts;
  if (op.id === 'repairConnection') return merge('connection_id', first(fx, 'connections', 'sso_only'));
  if (op.id === 'claimOrganizationRelation') return merge('connectToken', first(fx, 'connect_tokens', 'open'));
  return parts;
}
