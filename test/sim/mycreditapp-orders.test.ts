import { describe, expect, it } from 'vitest';
import { createMyCreditApp } from '../../src/sim/vendors/mycreditapp/fixtures.js';
import { BaseOrders, sortFields } from '../../src/sim/vendors/mycreditapp/orders.js';

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
});
