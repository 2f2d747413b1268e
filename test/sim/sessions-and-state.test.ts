import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';
import { a0, lc } from '../helpers/fixtures.js';
import { freshSession, testSimulator, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let fx: any;
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

const state = async (session?: string) => (await t.call({ path: '/__control/state', session })).body;

describe('sessions', () => {
  it('give each X-Connkit-Session its own state and scenarios', async () => {
    const f = lc(fx);
    const [a, b] = [freshSession('a'), freshSession('b')];
    const id = f.ssoOnly[0];
    expect(
      (
        await t.call({
          method: 'POST',
          path: '/leadconduit/connections/repair',
          headers: f.superuser,
          session: a,
          body: { connection_id: id },
        })
      ).status,
    ).toBe(201);
    const statusIn = async (s?: string) =>
      (await t.call({ path: '/leadconduit/connections', headers: f.user, session: s })).body.find(
        (c: any) => c.id === id,
      ).status;
    expect(await statusIn(a)).toBe('completed');
    expect(await statusIn(b)).toBe('sso_only');
    expect(await statusIn()).toBe('sso_only');
    await t.call({ method: 'PUT', path: '/__control/scenarios/sso-outage', session: a });
    const degraded = async (s?: string) =>
      (await t.call({ path: '/leadconduit/connections', headers: f.user, session: s })).headers.get(
        'x-connections-degraded',
      );
    expect(await degraded(a)).toBe('true');
    expect(await degraded(b)).toBeNull();
    expect(await degraded()).toBeNull();
  });

  it('are bounded: past --max-sessions the least recently used one is dropped', async () => {
    const small = await testSimulator({ maxSessions: 2 });
    try {
      const f = lc(await small.fixtures());
      const repair = (s: string) =>
        small.call({
          method: 'POST',
          path: '/leadconduit/connections/repair',
          headers: f.superuser,
          session: s,
          body: { connection_id: f.ssoOnly[0] },
        });
      expect((await repair('one')).status).toBe(201);
      expect((await repair('two')).status).toBe(201);
      expect((await repair('one')).status).toBe(409); // "one" is now the most recently used
      expect((await repair('three')).status).toBe(201); // evicts "two"
      expect((await repair('two')).status).toBe(201); // a fresh "two"
      expect(small.sim.sessionNames()).toHaveLength(3); // default + two named
    } finally {
      await small.close();
    }
  });

  it('refuses a malformed session name in the vendor envelope', async () => {
    const res = await t.call({
      path: '/leadconduit/connections',
      headers: { ...lc(fx).user, 'X-Connkit-Session': 'bad name!' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/X-Connkit-Session/);
  });
});

describe('state', () => {
  it('is the same for the same seed and differs for another', () => {
    const exportOf = (seed: number) => createSimulator({ seed }).session().export();
    expect(JSON.stringify(exportOf(42))).toBe(JSON.stringify(exportOf(42)));
    expect(JSON.stringify(exportOf(43))).not.toBe(JSON.stringify(exportOf(42)));
  });

  it('round-trips through export and import exactly, scenarios included', async () => {
    const s = freshSession('snap');
    const f = a0(fx);
    await t.call({
      method: 'POST',
      path: `/auth0/api/v2/organizations/${f.empty.id}/connections`,
      headers: f.full,
      session: s,
      body: { connection_id: f.unlinked[1] },
    });
    await t.call({ method: 'PUT', path: '/__control/scenarios/latency', session: s, body: { params: { ms: 1 } } });
    const snapshot = await state(s);
    await t.call({
      method: 'DELETE',
      path: `/auth0/api/v2/organizations/${f.empty.id}/connections/${f.unlinked[1]}`,
      headers: f.full,
      session: s,
    });
    expect(await state(s)).not.toEqual(snapshot);
    const imported = await t.call({ method: 'PUT', path: '/__control/state', session: s, body: snapshot });
    expect(imported.status).toBe(200);
    expect(await state(s)).toEqual(snapshot);
    const elsewhere = freshSession('copy');
    await t.call({ method: 'PUT', path: '/__control/state', session: elsewhere, body: snapshot });
    expect(await state(elsewhere)).toEqual(snapshot);
    const link = await t.call({
      path: `/auth0/api/v2/organizations/${f.empty.id}/connections/${f.unlinked[1]}`,
      headers: f.full,
      session: elsewhere,
    });
    expect(link.status).toBe(200);
  });

  it('refuses a snapshot it cannot read and keeps the session as it was', async () => {
    const s = freshSession();
    const before = await state(s);
    // A collection of the wrong kind breaks the schema (400 naming it); one that passes it but cannot be read is a 422.
    const res = await t.call({
      method: 'PUT',
      path: '/__control/state',
      session: s,
      body: { connkit: 1, seed: 1, apis: { leadconduit: { networkConnections: 5 } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('body.apis.leadconduit');
    const entry = await t.call({
      method: 'PUT',
      path: '/__control/state',
      session: s,
      body: { connkit: 1, seed: 1, apis: { auth0: { seed: 1, counter: 0, tenants: 5, links: {}, tokens: [] } } },
    });
    expect(entry.status).toBe(400);
    expect(entry.body.error.message).toContain('body.apis.auth0');
    // A collection of the right kind holding a record that is not one: the record schema's refusal.
    const record = await t.call({
      method: 'PUT',
      path: '/__control/state',
      session: s,
      body: { connkit: 1, seed: 1, apis: { auth0: { seed: 1, counter: 0, tenants: { t: 5 }, links: {}, tokens: [] } } },
    });
    expect(record.status).toBe(422);
    expect(record.body.error.message).toContain('apis.auth0.tenants.t');
    // A stored record is checked against the record schema its API's spec gives it (x-connkit-records).
    const unreadable = await t.call({
      method: 'PUT',
      path: '/__control/state',
      session: s,
      body: {
        connkit: 1,
        seed: 1,
        apis: {
          auth0: { seed: 1, counter: 0, tenants: {}, links: { org_x: [{ connection_id: 'con_1' }] }, tokens: [] },
        },
      },
    });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.error.message).toContain('apis.auth0.links.org_x.0.');
    expect(await state(s)).toEqual(before);
  });

  it('resets a session to its seed, or to a new one', async () => {
    const s = freshSession();
    const f = lc(fx);
    await t.call({
      method: 'POST',
      path: '/leadconduit/connections/repair',
      headers: f.superuser,
      session: s,
      body: { connection_id: f.ssoOnly[0] },
    });
    const pristine = await state(freshSession());
    expect(await state(s)).not.toEqual(pristine);
    await t.call({ method: 'POST', path: '/__control/reset', session: s });
    expect(await state(s)).toEqual(pristine);
    const reseeded = await t.call({ method: 'POST', path: '/__control/reset', session: s, body: { seed: 99 } });
    expect(reseeded.body).toEqual({ session: s, seed: 99 });
    expect((await state(s)).seed).toBe(99);
  });
});
