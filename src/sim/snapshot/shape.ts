import type { ApiModule } from '../module.js';

/**
 * A JSON Schema of one API's state, inferred from the module's own seeded states: what a
 * snapshot must hold for the state class to work on it (a collection stays a collection, a
 * record keeps the fields every seeded record has, each of the type it had). Two seeds tell
 * a record (the same keys) from a collection (keys that are ids, so they differ).
 */
export type Schema = Record<string, unknown>;

type Shape =
  | { kind: 'any' }
  | { kind: 'scalar'; types: Set<string> }
  | { kind: 'array'; items: Shape }
  | { kind: 'record'; props: Map<string, Shape>; required: Set<string> }
  | { kind: 'map'; values: Shape };

const any: Shape = { kind: 'any' };

function merge(a: Shape, b: Shape): Shape {
  if (a.kind === 'any' || b.kind === 'any') return any;
  if (a.kind === 'scalar' && b.kind === 'scalar') return { kind: 'scalar', types: new Set([...a.types, ...b.types]) };
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', items: merge(a.items, b.items) };
  if (a.kind === 'map' && b.kind === 'map') return { kind: 'map', values: merge(a.values, b.values) };
  if (a.kind === 'record' && b.kind === 'record') {
    const props = new Map(a.props);
    for (const [k, s] of b.props) props.set(k, props.has(k) ? merge(props.get(k) ?? any, s) : s);
    return { kind: 'record', props, required: new Set([...a.required].filter((k) => b.required.has(k))) };
  }
  if (a.kind === 'map' && b.kind === 'record')
    return { kind: 'map', values: [...b.props.values()].reduce(merge, a.values) };
  if (a.kind === 'record' && b.kind === 'map') return merge(b, a);
  return any;
}

const typeOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;

/** The shape of `value`, with `other` (the same place in a state of another seed) to tell maps from records. */
function infer(value: unknown, other: unknown): Shape {
  const t = typeOf(value);
  if (t === 'null' || t === 'undefined') return any;
  if (t !== 'object' && t !== 'array') return { kind: 'scalar', types: new Set([t]) };
  if (Array.isArray(value)) {
    const items = value.map((v) => infer(v, undefined));
    return { kind: 'array', items: items.length ? items.reduce(merge) : any };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const otherObj = typeOf(other) === 'object' ? (other as Record<string, unknown>) : undefined;
  const sameKeys =
    otherObj !== undefined &&
    entries.length === Object.keys(otherObj).length &&
    entries.every(([k]) => Object.hasOwn(otherObj, k));
  if (sameKeys || (otherObj === undefined && entries.length <= 12))
    return {
      kind: 'record',
      props: new Map(entries.map(([k, v]) => [k, infer(v, otherObj?.[k])])),
      required: new Set(entries.map(([k]) => k)),
    };
  const values = entries.map(([, v]) => infer(v, undefined));
  return { kind: 'map', values: values.length ? values.reduce(merge) : any };
}

function toSchema(s: Shape): Schema {
  switch (s.kind) {
    case 'any':
      return {};
    case 'scalar':
      // A field a session may clear (archived_at…) is null in some records: null is always allowed.
      return { type: [...s.types, 'null'] };
    case 'array':
      return { type: 'array', items: toSchema(s.items) };
    case 'map':
      return { type: 'object', additionalProperties: toSchema(s.values) };
    case 'record':
      return {
        type: 'object',
        required: [...s.required],
        properties: Object.fromEntries([...s.props].map(([k, v]) => [k, toSchema(v)])),
      };
  }
}

const cache = new WeakMap<ApiModule, Schema>();

/** The state schema of one API (built once per module from two small seeded states). */
export function stateSchema(mod: ApiModule): Schema {
  let schema = cache.get(mod);
  if (!schema) {
    const a = mod.state.toJSON(mod.state.create({ seed: 1, size: 4 }));
    const b = mod.state.toJSON(mod.state.create({ seed: 2, size: 4 }));
    schema = toSchema(merge(infer(a, b), infer(b, a)));
    cache.set(mod, schema);
  }
  return schema;
}
