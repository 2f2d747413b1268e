// A snapshot reads a large collection one entry at a time (src/sim/snapshot/chunks.ts): a view
// that makes each record when it is read (a session's copy-on-write proxy, a vendor's columns)
// must not make them all to learn whether the collection is small, and the text written must
// be what JSON.stringify says of the same value.
import { describe, expect, it } from 'vitest';
import { CowSpace } from '../../src/sim/cow/space.js';
import { isSmall, jsonChunks, ownEntries, splitAbove } from '../../src/sim/snapshot/chunks.js';

/** An object of `n` records whose reads are counted, as a vendor's view of its columns is. */
function countedView(n: number) {
  const reads = { count: 0 };
  const ids = Array.from({ length: n }, (_, i) => `id${i}`);
  const make = (k: string | symbol) => {
    if (typeof k !== 'string' || !ids.includes(k)) return undefined;
    reads.count++;
    return { id: k, n: Number(k.slice(2)), tags: [k] };
  };
  const view = new Proxy<Record<string, unknown>>(
    {},
    {
      ownKeys: () => ids,
      get: (_, k) => make(k),
      getOwnPropertyDescriptor: (_, k) => {
        const value = make(k);
        return value && { value, writable: true, enumerable: true, configurable: true };
      },
    },
  );
  return { view, reads };
}

describe('reading a large collection for a snapshot', () => {
  it('decides it is not small from its first few hundred records, reading each once', () => {
    const { view, reads } = countedView(5_000);
    expect(isSmall(view)).toBe(false);
    // Each record costs one, and its two fields and one tag: past the budget after a few dozen.
    expect(reads.count).toBeLessThan(splitAbove);
  });

  it('writes it record by record, each made once', () => {
    const { view, reads } = countedView(1_000);
    const it = ownEntries(view)[Symbol.iterator]();
    expect(it.next().value).toEqual(['id0', { id: 'id0', n: 0, tags: ['id0'] }]);
    expect(reads.count).toBe(1);
    let n = 1;
    while (!it.next().done) n++;
    expect(n).toBe(1_000);
    expect(reads.count).toBe(1_000);
  });

  it('gives the bytes of JSON.stringify through a copy-on-write view with writes and deletions', () => {
    const base: Record<string, unknown> = {};
    for (let i = 0; i < 600; i++) base[`k${i}`] = { i, nested: { list: [i, `s${i}`, null] } };
    const space = new CowSpace();
    const view = space.view(base);
    delete view.k3;
    view.k10 = { replaced: true };
    view.added = [1, 2, 3];
    view.gone = undefined;
    delete view.k0;
    view.k0 = 'back, last';
    expect(ownEntries(view)).not.toBeInstanceOf(Array);
    expect([...ownEntries(view)]).toEqual(Object.entries(view));
    expect([...jsonChunks({ apis: view })].join('')).toBe(JSON.stringify({ apis: view }));
  });
});
