import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSortIntegers, radixSortU32 } from '../../src/sim/index/radix.js';
import { SearchText } from '../../src/sim/index/search-text.js';
import { denseRanks, sortStrings } from '../../src/sim/index/text-sort.js';

const byValue = (keys: string[]) =>
  keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
// Few letters and shared prefixes, so equal values and long common runs come up often.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'credit@', '-1', '.example', 'Z'), maxLength: 12 });

describe('index building blocks', () => {
  it('sortStrings orders as < does, equal values in index order; past U+00FF too', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 300 }), (keys) => {
        expect(Array.from(sortStrings(keys))).toEqual(byValue(keys));
      }),
    );
    const odd = ['ë', 'é', 'e', '日本', 'e\u0000', 'E', ''];
    expect(Array.from(sortStrings(odd))).toEqual(byValue(odd));
  });

  it('denseRanks gives equal values one rank and keeps their order', () => {
    expect(Array.from(denseRanks(['b', 'a', 'b', 'c']))).toEqual([1, 0, 1, 2]);
  });

  it('the integer and rank radix sorts are stable sorts by key', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 300 }), (ks) => {
        const rows = Uint32Array.from(ks.keys());
        const want = [...rows].sort((a, b) => ks[a] - ks[b] || a - b);
        expect(Array.from(radixSortU32(rows, Uint32Array.from(ks)))).toEqual(want);
        const ms = Float64Array.from(ks, (k) => 1.7e12 + k * 37_000);
        expect(Array.from(radixSortIntegers(rows, ms) ?? [])).toEqual(want);
      }),
    );
    expect(radixSortIntegers(Uint32Array.of(0, 1), Float64Array.of(0.5, 1))).toBeUndefined();
  });

  it('SearchText finds the values holding a needle, not one spanning two values', () => {
    const s = new SearchText(['northwind', 'contoso', 'wind', '']);
    expect(s.find('wind')).toEqual([0, 2]);
    expect(s.find('d\nc')).toEqual([]);
    expect(s.find('o')).toEqual([0, 1]);
  });
});
