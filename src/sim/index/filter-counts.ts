/**
 * Counts per filter group along one sorted order: every row of an order belongs to one small
 * group (for connections: status × archived × action), any filter a list takes is a set of
 * groups, so a filtered total is a sum of counts and the k-th match is found by a binary
 * search over blocks, then at most a block's scan: no pass over the rows per request.
 */
export const BLOCK = 64;

export interface FilterCounts {
  /** The group of the row at each position. */
  groups: Uint8Array;
  groupCount: number;
  /** `cum[b * groupCount + g]`: rows of group g before position b · BLOCK. */
  cum: Uint32Array;
}

export function filterCounts(groups: Uint8Array, groupCount: number): FilterCounts {
  const n = groups.length;
  const blocks = Math.ceil(n / BLOCK);
  const cum = new Uint32Array((blocks + 1) * groupCount);
  const running = new Uint32Array(groupCount);
  for (let p = 0; p < n; p++) {
    if (p % BLOCK === 0) cum.set(running, (p / BLOCK) * groupCount);
    running[groups[p]]++;
  }
  cum.set(running, blocks * groupCount);
  return { groups, groupCount, cum };
}

/** Which groups a filter takes: a flag per group and the list of them. */
export interface Wanted {
  flags: Uint8Array;
  list: number[];
}

export function wantedOf(flags: Uint8Array): Wanted {
  const list: number[] = [];
  for (let g = 0; g < flags.length; g++) if (flags[g]) list.push(g);
  return { flags, list };
}

function before(c: FilterCounts, w: Wanted, block: number): number {
  let s = 0;
  const at = block * c.groupCount;
  for (const g of w.list) s += c.cum[at + g];
  return s;
}

/** Matches among positions [0, p). */
export function countTo(c: FilterCounts, w: Wanted, p: number): number {
  const b = Math.floor(p / BLOCK);
  let s = before(c, w, b);
  for (let i = b * BLOCK; i < p; i++) s += w.flags[c.groups[i]];
  return s;
}

/** The position of the k-th match (0-based); the length when there is none. */
export function locate(c: FilterCounts, w: Wanted, k: number): number {
  const n = c.groups.length;
  let lo = 0;
  let hi = Math.ceil(n / BLOCK);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (before(c, w, mid) <= k) lo = mid;
    else hi = mid - 1;
  }
  let seen = before(c, w, lo);
  let p = lo * BLOCK;
  for (; p < n; p++) if (w.flags[c.groups[p]] && seen++ === k) break;
  return p;
}
