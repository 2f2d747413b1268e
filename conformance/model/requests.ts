import fc from 'fast-check';
import type { JsonObject } from '../../src/contract/load.js';
import type { Operation, SpecIndex } from '../../src/contract/index.js';
import type { RequestParts } from '../types.js';

/**
 * Where one request value comes from. Generated before the run (so fast-check can shrink it)
 * and resolved against the model's state when the step runs, so ids are the model's own:
 * the baseline's, any the profile or the model's answers hold (existing, deleted, the other
 * party's), or one nobody has.
 */
export type Pick =
  | { from: 'baseline' }
  | { from: 'pool'; i: number }
  /** The value of this kind the sequence used last, or `depth` distinct ones before it (so steps meet on one resource). */
  | { from: 'recent'; depth?: number }
  /** JSON null, where the schema allows it (a PATCH resetting a member). */
  | { from: 'null' }
  /** A value of the enum that the model's answers showed (an array: several of them), so a filter keeps records. */
  | { from: 'seen'; i: number }
  /** Part of a record's value for the field the search parameter names, its case turned or not. */
  | { from: 'search'; i: number; turn: boolean }
  /** An integer inside the lists the model showed for this operation (an offset or a page size that cuts them). */
  | { from: 'within'; i: number }
  /** A value the model's answers showed under a field of the parameter's own name (an existing record's). */
  | { from: 'field'; i: number }
  /** A value of the parameter's pool that the model's last answer showed (a record just listed). */
  | { from: 'last'; i: number }
  | { from: 'unknown' }
  | { from: 'omit' }
  | { from: 'value'; v: string | number | boolean | string[] }
  /** Part of a text the model's answers showed, its case turned (what a search should still match). */
  | { from: 'text'; i: number }
  /** A value the schema refuses (out of range, not in the enum): the error path. */
  | { from: 'invalid' };

/** One step, as generated: the operation, the method, who calls, and a pick per parameter. */
export interface Plan {
  operationId: string;
  /** Set for a 405 probe: a method the path does not document. */
  method?: string;
  principal: number;
  path: Record<string, Pick>;
  query: Record<string, Pick>;
  header: Record<string, Pick>;
  body: Record<string, Pick>;
}

const weighted = <T>(...pairs: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));
const base = fc.constant<Pick>({ from: 'baseline' });
const pool = fc.nat(63).map<Pick>((i) => ({ from: 'pool', i }));
const unknown = fc.constant<Pick>({ from: 'unknown' });
const recent = fc.constant<Pick>({ from: 'recent' });
const text = fc.nat(199).map<Pick>((i) => ({ from: 'text', i }));
const omit = fc.constant<Pick>({ from: 'omit' });
const invalid = fc.constant<Pick>({ from: 'invalid' });

const isNull = (s: unknown) => typeof s === 'object' && s !== null && (s as JsonObject).type === 'null';

/** The schema without its null branch (`oneOf: [X, {type: null}]`, `type: [X, 'null']`), and whether null is allowed. */
export function unwrapNull(schema: JsonObject): { schema: JsonObject; nullable: boolean } {
  const branches = (schema.oneOf ?? schema.anyOf) as JsonObject[] | undefined;
  if (Array.isArray(branches) && branches.some(isNull)) {
    const rest = branches.filter((b) => !isNull(b));
    return { schema: rest.length === 1 ? rest[0] : schema, nullable: true };
  }
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types = schema.type.filter((t) => t !== 'null');
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema, nullable: false };
}

/** Values the schema allows, for the kinds whose values are worth varying. */
export function valuesOf(nullable: JsonObject): fc.Arbitrary<Pick> | undefined {
  const { schema } = unwrapNull(nullable);
  const items = schema.items as JsonObject | undefined;
  const v = (a: fc.Arbitrary<string | number | boolean | string[]>) => a.map<Pick>((x) => ({ from: 'value', v: x }));
  if (Array.isArray(schema.enum)) return v(fc.constantFrom(...schema.enum.map(String)));
  if (schema.type === 'boolean') return v(fc.boolean());
  if (schema.type === 'integer') {
    const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
    const max = typeof schema.maximum === 'number' ? Math.min(schema.maximum, min + 60) : min + 60;
    return v(fc.integer({ min, max }));
  }
  if (schema.type === 'array' && items && Array.isArray(items.enum))
    return v(fc.subarray(items.enum.map(String), { minLength: 1 }));
  return undefined;
}

