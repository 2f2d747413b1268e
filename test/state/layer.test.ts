import { describe, expect, it } from 'vitest';
import { forkState, openLayer } from '../../src/sim/cow/fork.js';

type Rec = { id: string; n: number; tags: string[] };

/** A state class as the vendors write them: plain data and an index Map over the same records. */
class Store {
  readonly byN = new Map<number, Rec>();
  counter = 0;
  constructor(readonly data: { byId: Record<string, Rec>; list: Rec[] }) {
    for (const r of Object.values(data.byId)) this.byN.set(r.n, r);
  }
}

const seedStore = () => {
  const byId: Record<string, Rec> = {};
  for (let i = 0; i < 6; i++) byId[`r${i}`] = { id: `r${i}`, n: i, tags: [`t${i}`] };
  return new Store({ byId, list: Object.values(byId).map((r) => ({ ...r, tags: [...r.tags] })) });
};

/** What a store holds, as plain data (Maps as entry lists), to compare two stores by. */
const dump = (s: Store) =>
  JSON.stringify({
    data: s.data,
    keys: Object.keys(s.data.byId),
    byN: [...s.byN].map(([n, r]) => [n, r.id, r.n, [...r.tags]]),
    counter: s.counter,
  });

/** A seeded generator (mulberry32): the same sequences on every run. */
function dice(seed: number) {
  let a = seed >>> 0;
  return (max: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max) | 0;
  };
}

/** One write of the kinds handlers make: in place, new records, records moved between collections. */
function write(s: Store, roll: (max: number) => number): void {
  const id = `r${roll(10)}`;
  const rec = s.data.byId[id] as Rec | undefined;
  switch (roll(8)) {
    case 0:
      s.counter++;
      return;
    case 1:
      if (rec) rec.n = roll(100);
      return;
    case 2: {
      const fresh = { id, n: 100 + roll(100), tags: rec ? rec.tags : [] };
      s.data.byId[id] = fresh;
      s.byN.set(fresh.n, fresh);
      return;
    }
    case 3:
      delete s.data.byId[id];
      s.byN.delete(roll(10));
      return;
    case 4:
      if (rec) s.data.list.push(rec);
      return;
    case 5:
      s.data.list.splice(roll(4), roll(2), { id: `s${roll(100)}`, n: -1, tags: ['s'] });
      return;
    case 6:
      rec?.tags.push('x');
      return;
    case 7: {
      const r = s.byN.get(roll(10));
      if (r) r.tags = [...r.tags, 'y'];
    }
  }
}

// A request's writes go to a layer over the session's state: committed they are the session's,
// dropped they never happened. Checked against a plain deep copy that runs the committed
// requests only, over a forked session (what sessions are) and over plain state (an imported one).
describe('request layers', () => {
  for (const kind of ['forked', 'plain'] as const) {
    it(`commit all of a request's writes or none of them (${kind} session state)`, () => {
      for (let run = 0; run < 150; run++) {
        const base = seedStore();
        const pristine = dump(base);
        const session = kind === 'forked' ? forkState(base).state : seedStore();
        const model = seedStore();
        const roll = dice(run);
        for (let request = 0; request < 8; request++) {
          const writes = roll(6);
          const committed = roll(3) > 0;
          const layer = openLayer(session);
          // The same writes on the layer and, if it commits, on the model: the same rolls for both.
          const seed = roll(1 << 30);
          const onLayer = dice(seed);
          for (let i = 0; i < writes; i++) write(layer.state, onLayer);
          if (committed) {
            layer.commit();
            const onModel = dice(seed);
            for (let i = 0; i < writes; i++) write(model, onModel);
          } else if (roll(2)) layer.drop();
          // A layer neither committed nor dropped (a request that never finished) is not reused.
          expect(dump(session)).toBe(dump(model));
        }
        if (kind === 'forked') expect(dump(base)).toBe(pristine);
      }
    });
  }

  it('leaves nothing of the layer in the committed state: a record stored elsewhere is the session’s own', () => {
    const session = forkState(seedStore()).state;
    const layer = openLayer(session);
    const r0 = layer.state.data.byId.r0;
    layer.state.data.list.push(r0);
    layer.state.data.byId.copy = { ...r0, id: 'copy' };
    layer.commit();
    const list = session.data.list;
    expect(list[list.length - 1]).toBe(session.data.byId.r0);
    expect(session.data.byId.copy.tags).toBe(session.data.byId.r0.tags);
    // A later request's write to it is seen through every path, as in any session.
    const next = openLayer(session);
    next.state.data.byId.r0.tags.push('later');
    next.commit();
    expect(session.data.byId.copy.tags).toEqual(['t0', 'later']);
  });
});
