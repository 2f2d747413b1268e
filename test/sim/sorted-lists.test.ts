import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forkState } from '../../src/sim/cow/fork.js';
import { SortedIds } from '../../src/sim/index/sorted-ids.js';
import { createLeadConduit } from '../../src/sim/vendors/leadconduit/fixtures.js';
import { createWingfield } from '../../src/sim/vendors/wingfield/fixtures.js';

type Dated = { at: string; id: string };
const byKey = (a: Dated, b: Dated) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const naive = <T>(records: T[], key: (r: T) => Dated) =>
  records
    .map((r) => key(r))
    .sort(byKey)
    .map((k) => k.id);
// A few timestamps, so writes land before, between and after the base's and tie often.
const stamp = fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString());

describe('SortedIds', () => {
  it('holds, after any inserts and removals, what a full sort of the entries gives, every slice included', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ at: stamp, id: fc.nat(99).map((n) => `b${n}`) }), {
          selector: (e) => e.id,
          maxLength: 20,
        }),
        fc.array(fc.tuple(fc.boolean(), stamp, fc.nat(30)), { maxLength: 25 }),
        fc.nat(25),
        fc.nat(10),
        (base, writes, offset, limit) => {
          const entries = [...base].sort(byKey);
          let order = SortedIds.ofSorted(
            entries,
            (e) => e.at,
            (e) => e.id,
          );
          const start = order;
          const live = new Map(entries.map((e) => [e.id, e]));
          for (const [add, at, n] of writes) {
            const id = `w${n}`;
            const old = live.get(id) ?? (add ? undefined : entries[n % Math.max(1, entries.length)]);
            if (old && live.has(old.id)) {
              order = order.without(old.at, old.id);
              live.delete(old.id);
            }
            if (add) {
              order = order.with(at, id);
              live.set(id, { at, id });
            }
          }
          const want = naive([...live.values()], (e) => e);
          expect(order.slice(0)).toEqual(want);
          expect(order.size).toBe(want.length);
          expect(order.slice(offset, limit)).toEqual(want.slice(offset, offset + limit));
          // An order is a value: the writes made new ones.
          expect(start.slice(0)).toEqual(entries.map((e) => e.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a forked session's lists after random writes", () => {
  it('LeadConduit: both stores of each account equal a naive sort, and the base is unchanged', () => {
    const base = createLeadConduit({ seed: 7, size: 30 });
    const [primary, other] = Object.keys(base.data.accounts);
    const before = JSON.stringify([base.list(primary, false), base.list(other, true)]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('repair', 'change', 'remove', 'add'), fc.nat(200), stamp), {
          maxLength: 20,
        }),
        (writes) => {
          const state = forkState(base).state;
          for (const [kind, n, at] of writes) {
            const rows = [...state.data.rows.values()];
            const ncs = [...state.data.networkConnections.values()];
            const row = rows[n % rows.length];
            const nc = ncs[n % ncs.length];
            if (kind === 'repair') state.repair(nc.account_id, nc.id, at);
            else if (kind === 'change' && row)
              state.changeRow(row, { ...row, created_at: at, account_id: n % 3 ? row.account_id : other });
            else if (kind === 'remove' && row) state.removeRow(row);
            else if (kind === 'add') {
              const { id: _id, account_id: _account, ...fields } = nc;
              state.addSsoOnly(n % 2 ? primary : other, { ...fields, created_at: at, updated_at: at });
            }
          }
          for (const account of [primary, other]) {
            const rows = [...state.data.rows.values()].filter((r) => r.account_id === account);
            const ncs = [...state.data.networkConnections.values()].filter((c) => c.account_id === account);
            const key = (r: { created_at: string; id: string }) => ({ at: r.created_at, id: r.id });
            expect(state.rows(account).map((r) => r.id)).toEqual(naive(rows, key));
            expect(state.list(account, true).map((r) => r.id)).toEqual(naive(rows, key));
            expect(state.ssoConnections(account).map((c) => c.id)).toEqual(naive(ncs, key));
          }
          expect(JSON.stringify([base.list(primary, false), base.list(other, true)])).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('Wingfield: each service page equals a slice of a naive sort, and the base is unchanged', () => {
    const base = createWingfield({ seed: 7, size: 24 });
    const [partner, second] = Object.keys(base.data.services);
    const before = JSON.stringify(base.relationsOf(partner));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('create', 'change', 'delete'), fc.nat(200), stamp), { maxLength: 20 }),
        fc.nat(15),
        fc.integer({ min: 1, max: 8 }),
        (writes, offset, limit) => {
          const state = forkState(base).state;
          const orgs = [...state.data.organizations.keys()];
          for (const [kind, n, at] of writes) {
            const relations = [...state.data.relations.values()];
            const r = relations[n % relations.length];
            if (kind === 'create') state.createRelation(n % 2 ? partner : second, orgs[n % orgs.length], `x-${n}`, at);
            else if (kind === 'change' && r)
              state.changeRelation(r, { ...r, createdAt: at, externalServiceId: n % 3 ? r.externalServiceId : second });
            else if (kind === 'delete' && r) state.deleteRelation(r);
          }
          for (const service of [partner, second]) {
            const mine = [...state.data.relations.values()].filter((r) => r.externalServiceId === service);
            const want = naive(mine, (r) => ({ at: r.createdAt, id: r.id }));
            const page = state.relationsOf(service, offset, limit);
            expect(page.relations.map((r) => r.id)).toEqual(want.slice(offset, offset + limit));
            expect(page.total).toBe(want.length);
          }
          expect(JSON.stringify(base.relationsOf(partner))).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('SortedIds past its overlay limit', () => {
  it('merges the overlay into a new base and keeps the same order', () => {
    let order = SortedIds.empty;
    const want: Dated[] = [];
    for (let i = 0; i < 4200; i++) {
      const e = { at: new Date(Date.UTC(2020, 0, 1, 0, 0, (i * 7919) % 5000)).toISOString(), id: `e${i}` };
      order = order.with(e.at, e.id);
      want.push(e);
    }
    const gone = want.splice(100, 50);
    for (const e of gone) order = order.without(e.at, e.id);
    expect(order.slice(0)).toEqual(naive(want, (e) => e));
    expect(order.slice(4000, 10)).toEqual(naive(want, (e) => e).slice(4000, 4010));
  });
});
