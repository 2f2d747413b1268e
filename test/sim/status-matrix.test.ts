import { inject } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { specIndex } from '../../src/contract/registry.js';
import { errorSchemaPointer, specNames } from '../../src/contract/names.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';
import { recipes } from '../helpers/status-recipes.js';

let t: TestSim;
let fx: any;
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

const cases = Object.entries(recipes).flatMap(([op, byStatus]) =>
  Object.entries(byStatus).map(([status, recipe]) => [op, Number(status), recipe] as const),
);

describe('every documented status of every operation', () => {
  it.each(cases)('%s answers %i', async (op, status, recipe) => {
    const res = await t.call({ session: freshSession(op), ...recipe(fx) });
    expect(res.body?.connkit, JSON.stringify(res.body)).not.toBe('response-violation');
    expect(res.status, res.text).toBe(status);
    // The journal records on 'finish', which may run just after the client has the answer.
    await new Promise((r) => setTimeout(r, 5));
    expect(t.sim.journal.list(1)[0].operationId).toBe(op);
    if (status >= 400) {
      const spec = [...t.sim.served, specIndex('control')].find((s) => s.byId.has(op))!;
      const envelope = spec.schemaValidator(errorSchemaPointer(spec.name));
      expect(envelope(res.body), res.text).toBe(true);
    }
  });

  it.each([...specNames])('%s: the recipes cover every documented status', (name) => {
    const missing: string[] = [];
    for (const op of specIndex(name).operations)
      for (const status of op.responses.keys())
        if (
          !recipes[op.id]?.[status] &&
          !(name === 'control' && ['401', '403'].includes(status)) &&
          !elsewhere.has(`${op.id} ${status}`)
        )
          missing.push(`${op.id} ${status}`);
    expect(missing).toEqual([]);
  });
});

/** Statuses only a simulator serving fewer APIs can give: produced by their own tests below. */
const elsewhere = new Set(['listStateCollections 404']);

describe('a simulator serving fewer APIs', () => {
  it('answers listStateCollections 404 for an API it does not serve', async () => {
    const { createSimulator } = await import('../../src/sim/core.js');
    const only = createSimulator({ apis: ['auth0'], validateResponses: true });
    const res = await only.handle(new Request('http://127.0.0.1/__control/state/wingfield'));
    expect(res.status).toBe(404);
    expect(specIndex('control').schemaValidator(errorSchemaPointer('control'))(await res.json())).toBe(true);
  });
});

describe('the control API from outside loopback', () => {
  it('answers 403 without a token and 401 with a wrong one; the right token passes', async () => {
    const { createServer } = await import('../../src/server/index.js');
    const { app } = createServer({ logLevel: 'silent', validateResponses: true, controlToken: 's3cret' });
    const remote = { remoteAddress: '203.0.113.9' };
    const ops = specIndex('control').operations.filter((o) => o.responses.has('403'));
    for (const op of ops) {
      const url = `/__control${op.path.replace('{name}', 'latency')}`;
      const none = await inject(app, { method: op.method.toUpperCase() as 'GET', url, ...remote });
      expect(none.statusCode, `${op.id} ${none.body}`).toBe(403);
      const wrong = await inject(app, {
        method: op.method.toUpperCase() as 'GET',
        url,
        headers: { 'x-connkit-control-token': 'nope!!' },
        ...remote,
      });
      expect(wrong.statusCode, op.id).toBe(401);
      expect(JSON.parse(wrong.body).error.code).toBe('invalid_control_token');
    }
    const ok = await inject(app, {
      method: 'GET',
      url: '/__control/health',
      headers: { 'x-connkit-control-token': 's3cret' },
      ...remote,
    });
    expect(ok.statusCode).toBe(200);
    const { app: closed } = createServer({ logLevel: 'silent' });
    const refused = await inject(closed, {
      method: 'GET',
      url: '/__control/health',
      headers: { 'x-connkit-control-token': 's3cret' },
      ...remote,
    });
    expect(refused.statusCode).toBe(403);
  });
});
