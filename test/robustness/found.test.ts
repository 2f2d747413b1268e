import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../src/msw/index.js';
import { createSimulator } from '../../src/sim/core.js';

/**
 * The defects the robustness properties found, each as the one request that showed it (the
 * properties find the class; these keep the instances fixed whatever the generators become).
 */
const sim = createSimulator();
const call = async (method: string, path: string, body?: string) => {
  const res = await sim.handle(
    new Request(`http://127.0.0.1${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body,
    }),
  );
  return { status: res.status, body: (await res.json()) as unknown };
};
const state = async () => (await sim.handle(new Request('http://127.0.0.1/__control/state'))).text();

describe('names every object answers to are no collection or record', () => {
  // A collection name is lower case (the spec's pattern): `constructor` is the inherited one it lets through.
  it.each(['leadconduit', 'auth0', 'mycreditapp', 'wingfield'])(
    'GET /__control/state/%s/constructor is not found (was a 500)',
    async (api) => {
      const res = await call('GET', `/__control/state/${api}/constructor`);
      expect(res).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    },
  );

  it.each([
    ['leadconduit', 'connections', 'sso-only'],
    ['leadconduit', 'connections', 'disconnect'],
    ['wingfield', 'relations', 'disconnect'],
    ['wingfield', 'connect-tokens', 'expire'],
    ['wingfield', 'connect-tokens', 'cancel'],
  ])(
    'a preset on %s %s/constructor (%s) is record_not_found, not a 422 on a function',
    async (api, collection, preset) => {
      const before = await state();
      for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        const res = await call('POST', `/__control/state/${api}/${collection}/${id}/presets/${preset}`, '{}');
        expect({ id, ...res }).toMatchObject({ id, status: 404, body: { error: { code: 'record_not_found' } } });
      }
      expect(await state()).toBe(before);
    },
  );
});

describe('the MSW door on app.leadconduit.com', () => {
  const server = setupServer(...handlers(sim));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it("answers connkit's own paths with LeadConduit's not-found: no fixtures, no reset (they were served)", async () => {
    const before = await state();
    const fixtures = await fetch('https://app.leadconduit.com/__control/fixtures');
    expect(fixtures.status).toBe(404);
    expect(await fixtures.json()).toEqual({ error: 'Not Found' });
    const reset = await fetch('https://app.leadconduit.com/__control/reset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"seed":7}',
    });
    expect(reset.status).toBe(404);
    expect(await state()).toBe(before);
  });

  it("answers another vendor's base path below it as LeadConduit, not as Wingfield", async () => {
    const res = await fetch('https://app.leadconduit.com/api/v1/external-services/x/organizations');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not Found' });
  });
});

describe('a latency scenario holds a request ten minutes at most', () => {
  // Past 2^31-1 ms Node's timer fired at once (TimeoutOverflowWarning), and MAX_SAFE_INTEGER held a socket for ages.
  it.each(['3000000000', '600001'])('Prefer: scenario=latency; ms=%s is refused naming the parameter', async (ms) => {
    const wf = (await sim.control.fixtures()).apis.wingfield;
    const res = await sim.handle(
      new Request(`http://127.0.0.1/wingfield/api/v1/external-services/${wf.external_service_id}/organizations`, {
        headers: { Authorization: `Bearer ${wf.tokens.read}`, Prefer: `scenario=latency; ms=${ms}` },
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("parameter 'ms' must be a number from 0 to 600000");
  });
});
