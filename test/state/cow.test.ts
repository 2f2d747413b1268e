import { describe, expect, it } from 'vitest';
import { forkState } from '../../src/sim/cow/fork.js';
import { CowSpace } from '../../src/sim/cow/space.js';

type Rec = { id: string; n: number; tags: string[] };
type Data = { counter: number; byId: Record<string, Rec>; list: Rec[] };

const seedData = (): Data => {
  const byId: Record<string, Rec> = {};
  const list: Rec[] = [];
  for (let i = 0; i < 6; i++) {
    const r = { id: `r${i}`, n: i, tags: [`t${i}`] };
    byId[r.id] = r;
    list.push({ ...r, tags: [...r.tags] });
  }
  return { counter: 0, byId, list };
};

// Every kind of in-place write the vendors' handlers and state classes make.
type Op =
  | { kind: 'bump' }
  | { kind: 'setField' | 'assign'; key: number; n: number }
  | { kind: 'add' | 'remove'; key: number }
  | { kind: 'push'; n: number }
  | { kind: 'splice'; at: number; del: number; n: number }
  | { kind: 'tag'; at: number };

/** Sequences of writes from a small seeded generator (mulberry32): the same on every run. */
function randomOps(seed: number, count: number): Op[] {
  let a = seed >>> 0;
  const rand = (max: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max) | 0;
  };
  const kinds = ['bump', 'setField', 'assign', 'add', 'remove', 'push', 'splice', 'tag'] as const;
  return Array.from({ length: count }, (): Op => {
    const kind = kinds[rand(kinds.length)];
    switch (kind) {
      case 'bump':
        return { kind };
      case 'setField':
      case 'assign':
        return { kind, key: rand(9), n: rand(1000) };
      case 'add':
      case 'remove':
        return { kind, key: rand(13) };
      case 'push':
        return { kind, n: rand(1000) };
      case 'splice':
        return { kind, at: rand(9), del: rand(3), n: rand(1000) };
      case 'tag':
        return { kind, at: rand(9) };
    }
  });
}

function apply(d: Data, o: Op): void {
  const id = (k: number) => `r${k}`;
  switch (o.kind) {
    case 'bump':
      d.counter++;
      return;
    case 'setField':
      if (Object.hasOwn(d.byId, id(o.key))) d.byId[id(o.key)].n = o.n;
      return;
    case 'assign':
      if (Object.hasOwn(d.byId, id(o.key))) Object.assign(d.byId[id(o.key)], { n: o.n, extra: true });
      return;
    case 'add':
      d.byId[id(o.key)] = { id: id(o.key), n: -1, tags: [] };
      return;
    case 'remove':
      delete d.byId[id(o.key)];
      return;
    case 'push':
      d.list.push({ id: `p${o.n}`, n: o.n, tags: [] });
      return;
    case 'splice':
      d.list.splice(Math.min(o.at, d.list.length), o.del, { id: `s${o.n}`, n: o.n, tags: ['s'] });
      return;
    case 'tag':
      d.list[o.at]?.tags.push('x');
      return;
  }
}

describe('copy-on-write views', () => {
  it('behave exactly as a private deep copy under any sequence of writes, and never touch the base', () => {
    for (let run = 0; run < 300; run++) {
      {
        const ops = randomOps(run, run % 41);
        const base = seedData();
        const pristine = JSON.stringify(base);
        const copy = structuredClone(base);
        const view = new CowSpace().view(base);
        const other = new CowSpace().view(base);
        for (const o of ops) {
          apply(copy, o);
          apply(view, o);
        }
        expect(JSON.stringify(view)).toBe(JSON.stringify(copy));
        expect(Object.keys(view.byId)).toEqual(Object.keys(copy.byId));
        expect(view.list.length).toBe(copy.list.length);
        expect({ ...view.byId }).toEqual(copy.byId);
        expect(JSON.stringify(base)).toBe(pristine);
        expect(JSON.stringify(other)).toBe(pristine);
      }
    }
  });

  it('count what they copied, not what they read', () => {
    const base = seedData();
    const space = new CowSpace();
    const view = space.view(base);
    expect(JSON.stringify(view)).toBe(JSON.stringify(base));
    expect(space.entries).toBe(0);
    view.byId.r1.n = 99;
    view.counter++;
    expect(space.entries).toBe(2);
  });

  it('fork a state class with its index Maps: the fork sees its own writes, the base none', () => {
    class Store {
      readonly byN = new Map<number, Rec>();
      constructor(readonly data: Data) {
        for (const r of Object.values(data.byId)) this.byN.set(r.n, r);
      }
      rename(n: number, id: string): void {
        const r = this.byN.get(n);
        if (r) r.id = id;
      }
      add(r: Rec): void {
        this.data.byId[r.id] = r;
        this.byN.set(r.n, r);
      }
    }
    const base = new Store(seedData());
    const { state: fork, space } = forkState(base);
    expect(fork).toBeInstanceOf(Store);
    fork.rename(2, 'renamed');
    fork.add({ id: 'new', n: 50, tags: [] });
    fork.byN.delete(3);
    expect(fork.byN.get(2)?.id).toBe('renamed');
    expect(fork.data.byId.r2.id).toBe('renamed');
    expect(fork.byN.get(2)).toBe(fork.data.byId.r2);
    expect(fork.byN.has(3)).toBe(false);
    expect(fork.byN.size).toBe(6);
    expect([...fork.byN.keys()]).toEqual([0, 1, 2, 4, 5, 50]);
    expect(base.byN.get(2)?.id).toBe('r2');
    expect(base.data.byId.r2.id).toBe('r2');
    expect(base.byN.has(50) || Object.hasOwn(base.data.byId, 'new')).toBe(false);
    expect(base.byN.size).toBe(6);
    fork.byN.delete(0);
    fork.byN.set(0, fork.data.byId.r0);
    expect([...fork.byN.keys()]).toEqual([1, 2, 4, 5, 50, 0]);
    expect(space.entries).toBeGreaterThan(0);
  });
});
