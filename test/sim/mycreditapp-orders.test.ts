import { describe, expect, it } from 'vitest';
import { createMyCreditApp } from '../../src/sim/vendors/mycreditapp/fixtures.js';
import { BaseOrders, rowAt, sortFields } from '../../src/sim/vendors/mycreditapp/orders.js';
import { orgField } from '../../src/sim/vendors/mycreditapp/keys.js';
import type { TimeField } from '../../src/sim/vendors/mycreditapp/tables.js';

describe('MyCreditApp base orders', () => {
  it('builds a long list’s orders with the world, the same as a first request builds them', () => {
    // 5 000 rows a side: past the float radix sort's threshold, so every sort path runs.
    const t = createMyCreditApp({ seed: 9, size: 5000 }).tables;
    const eager = new BaseOrders(t, 1000);
    const lazy = new BaseOrders(t, Number.POSITIVE_INFINITY);
    for (const [side, org] of [
      ['hosts', 0],
      ['guests', 1],
    ] as const)
      for (const field of sortFields[side]) {
        const a = eager.get(side, org, field);
        const b = lazy.get(side, org, field);
        expect(a.n).toBe(5000);
        expect(Array.from(a.local)).toEqual(Array.from(b.local));
        expect(a.firstNull).toBe(b.firstNull);
        expect(Array.from(a.counts.cum)).toEqual(Array.from(b.counts.cum));
        // Orders of the same list asked for again are the ones kept, not rebuilt.
        expect(eager.get(side, org, field)).toBe(a);
      }
  });

  it('orders every field as a comparison sort does, an order taken from another column’s included', () => {
    const t = createMyCreditApp({ seed: 4, size: 6000 }).tables;
    // The seed stamps updated_at and archived_at from created_at: their orders are taken from its.
    const orders = new BaseOrders(t, 1000);
    for (const side of ['hosts', 'guests'] as const) {
      const rows = Array.from(t.rowsOf(side, side === 'hosts' ? 0 : 1));
      const other = t.otherOf(side);
      for (const field of sortFields[side]) {
        const text = orgField[field];
        const column = field === 'total_score' ? t.score : t.time[field as TimeField];
        const id = (r: number) => t.orgIds[other[r]];
        const want = [...rows].sort((a, b) => {
          if (text) {
            const x = t.orgText[text][other[a]].toLowerCase();
            const y = t.orgText[text][other[b]].toLowerCase();
            if (x !== y) return x < y ? -1 : 1;
          } else {
            const x = column[a];
            const y = column[b];
            if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
            if (x !== y && !Number.isNaN(x)) return x - y;
          }
          return id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
        });
        const o = orders.get(side, side === 'hosts' ? 0 : 1, field);
        expect(
          Array.from({ length: o.n }, (_, p) => rowAt(o, p)),
          field,
        ).toEqual(want);
        const firstNull = text ? -1 : want.findIndex((r) => Number.isNaN(column[r]));
        expect(o.firstNull, field).toBe(firstNull < 0 ? o.n : firstNull);
      }
    }
  });
});
