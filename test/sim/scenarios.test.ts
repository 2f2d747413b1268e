import { describe, expect, it } from 'vitest';
import { lc, mca } from '../helpers/fixtures.js';
import { freshSession, testSimulator, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let fx: any;
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

const lcList = (session: string, prefer?: string) =>
  t.call({ path: '/leadconduit/connections', headers: lc(fx).user, session, prefer });

describe('scenarios', () => {
  it('lists a documented catalog', async () => {
    const res = await t.call({ path: '/__control/scenarios' });
    expect(res.body.catalog.map((s: any) => s.name).sort()).toEqual([
      'connection-reset',
      'latency',
      'maintenance',
      'rate-limited',
      'server-error',
      'sso-outage',
    ]);
    for (const s of res.body.catalog) expect(s.description.length).toBeGreaterThan(20);
  });

  it('switch on for a whole session through the control API and off again', async () => {
    const s = freshSession();
    await t.call({ method: 'PUT', path: '/__control/scenarios/maintenance', session: s });
    const m = mca(fx);
    const down = await t.call({
      path: `${m.base}/host-connections?statuses=connected&limit=1&offset=0`,
      headers: m.headers('guest'),
      session: s,
    });
    expect(down.status).toBe(503);
    expect(down.body.detail[0]).toMatchObject({ code: 'service_under_maintenance', type: 'maintenance' });
    // Only the API the scenario applies to is affected.
    expect((await lcList(s)).status).toBe(200);
    await t.call({ method: 'DELETE', path: '/__control/scenarios/maintenance', session: s });
    const up = await t.call({
      path: `${m.base}/host-connections?statuses=connected&limit=1&offset=0`,
      headers: m.headers('guest'),
      session: s,
    });
    expect(up.status).toBe(200);
  });

  it('apply to one request with Prefer, and an unknown one is refused naming the header', async () => {
    const s = freshSession();
    expect((await lcList(s, 'scenario=sso-outage')).headers.get('x-connections-degraded')).toBe('true');
    expect((await lcList(s)).headers.get('x-connections-degraded')).toBeNull();
    const bad = await lcList(s, 'scenario=meteor-strike');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/Prefer/);
  });

  it('can target other APIs than their default, with parameters', async () => {
    const s = freshSession();
    await t.call({
      method: 'PUT',
      path: '/__control/scenarios/server-error',
      session: s,
      body: { apis: ['leadconduit'], params: { status: 503 } },
    });
    const res = await lcList(s);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: 'internal server error' });
    await t.call({
      method: 'PUT',
      path: '/__control/scenarios/server-error',
      session: s,
      body: { apis: ['leadconduit'], params: { rate: 0 } },
    });
    for (let i = 0; i < 5; i++) expect((await lcList(s)).status).toBe(200);
  });

  it('fails a seeded share of requests with server-error rate 0.5', async () => {
    const s = freshSession();
    await t.call({
      method: 'PUT',
      path: '/__control/scenarios/server-error',
      session: s,
      body: { params: { rate: 0.5 } },
    });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await lcList(s)).status);
    const failed = statuses.filter((x) => x === 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
  });

  it('delays answers with latency', async () => {
    const s = freshSession();
    await t.call({
      method: 'PUT',
      path: '/__control/scenarios/latency',
      session: s,
      body: { apis: ['leadconduit'], params: { ms: 150 } },
    });
    const started = performance.now();
    expect((await lcList(s)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const entry = t.sim.journal.list(1)[0];
    expect(entry.scenarios).toEqual(['latency']);
  });

  it('closes the connection without an answer with connection-reset', async () => {
    const s = freshSession();
    await expect(lcList(s, 'scenario=connection-reset')).rejects.toThrow();
    expect((await lcList(s)).status).toBe(200);
  });

  it('start on with the --scenario option', async () => {
    const started = await testSimulator({ scenarios: [{ name: 'sso-outage' }] });
    try {
      const f = lc(await started.fixtures());
      const res = await started.call({ path: '/leadconduit/connections', headers: f.user });
      expect(res.headers.get('x-connections-degraded')).toBe('true');
    } finally {
      await started.close();
    }
  });
});
