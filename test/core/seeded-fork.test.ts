// MyCreditApp draws its pool of names lazily from a fork of its generator and skips the
// generator past the pool: that is the same data only if a pool entry takes exactly the draws
// it is said to take, whatever the words drawn.
import { describe, expect, it } from 'vitest';
import { seededFor } from '../../src/sim/seeded.js';
import { drawPoolEntry, drawsPerPoolEntry } from '../../src/sim/vendors/mycreditapp/fixtures.js';

describe('Seeded.fork and skip', () => {
  it('a fork makes the draws the original makes next', () => {
    const f = seededFor(42, 'mycreditapp');
    f.skip(5);
    const copy = f.fork();
    expect(Array.from({ length: 50 }, () => copy.next())).toEqual(Array.from({ length: 50 }, () => f.next()));
  });

  it.each([1, 7, 42, 2026])('seed %i: drawing the pool entries ends where skipping their draws does', (seed) => {
    const drawn = seededFor(seed, 'mycreditapp');
    const skipped = drawn.fork();
    for (let i = 0; i < 1000; i++) drawPoolEntry(drawn);
    skipped.skip(1000 * drawsPerPoolEntry);
    expect(drawn.next()).toBe(skipped.next());
  });
});
