// Paged reading of vendor state (GET /__control/state/{api}/{collection}): the fast paths
// give exactly what walking the whole collection gives, at any offset.
import { describe, expect, it } from 'vitest';
import { browsePage, fromArray, fromGroups, fromRecord, type Collection } from '../../src/sim/browse.js';
import { testSimulator } from '../helpers/sim.js';

const walk = (c: Collection, offset: number, limit: number) =>
  [...c.entries()].slice(offset, offset + limit).map(([id, record]) => ({ id, record }));

describe('browsing a collection', () => {
  const records = Object.fromEntries(Array.from({ length: 103 }, (_, i) => [`r${i}`, { n: i }]));
  const array = Array.from({ length: 103 }, (_, i) => ({ key: `a${i}`, n: i }));
  const groups = { g1: array.slice(0, 7), g2: [], g3: array.slice(7, 60), g4: array.slice(60) };
  const collections: [string, Collection][] = [
    ['record', fromRecord(records)],
    ['array', fromArray(array, (r) => r.key)],
    ['groups', fromGroups(groups, 'group', (g, r) => `${g}/${r.key}`)],
  ];

  for (const [kind, c] of collections) {
    it(`pages a ${kind} as walking it would, at every offset`, () => {
      for (const offset of [0, 1, 6, 7, 8, 50, 59, 60, 100, 102, 103, 200]) {
        const page = browsePage(c, offset, 10);
        expect(page.total).toBe(103);
        expect(page.items, `offset ${offset}`).toEqual(walk(c, offset, 10));
      }
    });
  }

  it('keeps the group key on grouped records, and filters by id with q', () => {
    const c = fromGroups(groups, 'group', (g, r) => `${g}/${r.key}`);
    expect(browsePage(c, 0, 1).items[0]).toEqual({ id: 'g1/a0', record: { group: 'g1', key: 'a0', n: 0 } });
    const found = browsePage(c, 0, 5, 'a1');
    expect(found.total).toBe(14); // a1, a10…a19, a100…a102
    expect(found.items.map((i) => i.id)).toEqual(['g1/a1', 'g3/a10', 'g3/a11', 'g3/a12', 'g3/a13']);
    const byId = browsePage(fromRecord(records, 1), 1, 2, 'r10');
    expect(byId).toEqual({
      total: 4,
      items: [
        { id: 'r100', record: { n: 100 } },
        { id: 'r101', record: { n: 101 } },
      ],
    });
  });
});

describe('GET /__control/state/{api}/{collection}', () => {
  it('lists the collections with their sizes, pages them, and answers 404 for an unknown one', async () => {
    const t = await testSimulator({ apis: ['wingfield'], sizes: { wingfield: 130 } });
    try {
      const list = await t.call({ path: '/__control/state/wingfield' });
      expect(list.status).toBe(200);
      const orgs = list.body.collections.find((c: { name: string }) => c.name === 'organizations');
      expect(orgs.total).toBeGreaterThanOrEqual(130);
      const page = await t.call({ path: `/__control/state/wingfield/organizations?offset=${orgs.total - 3}&limit=50` });
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(3);
      expect(page.body.total).toBe(orgs.total);
      expect((await t.call({ path: '/__control/state/wingfield/nothing' })).status).toBe(404);
      expect((await t.call({ path: '/__control/state/auth0' })).status).toBe(404);
      expect((await t.call({ path: '/__control/state/wingfield/organizations?limit=501' })).status).toBe(400);
    } finally {
      await t.close();
    }
  });

  it('shows a write at once: the ids it keeps between reads are dropped when the state changes', async () => {
    const t = await testSimulator({ apis: ['leadconduit'] });
    try {
      const total = async () =>
        (await t.call({ path: '/__control/state/leadconduit/sso-connections?limit=1' })).body.total as number;
      const before = await total();
      expect(await total()).toBe(before);
      expect(
        (await t.call({ method: 'POST', path: '/__control/leadconduit/sso-only-connections', body: {} })).status,
      ).toBe(201);
      expect(await total()).toBe(before + 1);
    } finally {
      await t.close();
    }
  });

  it('lists the sessions, the default one first', async () => {
    const t = await testSimulator();
    try {
      await t.call({ method: 'PUT', path: '/__control/scenarios/sso-outage', body: {}, session: 'shard-9' });
      const { body } = await t.call({ path: '/__control/sessions' });
      expect(body.sessions[0]).toMatchObject({ name: 'default', scenarios: [] });
      expect(body.sessions).toContainEqual({ name: 'shard-9', seed: 42, scenarios: ['sso-outage'] });
    } finally {
      await t.close();
    }
  });
});
