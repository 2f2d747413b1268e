import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components } from '../../src/generated/control.js';
import { createSimulator } from '../../src/sim/core.js';
import { readSpec } from '../../src/contract/load.js';

type S = components['schemas'];
const schemas = (readSpec('control').components as { schemas: Record<string, Record<string, unknown>> }).schemas;
const vendors = ['LeadConduit', 'Auth0', 'MyCreditApp', 'Wingfield'] as const;

/** A profile schema with every property required (provider_states, which only a profile for verify has, left out). */
function allRequired(schema: Record<string, unknown>, top: boolean): Record<string, unknown> {
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties)
      .filter(([k]) => !(top && k === 'provider_states'))
      .map(([k, v]) => [
        k,
        typeof v === 'object' && v !== null && !Array.isArray(v)
          ? allRequired(Object.fromEntries(Object.entries(v)), false)
          : v,
      ]),
  );
  return { ...schema, properties, required: Object.keys(properties) };
}

describe('fixtures typed with the fields that are always there required', () => {
  it.each(vendors)('%sFixtures is %sProfile with every field required (the two kept in step)', (v) => {
    const { description: _d, allOf, ...fixtures } = schemas[`${v}Fixtures`];
    const { description: _p, ...profile } = schemas[`${v}Profile`];
    expect(allOf).toEqual([{ $ref: `#/components/schemas/${v}Profile` }]);
    expect(fixtures).toEqual(allRequired(profile, true));
  });

  it('the types need no `!`: tokens.read is a string, organizations.guest an object', () => {
    expectTypeOf<S['WingfieldFixtures']['tokens']['read']>().toEqualTypeOf<string>();
    expectTypeOf<S['LeadConduitFixtures']['credentials']['user']>().toEqualTypeOf<string>();
    expectTypeOf<S['MyCreditAppFixtures']['organizations']['guest']['access_token']>().toEqualTypeOf<string>();
    expectTypeOf<S['Auth0Fixtures']['organizations']['main']['id']>().toEqualTypeOf<string>();
  });

  it('and the simulator gives every one of them, for every API (the answer is validated against the spec)', async () => {
    const sim = createSimulator({
      validateResponses: true,
      sizes: { leadconduit: 1, auth0: 1, mycreditapp: 1, wingfield: 1 },
    });
    const res = await sim.handle(new Request('http://127.0.0.1/__control/fixtures'));
    expect(res.status, await res.clone().text()).toBe(200);
    const f = await sim.control.fixtures();
    expect(typeof f.apis.wingfield?.tokens.read).toBe('string');
  });
});
