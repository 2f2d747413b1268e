import type { OverlayRows } from '../../index/merged-page.js';
import { SortedSlots } from '../../index/sorted-slots.js';
import { compareKeys, type Key } from './keys.js';
import { positionOf, rowAt, type ListOrder } from './orders.js';

/** What an overlay order asks of the state: rows' keys and groups as they are now, base keys. */
export interface OrderContext {
  base: ListOrder;
  /** The key of a row as the state holds it now. */
  key(row: number): Key;
  group(row: number): number;
  /** The key of the base row at a position of `base`. */
  baseKey(position: number): Key;
  /** Rows below this are base rows (they mask their base position). */
  baseRows: number;
}

const ROW = 0;
const INS = 1;
const GROUP = 2;
const NUL = 3;

/**
 * A session's changed and added rows of one list, in one field's order, beside the base
 * order they change: each placed before a base position, the base positions of changed
 * rows masked. Kept in order by moving one row per write.
 */
export class OverlayOrder implements OverlayRows {
  private readonly slots = new SortedSlots(4);
  private readonly maskedSlots = new SortedSlots(1);

  constructor(
    private readonly ctx: OrderContext,
    rows: Iterable<number>,
  ) {
    for (const row of rows) this.place(row, true);
  }

  get length(): number {
    return this.slots.length;
  }
  get ins(): Int32Array {
    return this.slots.col(INS);
  }
  get groups(): Int32Array {
    return this.slots.col(GROUP);
  }
  get nulls(): Int32Array {
    return this.slots.col(NUL);
  }
  get masked(): Int32Array {
    return this.maskedSlots.col(0);
  }
  row(i: number): number {
    return this.slots.col(ROW)[i];
  }

  /** Puts `row` (new to the overlay when `fresh`) where its current values sort. */
  place(row: number, fresh: boolean): void {
    const { ctx } = this;
    if (fresh && row < ctx.baseRows) {
      const p = positionOf(ctx.base, row);
      const m = this.maskedSlots;
      const col = m.col(0);
      m.insertAt(
        m.lowerBound((i) => col[i] < p),
        [p],
      );
    } else {
      const at = this.slots.find(ROW, row);
      if (at >= 0) this.slots.removeAt(at);
    }
    const key = ctx.key(row);
    // Before which base position: the first whose key is not below this row's.
    let lo = 0;
    let hi = ctx.base.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(ctx.baseKey(mid), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    const rows = this.slots.col(ROW);
    const ins = this.slots.col(INS);
    const at = this.slots.lowerBound((i) => ins[i] < lo || (ins[i] === lo && compareKeys(ctx.key(rows[i]), key) < 0));
    this.slots.insertAt(at, [row, lo, ctx.group(row), key.nul ? 1 : 0]);
  }
}

/** The base row at a position (a page's slot ≥ 0) or the overlay's row (a slot < 0). */
export const slotRow = (base: ListOrder, o: OverlayOrder | undefined, slot: number): number =>
  slot >= 0 ? rowAt(base, slot) : (o as OverlayOrder).row(-1 - slot);