/** The picks one parameter or body field may get: pools for ids, the schema's values for the rest. */
function picks(
  name: string,
  schema: JsonObject,
  required: boolean,
  pooled: ReadonlySet<string>,
  steady = 5,
): fc.Arbitrary<Pick> {
  const choices: [number, fc.Arbitrary<Pick>][] = [[steady, base]];
  if (pooled.has(name)) choices.push([4, pool], [5, recent], [1, unknown]);
  const values = valuesOf(schema);
  if (values) choices.push([3, values]);
  else if (schema.type === 'string' && !pooled.has(name) && !schema.format) choices.push([3, text]);
  if (values) choices.push([1, invalid]);
  // Leaving out a required one is the error path (the vendor's envelope naming the field).
  choices.push([required ? 1 : 2, omit]);
  return weighted(...choices);
}

const record = (entries: [string, fc.Arbitrary<Pick>][]) => fc.record(Object.fromEntries(entries));

/** Every operation of the spec, each with picks from its own schemas; plus the methods no path lists. */
export function planArbitrary(index: SpecIndex, pooled: ReadonlySet<string>, principals: number): fc.Arbitrary<Plan> {
  // `principals` itself stands for "no credentials at all" (the main principal's other headers, no Authorization).
  const principal = weighted(
    [8, fc.constant(0)],
    [3, fc.nat(Math.max(0, principals - 1))],
    [1, fc.constant(principals)],
  );
  const plans = index.operations.map((op) => {
    // Path ids vary freely; query and header values one or two at a time, so most requests get past validation.
    const params = (where: string) =>
      record(
        op.params
          .filter((p) => p.in === where && p.name.toLowerCase() !== 'authorization')
          .map((p) => [
            p.name,
            picks(p.name, p.schema, p.required, pooled, where === 'path' ? 5 : where === 'header' ? 40 : 24),
          ]),
      );
    const props = (op.body?.schema.properties ?? {}) as Record<string, JsonObject>;
    const required = new Set((op.body?.schema.required as string[] | undefined) ?? []);
    const body = record(
      Object.entries(props).map(([name, schema]) => [name, picks(name, schema, required.has(name), pooled, 8)]),
    );
    return fc.record({
      operationId: fc.constant(op.id),
      principal,
      path: params('path'),
      query: params('query'),
      header: params('header'),
      body,
    });
  });
  const probes = wrongMethods(index).map(([op, methods]) =>
    fc.record({
      operationId: fc.constant(op.id),
      method: fc.constantFrom(...methods),
      principal: fc.constant(0),
      path: fc.constant({}),
      query: fc.constant({}),
      header: fc.constant({}),
      body: fc.constant({}),
    }),
  );
  return weighted<Plan>(
    ...plans.map((p): [number, fc.Arbitrary<Plan>] => [6, p]),
    ...probes.map((p): [number, fc.Arbitrary<Plan>] => [1, p]),
  );
}

const allMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The methods a path documents, by path template. */
export function documentedMethods(index: SpecIndex, path: string): string[] {
  return index.operations.filter((o) => o.path === path).map((o) => o.method.toUpperCase());
}

const templateRegex = (template: string) =>
  new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  );

/** The methods documented for a concrete path: those of the one path the router resolves it to. */
export function methodsAt(index: SpecIndex, concrete: string): string[] {
  // A URL belongs to the most specific path it fits (more literal segments, then the earlier
  // literal), as the router resolves it: `/connections/repair` is not `/connections/{id}`.
  const fitting = [...new Set(index.operations.filter((o) => templateRegex(o.path).test(concrete)).map((o) => o.path))];
  const shape = (path: string) => path.split('/').map((s) => (s.startsWith('{') ? 0 : 1));
  const literals = (path: string) => shape(path).reduce<number>((n, x) => n + x, 0);
  fitting.sort((a, b) => literals(b) - literals(a) || shape(b).join('').localeCompare(shape(a).join('')));
  const path = fitting[0];
  return path === undefined
    ? []
    : [...new Set(index.operations.filter((o) => o.path === path).map((o) => o.method.toUpperCase()))];
}

/** For one operation of each path, the methods its path does not document. */
function wrongMethods(index: SpecIndex): [Operation, string[]][] {
  const seen = new Set<string>();
  const out: [Operation, string[]][] = [];
  for (const op of index.operations) {
    if (seen.has(op.path)) continue;
    seen.add(op.path);
    const documented = documentedMethods(index, op.path);
    const others = allMethods.filter((m) => !documented.includes(m));
    if (others.length) out.push([op, others]);
  }
  return out;
}

