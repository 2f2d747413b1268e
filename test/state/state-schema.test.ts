import { describe, expect, it } from 'vitest';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import type { Json, JsonObject } from '../../src/contract/load.js';
import { derefDeep } from '../../src/contract/load.js';
import { createSimulator } from '../../src/sim/core.js';
import { isApiError } from '../../src/sim/errors.js';
import { recordSchemaOf, stateSchema } from '../../src/sim/snapshot/state-schema.js';

// The state schema has one source, the specs: control.yaml's <Vendor>State with its
// `x-connkit-records` marks naming each API spec's `x-connkit.state.<collection>`. These
// tests walk those marks, so a collection added to the spec is probed without a test edit.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every marked place in an API's state schema: the path to it ('*' for any key) and the collection. */
function marks(node: Json, path: string[] = []): { path: string[]; collection: string; without: string[] }[] {
  if (!isObject(node)) return [];
  const m = node['x-connkit-records'];
  if (isObject(m) && typeof m.collection === 'string') {
    const without = Array.isArray(m.without) ? m.without.filter((k): k is string => typeof k === 'string') : [];
    return [{ path, collection: m.collection, without }];
  }
  const found: ReturnType<typeof marks> = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'allOf' && Array.isArray(v)) for (const s of v) found.push(...marks(s, path));
    else if (k === 'properties' && isObject(v))
      for (const [p, s] of Object.entries(v)) found.push(...marks(s, [...path, p]));
    else if (k === 'additionalProperties' || k === 'items') found.push(...marks(v, [...path, '*']));
  }
  return found;
}

function controlStateOf(api: string): Json {
  const control = specIndex('control').doc;
  const apis = (((control.components as JsonObject).schemas as JsonObject).Snapshot as JsonObject)
    .properties as JsonObject;
  return derefDeep(control, ((apis.apis as JsonObject).properties as JsonObject)[api]);
}

/** The first record at a marked path of a state, and the concrete path to it. */
function firstAt(state: unknown, path: string[]): { at: string[]; record: Record<string, unknown> } | undefined {
  if (!path.length) return isObject(state) ? { at: [], record: state } : undefined;
  const [head, ...rest] = path;
  if (!isObject(state) && !Array.isArray(state)) return undefined;
  const entries: [string, unknown][] =
    head === '*'
      ? Object.entries(state)
      : Object.hasOwn(state, head)
        ? [[head, (state as Record<string, unknown>)[head]]]
        : [];
  for (const [k, v] of entries) {
    const found = firstAt(v, rest);
    if (found) return { at: [k, ...found.at], record: found.record };
  }
  return undefined;
}

function refusal(run: () => void, what = ''): { field: unknown; message: string } {
  try {
    run();
  } catch (e) {
    if (isApiError(e)) return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error(`the snapshot was accepted: ${what}`);
}

describe('the state schema, from the specs', () => {
  it.each(vendorNames)('%s: every mark names a record schema of its spec, and none is left in the schema', (api) => {
    const found = marks(controlStateOf(api));
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) expect(recordSchemaOf(api, m.collection), m.collection).toBeDefined();
    expect(JSON.stringify(stateSchema(api))).not.toContain('"x-connkit-records":');
  });

  it.each(vendorNames)(
    '%s: a record missing a field, with a field of the wrong type or one it has not is refused naming it; the session is unchanged',
    (api) => {
      const sim = createSimulator({ apis: [api] });
      const session = sim.session('schema');
      const before = JSON.stringify(session.export());
      for (const m of marks(controlStateOf(api))) {
        const snapshot = session.export();
        const found = firstAt(snapshot.apis[api], m.path);
        if (!found) throw new Error(`${api}: no record at ${m.path.join('.')}`);
        const schema = derefDeep(specIndex(api).doc, recordSchemaOf(api, m.collection) ?? {}) as JsonObject;
        const required = (schema.required as string[]).filter((k) => !m.without.includes(k));
        const [field] = required;
        const where = ['body', 'apis', api, ...found.at];
        const cases: [string, (r: Record<string, unknown>) => void, string][] = [
          ['missing', (r) => delete r[field], field],
          ['wrong type', (r) => (r[field] = { nested: true }), field],
          ['unknown field', (r) => (r.not_a_field = 1), 'not_a_field'],
        ];
        for (const [what, change, named] of cases) {
          const copy = structuredClone(snapshot);
          const record = firstAt(copy.apis[api], found.at);
          if (!record) throw new Error('lost the record');
          change(record.record);
          const refused = refusal(() => sim.restoreSessions([['schema', copy]]), `${m.collection} ${what}`);
          expect(refused.field, `${api} ${m.collection} ${what}`).toEqual([...where, named]);
          expect(refused.message).toContain(named);
        }
      }
      expect(JSON.stringify(session.export())).toBe(before);
    },
  );

  it('Auth0 keeps a link without its organization id (the key of its group): a stored one that repeats it is refused', () => {
    const sim = createSimulator({ apis: ['auth0'] });
    const snapshot = sim.session('auth0-links').export();
    const links = (snapshot.apis.auth0 as { links: Record<string, Record<string, unknown>[]> }).links;
    const [org] = Object.keys(links);
    links[org][0].organization_id = org;
    const refused = refusal(() => sim.restoreSessions([['auth0-links', snapshot]]));
    expect(refused.field).toEqual(['body', 'apis', 'auth0', 'links', org, '0', 'organization_id']);
  });
});
