import { describe, expect, it } from 'vitest';
import { LazyMap } from '../../src/sim/cow/lazy-map.js';
import { forkState } from '../../src/sim/cow/fork.js';

interface R {
  id: string;
  n: number;
}
const records = (n: number): R[] => Array.from({ length: n }, (_, i) => ({ id: `r${(i * 7919) % 1000}`, n: i }));
const plain = (list: R[]) => new Map(list.map((r) => [r.id, r]));
const snapshot = (m: Map<string, R>) => ({
  size: m.size,
  entries: [...m],
  keys: [...m.keys()],
  values: [...m.values()],
});

describe('LazyMap: a Map over a list, its table made on first lookup', () => {
  it('iterates and counts as a Map of the same inserts, before and after the table is made', () => {
    const list = records(50);
    const lazy = new LazyMap(list, (r) => r.id);
    expect(snapshot(lazy)).toEqual(snapshot(plain(list)));
    let each = 0;
    lazy.forEach((v, k) => (each += v.id === k ? 1 : 0));
    expect(each).toBe(50);
    expect(lazy.get('r0')).toBe(list[0]);
    expect(snapshot(lazy)).toEqual(snapshot(plain(list)));
  });

  it('follows any sequence of writes exactly as a plain Map does', () => {
    const list = records(40);
    const lazy = new LazyMap(list, (r) => r.id);
    const ref = plain(list);
    let x = 12345;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) % n;
    for (let step = 0; step < 400; step++) {
      const id = `r${(rnd(60) * 7919) % 1000}`;
      const op = rnd(4);
      if (op === 0) expect(lazy.delete(id)).toBe(ref.delete(id));
      else if (op === 1) {
        const v = { id, n: step };
        lazy.set(id, v);
        ref.set(id, v);
      } else if (op === 2) expect(lazy.has(id)).toBe(ref.has(id));
      else expect(lazy.get(id)).toBe(ref.get(id));
      expect(snapshot(lazy)).toEqual(snapshot(ref));
    }
    lazy.clear();
    expect(lazy.size).toBe(0);
  });

  it("under a session's fork: reads reach the base, writes stay in the fork, the base never changes", () => {
    const list = records(30);
    const base = { byId: new LazyMap(list, (r) => r.id) as Map<string, R> };
    const before = snapshot(base.byId);
    const { state: fork } = forkState(base);
    expect(fork.byId.get('r0')?.n).toBe(0);
    expect(fork.byId.size).toBe(30);
    fork.byId.delete('r0');
    fork.byId.set('new', { id: 'new', n: -1 });
    expect(fork.byId.has('r0')).toBe(false);
    expect([...fork.byId.keys()]).toEqual([...before.keys.filter((k) => k !== 'r0'), 'new']);
    expect(snapshot(base.byId)).toEqual(before);
  });
});
