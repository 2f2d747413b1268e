// radixSort takes a comparison sort below a few thousand rows and its radix passes above:
// both must give the one stable order the callers (and the seeded worlds' digests) rely on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSort, radixSortIntegers, radixSortU32 } from '../../src/sim/index/radix.js';

/** The order radixSort promises: ascending keys, -0 before +0, equal keys in the rows' order. */
function expected(rows: Uint32Array, keys: Float64Array): number[] {
  const positive = (k: number) => (Object.is(k, -0) ? 0 : 1);
  return Array.from(rows).sort((a, b) => keys[a] - keys[b] || positive(keys[a]) - positive(keys[b]));
}

// Few distinct keys (signed zeros among them), so ties and sign handling come up often.
const key = fc.constantFrom(-3.5, -1, -0, 0, 1, 2 ** 40, 1e15 + 1, 7.25);

describe('radixSort on either side of its small-input path', () => {
  it('orders a few rows stably by key', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (ks) => {
        const keys = Float64Array.from(ks);
        const rows = Uint32Array.from(ks.map((_, i) => i).reverse());
        expect(Array.from(radixSort(rows, keys))).toEqual(expected(rows, keys));
      }),
    );
  });

  it('orders many rows (the radix passes) the same way', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 5000, maxLength: 6000 }), (ks) => {
        const keys = Float64Array.from(ks);
        const rows = Uint32Array.from(ks.map((_, i) => (i * 7919) % ks.length));
        expect(Array.from(radixSort(rows, keys))).toEqual(expected(rows, keys));
      }),
      { numRuns: 5 },
    );
  });
});

describe('the integer radix sorts on either side of their small-input path', () => {
  /** Ascending keys, equal keys in the rows' order. */
  const stable = (rows: Uint32Array, keys: ArrayLike<number>) => Array.from(rows).sort((a, b) => keys[a] - keys[b]);
  const sizes = [0, 1, 2, 40, 511, 512, 3000];
  it.each(sizes)('radixSortU32 over %i rows', (n) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, 7, 2 ** 22, 2 ** 32 - 1), { minLength: n, maxLength: n }), (ks) => {
        const keys = Uint32Array.from(ks);
        const rows = Uint32Array.from(ks.map((_, i) => i).reverse());
        expect(Array.from(radixSortU32(rows, keys))).toEqual(stable(rows, keys));
      }),
      { numRuns: 20 },
    );
  });
  it.each(sizes)('radixSortIntegers over %i rows', (n) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-5, 0, 3, 86_400_000, 2 ** 38), { minLength: n, maxLength: n }), (ks) => {
        const keys = Float64Array.from(ks);
        const rows = Uint32Array.from(ks.map((_, i) => i).reverse());
        expect(Array.from(radixSortIntegers(rows, keys) ?? [])).toEqual(stable(rows, keys));
      }),
      { numRuns: 20 },
    );
  });
});