export interface Resolver {
  baseline(operationId: string): RequestParts | undefined;
  principals: Record<string, string>[];
  pool(name: string): string[];
  /** The last value sent that the named pool holds (or `depth` distinct ones before it). */
  recent(name: string, depth?: number): string | undefined;
  /** Texts the model's answers showed (names, e-mails…). */
  texts(): string[];
  /** Strings the model's answers showed under this field name. */
  values?(field: string): string[];
  /** Strings the model's last answer showed. */
  last?(): readonly string[];
  /** Whether the model's answers showed this value anywhere. */
  seen?(value: string): boolean;
  /** The most items one list of this operation showed (its total where the answer gives one). */
  size?(operationId: string): number;
  /** A search text parameter → the parameter naming the field it is searched in (the spec's `x-connkit.model.search`). */
  search?: ReadonlyMap<string, string>;
}

/** A well-formed value nobody has: a known one with its last characters turned. */
export function unknownLike(value: string | undefined): string {
  const v = value || 'connkit';
  const turn = (c: string) =>
    /[0-9]/.test(c)
      ? String((Number(c) + 7) % 10)
      : /[a-f]/.test(c)
        ? 'abcdef'[('abcdef'.indexOf(c) + 3) % 6]
        : /[a-z]/.test(c)
          ? String.fromCharCode(((c.charCodeAt(0) - 97 + 11) % 26) + 97)
          : /[A-Z]/.test(c)
            ? String.fromCharCode(((c.charCodeAt(0) - 65 + 11) % 26) + 65)
            : c;
  return v.slice(0, -3) + [...v.slice(-3)].map(turn).join('');
}

function invalidValue(schema: JsonObject | undefined): string | number {
  if (!schema) return '';
  if (schema.type === 'integer' || schema.type === 'number')
    return typeof schema.maximum === 'number'
      ? schema.maximum + 1
      : typeof schema.minimum === 'number'
        ? schema.minimum - 1
        : 'x';
  if (schema.type === 'boolean') return 'maybe';
  if (Array.isArray(schema.enum)) return 'connkit-none';
  return '';
}

type Value = string | number | boolean | null | (string | number)[];

/** Where a pick needs more than its own parameter: the operation and the query resolved so far. */
interface PickContext {
  operationId: string;
  query: Record<string, unknown>;
  params: Operation['params'];
}

function resolvePick(
  pick: Pick | undefined,
  name: string,
  current: unknown,
  schema: JsonObject | undefined,
  r: Resolver,
  at?: PickContext,
): Value | undefined | typeof omitted {
  if (!pick || pick.from === 'baseline') return current === undefined ? undefined : (current as Value);
  if (pick.from === 'omit') return omitted;
  if (pick.from === 'null') return null;
  if (pick.from === 'seen') return seenValue(pick.i, schema, r) ?? omitted;
  if (pick.from === 'within') return withinValue(pick.i, schema, r.size?.(at?.operationId ?? '') ?? 0);
  if (pick.from === 'search') return searchValue(pick, name, r, at) ?? omitted;
  if (pick.from === 'field' || pick.from === 'last') {
    const pool = r.pool(name);
    const shown = pick.from === 'field' ? (r.values?.(name) ?? []) : (r.last?.() ?? []).filter((v) => pool.includes(v));
    if (shown.length) return shown[pick.i % shown.length];
    return r.recent(name) ?? (current === undefined ? undefined : (current as Value));
  }
  if (pick.from === 'value') return pick.v;
  if (pick.from === 'invalid') return invalidValue(schema);
  const values = r.pool(name);
  if (pick.from === 'unknown') return unknownLike(typeof current === 'string' ? current : values[0]);
  if (pick.from === 'text') {
    const all = r.texts();
    const t = all.length ? all[pick.i % all.length] : '';
    const part = t.length > 4 ? t.slice(1, Math.max(3, Math.floor(t.length / 2))) : t;
    return pick.i % 2 ? part.toUpperCase() : part;
  }
  if (pick.from === 'recent')
    return r.recent(name, pick.depth) ?? (current === undefined ? undefined : (current as Value));
  return values.length ? values[pick.i % values.length] : current === undefined ? undefined : (current as Value);
}
const omitted = Symbol('omitted');

/** An enum value the model's answers showed; for an array of enum values, a subset of two or more where there are. */
function seenValue(i: number, schema: JsonObject | undefined, r: Resolver): Value | undefined {
  if (!schema) return undefined;
  const plain = unwrapNull(schema).schema;
  const items = plain.items as JsonObject | undefined;
  const options = (Array.isArray(plain.enum) ? plain.enum : Array.isArray(items?.enum) ? items.enum : []).map(String);
  const shown = options.filter((v) => r.seen?.(v));
  const from = shown.length ? shown : options;
  if (!from.length) return undefined;
  if (plain.type !== 'array') return from[i % from.length];
  const subset = from.filter((_, k) => (i >> k) & 1);
  return subset.length >= Math.min(2, from.length) ? subset : from;
}

