/**
 * A list's order by (timestamp, id), kept by id and never written: a write returns a new
 * order that shares the base and copies only the overlay (the entries added and the base
 * positions removed since the base was sorted). So a write moves one entry, and a state's
 * copy-on-write fork that writes one stores its own order without touching the base's: an
 * instance is shared as it is by every fork (a class instance is not state to the COW layer),
 * which is safe because nothing ever changes it. Ids, not records, so a fork resolves each
 * through its own view of the records.
 */
export class SortedIds {
  private constructor(
    /** Base timestamps and ids, ascending by (at, id). */
    private readonly at: readonly string[],
    private readonly ids: readonly string[],
    /** Base positions removed, ascending. */
    private readonly masked: readonly number[],
    /** Entries added, ascending by (at, id), each placed before base position `ins[i]`. */
    private readonly addAt: readonly string[],
    private readonly addIds: readonly string[],
    private readonly ins: readonly number[],
  ) {}

  /** The order of records already sorted by (at, id). */
  static ofSorted<T>(records: readonly T[], at: (r: T) => string, id: (r: T) => string): SortedIds {
    return new SortedIds(records.map(at), records.map(id), [], [], [], []);
  }

  static readonly empty = new SortedIds([], [], [], [], [], []);

  get size(): number {
    return this.ids.length - this.masked.length + this.addIds.length;
  }

  /** The order with (at, id) in it, after any entry with the same key (a stable sort's place). */
  with(at: string, id: string): SortedIds {
    const ins = lower(this.ids.length, (p) => before(this.at[p], this.ids[p], at, id));
    const i = lower(this.addIds.length, (k) => before(this.addAt[k], this.addIds[k], at, id));
    const next = this.copy(
      this.masked,
      spliced(this.addAt, i, at),
      spliced(this.addIds, i, id),
      spliced(this.ins, i, ins),
    );
    return next.compacted();
  }

  /** The order without the entry (at, id) (as it is unchanged when it holds none). */
  without(at: string, id: string): SortedIds {
    const k = lower(this.addIds.length, (j) => before(this.addAt[j], this.addIds[j], at, id, true));
    if (k < this.addIds.length && this.addAt[k] === at && this.addIds[k] === id)
      return this.copy(this.masked, removed(this.addAt, k), removed(this.addIds, k), removed(this.ins, k));
    let p = lower(this.ids.length, (q) => before(this.at[q], this.ids[q], at, id, true));
    if (!(p < this.ids.length && this.at[p] === at && this.ids[p] === id)) {
      // Its timestamp changed behind the order's back: found by id alone, as a full re-sort would.
      p = this.ids.indexOf(id);
      if (p < 0) {
        const j = this.addIds.indexOf(id);
        return j < 0
          ? this
          : this.copy(this.masked, removed(this.addAt, j), removed(this.addIds, j), removed(this.ins, j));
      }
    }
    const m = lower(this.masked.length, (j) => this.masked[j] < p);
    if (this.masked[m] === p) return this;
    return this.copy(spliced(this.masked, m, p), this.addAt, this.addIds, this.ins).compacted();
  }

  /** The ids in order from place `offset`, at most `limit` (the overlay is skipped in pieces, not walked). */
  slice(offset: number, limit = Infinity): string[] {
    const out: string[] = [];
    const n = this.ids.length;
    let skip = offset;
    let p = 0;
    let mi = 0;
    let ai = 0;
    while (out.length < limit) {
      if (ai < this.ins.length && this.ins[ai] <= p) {
        if (skip > 0) skip--;
        else out.push(this.addIds[ai]);
        ai++;
        continue;
      }
      if (p >= n) break;
      if (mi < this.masked.length && this.masked[mi] === p) {
        p++;
        mi++;
        continue;
      }
      const end = Math.min(mi < this.masked.length ? this.masked[mi] : n, ai < this.ins.length ? this.ins[ai] : n);
      const from = p + Math.min(skip, end - p);
      skip -= from - p;
      const to = Math.min(end, from + (limit - out.length));
      for (let q = from; q < to; q++) out.push(this.ids[q]);
      p = to === end ? end : to;
      if (to < end) break;
    }
    return out;
  }

  private copy(masked: readonly number[], addAt: readonly string[], addIds: readonly string[], ins: readonly number[]) {
    return new SortedIds(this.at, this.ids, masked, addAt, addIds, ins);
  }

  /**
   * Past √(8n) entries (and 256) the overlay is merged into a new base of n. A write copies the
   * overlay (half the limit on average) and a merge of n comes once per limit writes, so a limit
   * near √n keeps their sum least; a merge's entry costs more than a copied one, hence the 8
   * (of 2, 8 and 32 measured, the least CPU per insert at 0, 100 k and 1 M). The limit was the
   * larger of 4 096 and n / 64: at 20 000 ids a write copied 2 000 and more, where now 200.
   */
  private compacted(): SortedIds {
    const overlay = this.masked.length + this.addIds.length;
    if (overlay <= Math.max(256, Math.sqrt(8 * this.ids.length))) return this;
    const ids = this.slice(0);
    const at: string[] = [];
    let mi = 0;
    let ai = 0;
    for (let p = 0; p <= this.ids.length; p++) {
      while (ai < this.ins.length && this.ins[ai] <= p) at.push(this.addAt[ai++]);
      if (p === this.ids.length) break;
      if (mi < this.masked.length && this.masked[mi] === p) mi++;
      else at.push(this.at[p]);
    }
    return new SortedIds(at, ids, [], [], [], []);
  }
}

/** (a, aid) sorts before (b, bid); equal keys count as before unless `strict` (upper and lower bounds' probes). */
function before(a: string, aid: string, b: string, bid: string, strict = false): boolean {
  if (a !== b) return a < b;
  return strict ? aid < bid : aid <= bid;
}

/** The first place in [0, n) where `isBefore` turns false. */
function lower(n: number, isBefore: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A native copy and a native move: the overlay holds thousands of entries, and a copy made by
// pushing them one at a time was a claim's largest cost.
function spliced<T>(list: readonly T[], at: number, value: T): T[] {
  const out = list.slice();
  out.splice(at, 0, value);
  return out;
}

function removed<T>(list: readonly T[], at: number): T[] {
  const out = list.slice();
  out.splice(at, 1);
  return out;
}
