import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPointer, type JsonObject } from '../../src/contract/load.js';
import { specIndex } from '../../src/contract/registry.js';
import { stateSchema } from '../../src/sim/snapshot/state-schema.js';
import { wf } from '../helpers/fixtures.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';

const vendorState = {
  leadconduit: 'LeadConduitState',
  auth0: 'Auth0State',
  mycreditapp: 'MyCreditAppState',
  wingfield: 'WingfieldState',
};

/**
 * Every collection of each API's state whose records follow `x-connkit.internal` (the records a
 * snapshot carries that the editor does not change), read from the specs so a collection added
 * there is tested here too.
 */
function internalCollections(): { api: string; key: string; collection: string }[] {
  const control = specIndex('control').doc;
  return Object.entries(vendorState).flatMap(([api, name]) => {
    const internal = (specIndex(api).doc['x-connkit'] as JsonObject).internal as JsonObject;
    const parts = getPointer(control, `/components/schemas/${name}/allOf`) as JsonObject[];
    return parts.flatMap((part) =>
      Object.entries((part.properties ?? {}) as Record<string, JsonObject>).flatMap(([key, schema]) => {
        const records = (schema.additionalProperties ?? schema.items) as JsonObject | undefined;
        const marked = records?.['x-connkit-records'] as JsonObject | undefined;
        const collection = marked?.collection;
        return typeof collection === 'string' && Object.hasOwn(internal, collection) ? [{ api, key, collection }] : [];
      }),
    );
  });
}

const cases = internalCollections();

describe('a snapshot with one broken record of a collection the editor does not change', () => {
  let t: TestSim;
  let fx: any;
  useSimulator((sim, fixtures) => {
    t = sim;
    fx = fixtures;
  });

  it('finds such collections in every API', () => {
    expect(new Set(cases.map((c) => c.api))).toEqual(new Set(Object.keys(vendorState)));
  });

  const exportJson = async (s: string) => (await t.call({ path: '/__control/state', session: s })).text;

  it.each(cases)('is refused naming $api $key, the state unchanged', async ({ api, key }) => {
    const s = freshSession(`${api}-${key}`);
    const before = await exportJson(s);
    const records = JSON.parse(before).apis[api][key] as Record<string, Record<string, unknown>>;
    const ids = Object.keys(records);
    expect(ids.length).toBeGreaterThan(0);
    const fields = Object.keys(records[ids[0]]);
    const parts = stateSchema(api).allOf as JsonObject[];
    const schema = parts.map((p) => (p.properties as Record<string, JsonObject> | undefined)?.[key]).find(Boolean);
    const record = (schema?.additionalProperties ?? schema?.items) as JsonObject;
    const required = record.required as string[];
    expect(required.length).toBeGreaterThan(0);
    // A record emptied, a required field dropped, or a field holding what no field of these records holds.
    const breakage = fc.record({
      id: fc.constantFrom(...ids),
      how: fc.oneof(
        fc.constant({ kind: 'empty' as const }),
        fc.record({ kind: fc.constant('drop' as const), field: fc.constantFrom(...required) }),
        fc.record({ kind: fc.constant('garble' as const), field: fc.constantFrom(...fields) }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(breakage, async ({ id, how }) => {
        const json = JSON.parse(before);
        const record = json.apis[api][key][id];
        if (how.kind === 'empty') json.apis[api][key][id] = {};
        else if (how.kind === 'drop') delete record[how.field];
        else record[how.field] = -0.5;
        const put = await t.call({ method: 'PUT', path: '/__control/state', session: s, body: json });
        expect(put.status).toBe(422);
        expect(put.body.error.code).toBe('invalid_snapshot');
        expect(put.body.error.message).toContain(`apis.${api}.${key}.${id}`);
        if (how.kind !== 'empty') expect(put.body.error.message).toContain(`.${how.field}`);
        expect(await exportJson(s)).toBe(before);
      }),
      { numRuns: 4, seed: 42 },
    );
  });

  it('keeps the call the refused record would have broken answering (the Wingfield token emptied)', async () => {
    const s = freshSession('wf-token');
    const w = wf(fx);
    const json = JSON.parse(await exportJson(s));
    const token = w.write.Authorization.replace(/^Bearer /, '');
    json.apis.wingfield.tokens[token] = {};
    const put = await t.call({ method: 'PUT', path: '/__control/state', session: s, body: json });
    expect(put.status).toBe(422);
    expect(put.body.error.message).toContain(`apis.wingfield.tokens.${token}`);
    const [org] = w.related;
    const sub = await t.call({
      method: 'PUT',
      path: `${w.base}/organizations/${org.id}/users/${w.users[0]}/subscription`,
      headers: w.write,
      session: s,
      body: { subscription: 'FREE' },
    });
    expect(sub.status).toBeLessThan(500);
  });
});
