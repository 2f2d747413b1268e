import { countTo, locate, type FilterCounts, type Wanted } from './filter-counts.js';

/**
 * A page of a sorted list made of a shared base order and a session's few changed rows,
 * without touching the base: base positions of changed rows are masked, the rows' current
 * versions are placed between base positions. The list is walked as pieces (base ranges,
 * single overlay rows), each counted from the base's filter counts, so the cost is the
 * overlay's size plus the page, never the list's length.
 */

/** The base order: `n` positions, keyed ones before `firstNull`, counts per filter group. */
export interface BaseOrder {
  n: number;
  firstNull: number;
  counts: FilterCounts;
}

/** Overlay rows in sort order, each placed before base position `ins[i]`. */
export interface OverlayRows {
  length: number;
  ins: ArrayLike<number>;
  groups: ArrayLike<number>;
  /** 1 where the row has no value for the field (it goes with the base's nulls). */
  nulls: ArrayLike<number>;
  /** Base positions whose row the overlay holds (ascending). */
  masked: ArrayLike<number>;
}

/** A slot of the page: a base position (≥ 0) or an overlay row i as -1 - i. */
export type Slot = number;

type Piece = { from: number; to: number } | { item: number };

function piecesOf(base: BaseOrder, o: OverlayRows | undefined): { keyed: Piece[]; nulls: Piece[] } {
  const keyed: Piece[] = [];
  const nulls: Piece[] = [];
  const range = (from: number, to: number) => {
    if (from < base.firstNull) keyed.push({ from, to: Math.min(to, base.firstNull) });
    if (to > base.firstNull) nulls.push({ from: Math.max(from, base.firstNull), to });
  };
  if (!o) {
    range(0, base.n);
    return { keyed, nulls };
  }
  let p = 0;
  let mi = 0;
  let oi = 0;
  const item = (i: number) => (o.nulls[i] ? nulls : keyed).push({ item: i });
  for (;;) {
    while (oi < o.length && o.ins[oi] <= p) item(oi++);
    if (p >= base.n) break;
    if (mi < o.masked.length && o.masked[mi] === p) {
      p++;
      mi++;
      continue;
    }
    const next = Math.min(mi < o.masked.length ? o.masked[mi] : base.n, oi < o.length ? o.ins[oi] : base.n);
    range(p, next);
    p = next;
  }
  while (oi < o.length) item(oi++);
  return { keyed, nulls };
}

/**
 * The slots of `limit` matches from `offset`, ascending, or descending (the keyed part
 * backwards, then the rows without a value in their ascending order), and the total.
 */
export function mergedPage(
  base: BaseOrder,
  overlay: OverlayRows | undefined,
  wanted: Wanted,
  desc: boolean,
  offset: number,
  limit: number,
): { slots: Slot[]; total: number } {
  const { keyed, nulls } = piecesOf(base, overlay);
  const walk: { piece: Piece; back: boolean }[] = [];
  if (desc) for (let i = keyed.length - 1; i >= 0; i--) walk.push({ piece: keyed[i], back: true });
  else for (const piece of keyed) walk.push({ piece, back: false });
  for (const piece of nulls) walk.push({ piece, back: false });
  const c = base.counts;
  const slots: Slot[] = [];
  let skip = offset;
  let total = 0;
  for (const { piece, back } of walk) {
    if ('item' in piece) {
      if (!wanted.flags[overlay ? overlay.groups[piece.item] : 0]) continue;
      total++;
      if (skip > 0) skip--;
      else if (slots.length < limit) slots.push(-1 - piece.item);
      continue;
    }
    const lo = countTo(c, wanted, piece.from);
    const hi = countTo(c, wanted, piece.to);
    const count = hi - lo;
    total += count;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    if (slots.length >= limit) {
      skip = 0;
      continue;
    }
    if (back) {
      for (let p = locate(c, wanted, hi - 1 - skip); p >= piece.from && slots.length < limit; p--)
        if (wanted.flags[c.groups[p]]) slots.push(p);
    } else {
      for (let p = locate(c, wanted, lo + skip); p < piece.to && slots.length < limit; p++)
        if (wanted.flags[c.groups[p]]) slots.push(p);
    }
    skip = 0;
  }
  return { slots, total };
}
