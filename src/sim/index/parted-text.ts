import { u32Column } from './columns.js';
import { radixSortU32 } from './radix.js';
import { denseRanks } from './text-sort.js';

/**
 * A text column whose values are each a stem and a suffix from two small dictionaries (a
 * seeded world's names: a pool entry, then a counter), so that the values' ranks come from
 * sorting the dictionaries and one radix sort of small integers, not from sorting a million
 * strings character by character (most of a large world's build, before).
 */
export class PartedText {
  private readonly stems: string[] = [];
  private readonly suffixes: string[] = [];
  private readonly stemCodes = new Map<string, number>();
  private readonly suffixCodes = new Map<string, number>();
  private readonly stemOf = u32Column();
  private readonly suffixOf = u32Column();

  get length(): number {
    return this.stemOf.length;
  }

  /** The code of a stem, to push with. */
  stem(s: string): number {
    return intern(this.stemCodes, this.stems, s);
  }

  /** The code of a suffix, to push with. */
  suffix(s: string): number {
    return intern(this.suffixCodes, this.suffixes, s);
  }

  /** Appends the value stem + suffix (codes from `stem` and `suffix`). */
  push(stem: number, suffix: number): void {
    this.stemOf.push(stem);
    this.suffixOf.push(suffix);
  }

  /**
   * The dense ranks `denseRanks` gives the values lower-cased, or undefined when a part is
   * not ASCII (lower-casing could then depend on the neighbouring part: a final sigma).
   * The column lets go of its codes.
   */
  ranks(): Uint32Array | undefined {
    const stemOf = this.stemOf.done();
    const suffixOf = this.suffixOf.done();
    if (!this.stems.every(ascii) || !this.suffixes.every(ascii)) return undefined;
    const stems = this.stems.map((s) => s.toLowerCase());
    const suffixes = this.suffixes.map((s) => s.toLowerCase());
    const stemRank = denseRanks(stems);
    const suffixRank = denseRanks(suffixes);
    // The distinct stems in order, grouped into clusters: a stem and those it is a prefix of.
    // Values of different clusters order as their clusters' first stems do (they differ
    // within both stems); within a cluster of one stem, as their suffixes do.
    const distinct: string[] = [];
    stems.forEach((s, i) => (distinct[stemRank[i]] = s));
    const cluster = new Uint32Array(distinct.length);
    const shared = new Uint8Array(distinct.length);
    let head = 0;
    for (let r = 1; r < distinct.length; r++) {
      if (distinct[r].startsWith(distinct[head])) shared[(cluster[r] = cluster[head])] = 1;
      else cluster[r] = cluster[r - 1] + 1;
      if (cluster[r] !== cluster[head]) head = r;
    }
    const n = stemOf.length;
    const major = new Uint32Array(n);
    const minor = new Uint32Array(n);
    const mixed = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const c = cluster[stemRank[stemOf[i]]];
      major[i] = c;
      if (!shared[c]) minor[i] = suffixRank[suffixOf[i]];
      else {
        let rows = mixed.get(c);
        if (!rows) mixed.set(c, (rows = []));
        rows.push(i);
      }
    }
    // A cluster of several stems (rare) ranks its whole values among themselves.
    for (const rows of mixed.values()) {
      const within = denseRanks(rows.map((i) => stems[stemOf[i]] + suffixes[suffixOf[i]]));
      rows.forEach((row, k) => (minor[row] = within[k]));
    }
    const identity = new Uint32Array(n);
    for (let i = 0; i < n; i++) identity[i] = i;
    const order = radixSortU32(radixSortU32(identity, minor), major);
    const ranks = new Uint32Array(n);
    let rank = 0;
    for (let p = 1; p < n; p++) {
      const a = order[p - 1];
      const b = order[p];
      if (major[a] !== major[b] || minor[a] !== minor[b]) rank++;
      ranks[b] = rank;
    }
    return ranks;
  }
}

function intern(codes: Map<string, number>, values: string[], s: string): number {
  let c = codes.get(s);
  if (c === undefined) codes.set(s, (c = values.push(s) - 1));
  return c;
}

function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
