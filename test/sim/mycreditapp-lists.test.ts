import { describe, expect, it } from 'vitest';
import { createMyCreditApp } from '../../src/sim/vendors/mycreditapp/fixtures.js';
import type { ListQuery } from '../../src/sim/vendors/mycreditapp/query.js';
import type { Connection, MyCreditAppState, Side } from '../../src/sim/vendors/mycreditapp/state.js';
import { sortFields } from '../../src/sim/vendors/mycreditapp/orders.js';

// Past the first thousand records the fixtures come from the seeded stream, and the lists
// cross many count blocks: the indexed lists must still answer what the rules say.
const size = 1500;

/** The documented rules, applied the slow way: filter everything, sort everything, slice. */
function reference(state: MyCreditAppState, side: Side, orgId: string, q: ListQuery) {
  const rows = state.connectionsOf(side, orgId);
  const other = (c: Connection) => state.org(side === 'hosts' ? c.host_organization_id : c.guest_organization_id)!;
  const text = (c: Connection, field: string): string | null => {
    const o = other(c);
    if (field.endsWith('_name')) return o.name.toLowerCase();
    if (field.endsWith('_email') && field !== 'owner_email') return o.email.toLowerCase();
    if (field === 'owner_email') return o.owner_email.toLowerCase();
    return null;
  };
  const key = (c: Connection) =>
    text(c, q.order_by) ?? (c as unknown as Record<string, string | number | null>)[q.order_by];
  const sign = q.order_dir === 'asc' ? 1 : -1;
  const matched = rows.filter(
    (c) =>
      q.statuses.includes(c.status) &&
      (q.archived === undefined || q.archived === null || c.archived === q.archived) &&
      (!q.active_action_types ||
        (c.active_action_type !== null && q.active_action_types.includes(c.active_action_type))) &&
      (!q.search_text || text(c, q.search_field)!.includes(q.search_text.toLowerCase())),
  );
  matched.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    // Rows without a value keep the ascending tie order in both directions (as served today).
    return (other(a).id < other(b).id ? -1 : 1) * (x === null ? 1 : sign);
  });
  return { items: matched.slice(q.offset, q.offset + q.limit), total_items: matched.length };
}

const hostFields = sortFields.hosts;
const guestFields = sortFields.guests;

describe('MyCreditApp lists at size', () => {
  it('page, count, sort and search as the rules say, before and after changes', () => {
    const state = createMyCreditApp({ seed: 11, size });
    const guest = state.data.clients.find((c) => c.label === 'guest')!.organization_id;
    const host = state.data.clients.find((c) => c.label === 'host')!.organization_id;
    let n = 0;
    const check = (side: Side, q: Partial<ListQuery>) => {
      const full: ListQuery = {
        statuses: ['connected'],
        search_field: side === 'hosts' ? 'host_name' : 'guest_name',
        order_by: side === 'hosts' ? 'host_name' : 'guest_name',
        order_dir: 'asc',
        limit: 50,
        offset: 0,
        ...q,
      };
      const org = side === 'hosts' ? guest : host;
      const got = state.list(side, org, full);
      const want = reference(state, side, org, full);
      expect({ total: got.total_items, items: got.items }, JSON.stringify(full)).toEqual({
        total: want.total_items,
        items: want.items,
      });
      n++;
    };
    for (const [side, fields] of [
      ['hosts', hostFields],
      ['guests', guestFields],
    ] as const) {
      const sample = state.org(
        side === 'hosts'
          ? state.connectionsOf('hosts', guest)[1234].host_organization_id
          : state.connectionsOf('guests', host)[1234].guest_organization_id,
      )!;
      for (const order_by of fields)
        for (const order_dir of ['asc', 'desc'] as const)
          for (const offset of [0, 63, 64, 1000, 1199, 1450])
            check(side, { order_by, order_dir, offset, limit: 37, statuses: ['connected', 'disconnected'] });
      for (const archived of [true, false, null])
        for (const active_action_types of [
          null,
          ['analytics_request'],
          ['documents_update_request', 'analytics_request'],
        ])
          for (const order_dir of ['asc', 'desc'] as const)
            check(side, { archived, active_action_types, order_dir, order_by: fields[5], offset: 300, limit: 100 });
      for (const search_field of fields.slice(0, 3))
        for (const needle of [
          sample.name.slice(2, 6).toUpperCase(),
          sample.email.slice(0, 9),
          sample.owner_email.slice(-12),
          '.example',
          'no such text',
        ])
          check(side, {
            search_field,
            search_text: needle,
            order_by: fields[4],
            order_dir: 'desc',
            offset: 3,
            limit: 20,
          });
    }
    // Changes move the connections between filters and orders.
    for (const c of state.connectionsOf('hosts', guest).slice(100, 400))
      state.update(c, { status: 'disconnected', updated_at: '2030-01-01T00:00:00.000Z' });
    for (const c of state.connectionsOf('guests', host).slice(500, 700))
      state.update(c, {
        archived: true,
        archived_at: '2001-01-01T00:00:00.000Z',
        updated_at: '2001-01-01T00:00:00.000Z',
      });
    const added = state.addOrg({
      name: 'AAA First',
      email: 'a@a.test',
      owner_email: 'a@a.test',
      parent_organization_id: null,
    });
    state.connect(added.id, guest, '2020-02-02T00:00:00.000Z');
    for (const order_by of ['host_name', 'updated_at', 'archived_at'])
      for (const offset of [0, 100, 1300])
        check('hosts', { order_by, offset, order_dir: 'desc', statuses: ['connected', 'disconnected'] });
    for (const offset of [0, 499, 1200]) check('guests', { order_by: 'archived_at', offset, archived: true });
    expect(n).toBe(258);
  });

  it('builds the same large dataset from the same seed, with well-formed ids and timestamps', () => {
    const a = createMyCreditApp({ seed: 5, size: 2500 });
    const b = createMyCreditApp({ seed: 5, size: 2500 });
    expect(JSON.stringify(a.toJSON().connections)).toBe(JSON.stringify(b.toJSON().connections));
    expect(JSON.stringify(a.toJSON().orgs)).toBe(JSON.stringify(b.toJSON().orgs));
    const late = a.toJSON().connections.slice(-500);
    for (const c of late) {
      expect(c.guest_organization_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Date(c.created_at).toISOString()).toBe(c.created_at);
      expect(c.created_at >= '2019-01-01' && c.created_at <= '2025-05-31T00:00:00.000Z').toBe(true);
    }
    expect(new Set(late.map((c) => c.active_action_type))).toEqual(
      new Set([null, 'documents_update_request', 'analytics_request']),
    );
    expect(createMyCreditApp({ seed: 6, size: 2500 }).toJSON().connections.at(-1)).not.toEqual(late.at(-1));
  });
});
