import { describe, expect, it } from 'vitest';
import { a0, lc, mca, wf } from '../helpers/fixtures.js';
import { freshSession, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let fx: any;
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

const exportOf = async (session?: string) => (await t.call({ path: '/__control/state', session })).text;

/** One in-place write per vendor, each through its own API (the handlers mutate records in place). */
async function writeEverywhere(s: string) {
  const w = wf(fx);
  const claim = await t.call({
    method: 'POST',
    path: `${w.base}/external-services/${w.service}/organization-relations/claim`,
    headers: w.write,
    session: s,
    body: { connectToken: w.connect.open[0], externalOrganizationId: 'cow-1' },
  });
  expect(claim.status).toBe(200);
  const m = mca(fx);
  const patch = await t.call({
    method: 'PATCH',
    path: `${m.base}/host-connections/${m.orgs.host.id}`,
    headers: m.headers('guest'),
    session: s,
    body: { status: 'disconnected' },
  });
  expect(patch.status).toBe(200);
  const a = a0(fx);
  const del = await t.call({
    method: 'DELETE',
    path: `${a.base}/organizations/${a.main.id}/enabled_connections/${a.main.connection_ids[0]}`,
    headers: a.full,
    session: s,
  });
  expect(del.status).toBe(204);
  const l = lc(fx);
  const repair = await t.call({
    method: 'POST',
    path: `${l.base}/connections/repair`,
    headers: l.superuser,
    session: s,
    body: { connection_id: l.ssoOnly[0] },
  });
  expect(repair.status).toBe(201);
}

describe('copy-on-write sessions', () => {
  it('keep every write to the session that made it: other sessions, new ones and the default see the seeded state', async () => {
    const seeded = await exportOf();
    const other = freshSession('other');
    expect(await exportOf(other)).toBe(seeded);
    const s = freshSession('writer');
    await writeEverywhere(s);
    const written = await exportOf(s);
    expect(written).not.toBe(seeded);
    expect(await exportOf(other)).toBe(seeded);
    expect(await exportOf()).toBe(seeded);
    expect(await exportOf(freshSession('late'))).toBe(seeded);
    // The writer's state is what a private copy would hold: a claimed token cannot be claimed again.
    const w = wf(fx);
    const again = await t.call({
      method: 'POST',
      path: `${w.base}/external-services/${w.service}/organization-relations/claim`,
      headers: w.write,
      session: s,
      body: { connectToken: w.connect.open[0], externalOrganizationId: 'cow-1' },
    });
    expect(again.status).toBe(409);
    expect(JSON.parse(written).apis.wingfield.connectTokens[w.connect.open[0]].state).toBe('claimed');
    expect(JSON.parse(seeded).apis.wingfield.connectTokens[w.connect.open[0]].state).toBe('open');
  });

  it('replay to the same state from the same seed, byte for byte but for the clock', async () => {
    const a = freshSession('a');
    const b = freshSession('b');
    await writeEverywhere(a);
    await writeEverywhere(b);
    // The writes stamp the time they were made (updated_at…): that alone may differ.
    const unclocked = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'T');
    expect(unclocked(await exportOf(a))).toBe(unclocked(await exportOf(b)));
  });

  it('at another seed build their own base, and the world seed stays untouched', async () => {
    const seeded = await exportOf();
    const s = freshSession('seed7');
    expect((await t.call({ method: 'POST', path: '/__control/reset', session: s, body: { seed: 7 } })).status).toBe(
      200,
    );
    const at7 = await exportOf(s);
    expect(JSON.parse(at7).seed).toBe(7);
    expect(at7).not.toBe(seeded);
    expect(await exportOf(freshSession())).toBe(seeded);
  });

  it('cost what they copied: a new session that reads costs a few KiB, a write a few hundred bytes more', async () => {
    const world = t.sim;
    const s = freshSession('cost');
    await t.call({ path: '/__control/fixtures', session: s });
    const reader = world.session(s).bytes();
    expect(reader).toBeLessThan(16 * 1024);
    await writeEverywhere(s);
    const writer = world.session(s).bytes();
    expect(writer).toBeGreaterThan(reader);
    expect(writer).toBeLessThan(64 * 1024);
  });
});
