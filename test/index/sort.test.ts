import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByText } from '../../src/sim/index/radix.js';
import { sortByTimestamp } from '../../src/sim/index/sort.js';

interface Rec {
  created_at: string;
  id: string;
}
const byString = (a: Rec, b: Rec) =>
  a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const byId = (a: Rec, b: Rec) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Few distinct instants and ids, so equal timestamps (the tie path) come up often.
const instant = fc.integer({ min: 0, max: 40 }).map((s) => new Date(Date.UTC(2024, 0, 1) + s * 1000).toISOString());
const record = fc.record({
  created_at: instant,
  id: fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 3 }),
});

describe('sorting by timestamp keys', () => {
  it('orders records exactly as comparing the timestamp strings, then the ids', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 200 }), (records) => {
        expect(sortByTimestamp(records, (r) => r.created_at, byId)).toEqual([...records].sort(byString));
      }),
    );
  });

  it('falls back to comparing strings when a timestamp is not in toISOString form', () => {
    const odd = [
      { created_at: '2024-01-01T00:00:00Z', id: 'b' },
      { created_at: '2024-01-01T00:00:00.000Z', id: 'a' },
      { created_at: '2023-12-31T23:59:59.999Z', id: 'c' },
    ];
    expect(sortByTimestamp(odd, (r) => r.created_at, byId).map((r) => r.id)).toEqual(
      [...odd].sort(byString).map((r) => r.id),
    );
  });

  it('sorts rows by text as `<` does, stably, through radix passes over long shared prefixes', () => {
    // Few letters and a shared stem: long equal prefixes, equal values and prefixes of each other.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '-', 'é'), maxLength: 20 }).map((s) => `credit@${s}`);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 120 }), (keys) => {
        const rows = Uint32Array.from(keys.map((_, i) => i).reverse());
        const expected = Array.from(rows).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
        const sorted = sortByText(rows, keys, 7);
        expect(sorted && Array.from(sorted)).toEqual(expected);
      }),
    );
  });

  it('leaves text it cannot key exactly to the caller', () => {
    expect(sortByText(Uint32Array.from([0, 1]), ['b', 'a\u0100'])).toBeUndefined();
    expect(sortByText(Uint32Array.from([0, 1]), ['b', 'a\u0000'])).toBeUndefined();
  });
});
