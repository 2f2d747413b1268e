import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forkState } from '../../src/sim/cow/fork.js';
import { createMyCreditApp } from '../../src/sim/vendors/mycreditapp/fixtures.js';
import type { ListQuery } from '../../src/sim/vendors/mycreditapp/query.js';
import type { MyCreditAppState, Side } from '../../src/sim/vendors/mycreditapp/state.js';
import { plainOf, referenceList, type PlainMca } from './mca-reference.js';

// Lists of 150 rows cross the count blocks (64 rows); two sessions fork one base as the World forks it.
const size = 150;
const hostFields = ['host_name', 'host_email', 'owner_email', 'created_at', 'updated_at', 'archived_at'];
const guestFields = ['guest_name', 'guest_email', 'owner_email', 'total_score', 'updated_at', 'archived_at'];
const stamp = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString());

const query = fc.record({
  side: fc.constantFrom<Side>('hosts', 'guests'),
  field: fc.integer({ min: 0, max: 5 }),
  order_dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
  statuses: fc.constantFrom(['connected'], ['disconnected'], ['connected', 'disconnected']),
  archived: fc.constantFrom(undefined, null, true, false),
  actions: fc.constantFrom(undefined, ['analytics_request'], ['documents_update_request', 'analytics_request']),
  search: fc.constantFrom(undefined, undefined, 'a', 'credit', 'ORTH', '-1', 'zz'),
  only: fc.option(fc.nat(), { nil: undefined }),
  offset: fc.constantFrom(0, 0, 1, 37, 64, 120, 149, 200),
  limit: fc.integer({ min: 1, max: 70 }),
});

const write = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), at: fc.nat(), when: stamp }),
  fc.record({ kind: fc.constant('archive' as const), at: fc.nat(), when: stamp }),
  fc.record({
    kind: fc.constant('connect' as const),
    side: fc.constantFrom<Side>('hosts', 'guests'),
    name: fc.constantFrom('AAA first', 'mmm middle', 'zzz last', 'Credit Co'),
    when: stamp,
  }),
);
const step = fc.record({ session: fc.constantFrom(0, 1), write, reads: fc.array(query, { maxLength: 3 }) });

interface View {
  state: MyCreditAppState;
  model: PlainMca;
}

function apply(
  v: View,
  w:
    | { kind: 'status' | 'archive'; at: number; when: string }
    | { kind: 'connect'; side: Side; name: string; when: string },
) {
  const { state, model } = v;
  if (w.kind === 'connect') {
    const org = state.addOrg({
      name: w.name,
      email: `${w.name[0]}@x.test`,
      owner_email: 'o@x.test',
      parent_organization_id: null,
    });
    model.orgs[org.id] = { ...org };
    const guest = state.data.clients.find((c) => c.label === 'guest')!.organization_id;
    const host = state.data.clients.find((c) => c.label === 'host')!.organization_id;
    const c = w.side === 'hosts' ? state.connect(org.id, guest, w.when) : state.connect(host, org.id, w.when);
    model.connections.push({ ...c });
    return;
  }
  const m = model.connections[w.at % model.connections.length];
  const c = state.pair(m.host_organization_id, m.guest_organization_id)!;
  const fields =
    w.kind === 'status'
      ? { status: c.status === 'connected' ? ('disconnected' as const) : ('connected' as const), updated_at: w.when }
      : { archived: !c.archived, archived_at: c.archived ? null : w.when, updated_at: w.when };
  state.update(c, fields);
  Object.assign(m, fields);
}

describe('MyCreditApp lists over one base and two sessions', () => {
  it('answer as plain objects sorted the slow way, in the base and in each session, whatever the other wrote', () => {
    const base = createMyCreditApp({ seed: 3, size });
    const initial = JSON.stringify(base.toJSON());
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const views: View[] = [0, 1].map(() => ({ state: forkState(base).state, model: plainOf(base.toJSON()) }));
        const all: View[] = [...views, { state: base, model: plainOf(base.toJSON()) }];
        const guest = base.data.clients.find((c) => c.label === 'guest')!.organization_id;
        const host = base.data.clients.find((c) => c.label === 'host')!.organization_id;
        for (const s of steps) {
          apply(views[s.session], s.write);
          for (const r of s.reads)
            for (const v of all) {
              const fields = r.side === 'hosts' ? hostFields : guestFields;
              const q: ListQuery = {
                statuses: [...r.statuses],
                search_field: fields[0],
                search_text: r.search,
                order_by: fields[r.field],
                order_dir: r.order_dir,
                archived: r.archived,
                active_action_types: r.actions && [...r.actions],
                limit: r.limit,
                offset: r.offset,
              };
              const org = r.side === 'hosts' ? guest : host;
              const rows = v.model.connections;
              const pick = r.only === undefined ? undefined : rows[r.only % rows.length];
              const only = pick && (r.side === 'hosts' ? pick.host_organization_id : pick.guest_organization_id);
              expect(v.state.list(r.side, org, q, only)).toEqual(referenceList(v.model, r.side, org, q, only));
            }
        }
        for (const v of views) expect(plainOf(v.state.toJSON())).toEqual(v.model);
        // The base is never written by a session.
        expect(JSON.stringify(base.toJSON())).toBe(initial);
      }),
      { numRuns: 40 },
    );
  });
});
