// Spec and simulator say the same thing: a malformed X-Connkit-Session answers a 400 that
// specs/control.yaml documents, on every control operation (enumerated from the spec).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specIndex } from '../../src/contract/registry.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

const control = specIndex('control');
const fill = (path: string) =>
  path.replace('{api}', 'auth0').replace('{collection}', 'organizations').replace('{name}', 'latency');

describe('a malformed X-Connkit-Session on every control operation', () => {
  let t: TestSim;
  beforeAll(async () => {
    // validateResponses is on: an answer the spec does not document would come back as a 500.
    t = await testSimulator();
  });
  afterAll(() => t?.close());

  it.each(control.operations.map((op) => [op.id, op] as const))(
    '%s declares the header and documents the 400 it answers',
    async (_id, op) => {
      expect(op.params.some((p) => p.in === 'header' && p.name === 'X-Connkit-Session')).toBe(true);
      expect(op.responses.has('400')).toBe(true);
      const res = await t.call({
        method: op.method.toUpperCase(),
        path: `${control.prefix}${control.basePath}${fill(op.path)}`,
        headers: { 'X-Connkit-Session': 'no spaces allowed!' },
        body: op.method === 'get' || op.method === 'delete' ? undefined : {},
      });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.message).toContain('X-Connkit-Session');
    },
  );
});

describe('PUT /__control/state: every API state typed by the spec', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await testSimulator();
  });
  afterAll(() => t?.close());

  it('takes back what it exports', async () => {
    const exported = (await t.call({ path: '/__control/state', session: 'typed' })).body;
    const res = await t.call({ method: 'PUT', path: '/__control/state', session: 'typed', body: exported });
    expect(res.status, res.text).toBe(200);
  });

  it.each(['leadconduit', 'auth0', 'mycreditapp', 'wingfield'])(
    'answers {} for %s with a 400 naming the field, not a JavaScript error, and changes nothing',
    async (api) => {
      const before = (await t.call({ path: '/__control/state', session: 'typed' })).text;
      const snapshot = JSON.parse(before);
      snapshot.apis[api] = {};
      const res = await t.call({ method: 'PUT', path: '/__control/state', session: 'typed', body: snapshot });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.message).toContain(`apis.${api}`);
      expect(res.body.error.message).not.toMatch(/TypeError|undefined|Cannot read/);
      expect((await t.call({ path: '/__control/state', session: 'typed' })).text).toBe(before);
    },
  );

  it('names a collection of the wrong kind', async () => {
    const snapshot = (await t.call({ path: '/__control/state', session: 'typed' })).body;
    snapshot.apis.auth0.tokens = 5;
    const res = await t.call({ method: 'PUT', path: '/__control/state', session: 'typed', body: snapshot });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/apis\.auth0\.tokens/);
  });
});

describe('PUT /__control/scenarios/{name}: params and apis per scenario', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await testSimulator();
  });
  afterAll(() => t?.close());

  it.each([
    ['sso-outage', { params: { ms: 1 } }, 'params.ms'],
    ['latency', { params: { colour: 1 } }, 'params.colour'],
    ['server-error', { params: { status: 404 } }, 'params'],
    ['sso-outage', { apis: ['auth0'] }, 'apis'],
    ['maintenance', { apis: ['mycreditapp', 'wingfield'] }, 'apis'],
  ])('%s with %j answers the documented 422 naming %s, and nothing is switched on', async (name, body, field) => {
    const res = await t.call({ method: 'PUT', path: `/__control/scenarios/${name}`, session: 'sc', body });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('invalid_scenario');
    expect(res.body.error.message.startsWith(`${field}:`)).toBe(true);
    expect(control.byId.get('activateScenario')?.responses.has('422')).toBe(true);
    expect((await t.call({ path: '/__control/scenarios', session: 'sc' })).body.active).toEqual([]);
  });

  it('takes what the catalog allows', async () => {
    const res = await t.call({
      method: 'PUT',
      path: '/__control/scenarios/latency',
      session: 'sc2',
      body: { apis: ['auth0'], params: { ms: 5 } },
    });
    expect(res.status).toBe(200);
    expect(res.body.active[0]).toMatchObject({ name: 'latency', apis: ['auth0'], params: { ms: 5 } });
  });
});