/** An integer inside the schema's range and the lists the model showed (so an offset or a limit cuts a list). */
function withinValue(i: number, schema: JsonObject | undefined, size: number): number {
  const plain = schema ? unwrapNull(schema).schema : {};
  const min = typeof plain.minimum === 'number' ? plain.minimum : 0;
  const cap = typeof plain.maximum === 'number' ? plain.maximum : Number.MAX_SAFE_INTEGER;
  const max = Math.max(min, Math.min(cap, Math.max(size, min + 1)));
  return min + (i % (max - min + 1));
}

/** Part of the value a record shows for the field the search is made in (the field parameter's value, else its default). */
function searchValue(
  pick: { i: number; turn: boolean },
  name: string,
  r: Resolver,
  at: PickContext | undefined,
): string | undefined {
  const fieldParam = r.search?.get(name);
  if (!fieldParam || !at) return undefined;
  const given = at.query[fieldParam];
  const fallback = at.params.find((p) => p.name === fieldParam)?.schema.default;
  const field = typeof given === 'string' ? given : typeof fallback === 'string' ? fallback : undefined;
  const texts = field ? (r.values?.(field) ?? []) : [];
  if (!texts.length) return undefined;
  const t = texts[pick.i % texts.length];
  const len = Math.max(1, Math.min(t.length, 3 + (pick.i % 5)));
  const start = t.length > len ? (pick.i >> 3) % (t.length - len + 1) : 0;
  const part = t.slice(start, start + len);
  return pick.turn ? swapCase(part) : part;
}

const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/** The plan made concrete against the model's current state. */
export function resolvePlan(plan: Plan, op: Operation, r: Resolver): { method: string; parts: RequestParts } {
  const baseline = r.baseline(op.id) ?? {};
  const main = r.principals[0] ?? {};
  const anonymous = plan.principal === r.principals.length;
  const chosen = r.principals[plan.principal % Math.max(1, r.principals.length)] ?? main;
  const headers0: Record<string, string> = { ...baseline.headers, ...chosen };
  if (anonymous) for (const k of Object.keys(headers0)) if (k.toLowerCase() === 'authorization') delete headers0[k];
  const parts: RequestParts = { headers: headers0, path: { ...baseline.path }, query: { ...baseline.query } };
  const path = parts.path ?? {};
  const query = parts.query ?? {};
  const headers = parts.headers ?? {};
  const at: PickContext = { operationId: op.id, query, params: op.params };
  // A search text is drawn from the field its sibling parameter names: those come last.
  const ordered = [...op.params].sort(
    (a, b) => Number(plan.query[a.name]?.from === 'search') - Number(plan.query[b.name]?.from === 'search'),
  );
  for (const p of ordered) {
    if (p.in === 'path') {
      const v = resolvePick(plan.path[p.name], p.name, path[p.name], p.schema, r);
      path[p.name] = v === omitted || v === undefined ? unknownLike(r.pool(p.name)[0]) : String(v);
    } else if (p.in === 'query') {
      const v = resolvePick(plan.query[p.name], p.name, query[p.name], p.schema, r, at);
      if (v === omitted || v === undefined || v === null) delete query[p.name];
      else query[p.name] = v;
    } else if (p.in === 'header' && plan.header[p.name]) {
      const key = Object.keys(headers).find((h) => h.toLowerCase() === p.name.toLowerCase()) ?? p.name;
      const v = resolvePick(plan.header[p.name], p.name, headers[key], p.schema, r, at);
      if (v === omitted || v === undefined || v === null) delete headers[key];
      else headers[key] = String(v);
    }
  }
  if (plan.method) return { method: plan.method, parts: { ...parts, method: plan.method } };
  if (op.body) {
    const props = (op.body.schema.properties ?? {}) as Record<string, JsonObject>;
    const body: Record<string, unknown> = isObject(baseline.body) ? structuredClone(baseline.body) : {};
    for (const [name, schema] of Object.entries(props)) {
      const v = resolvePick(plan.body[name], name, body[name], schema, r, at);
      if (v === omitted) delete body[name];
      else if (v !== undefined) body[name] = v;
    }
    parts.body = body;
  }
  return { method: op.method.toUpperCase(), parts };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
