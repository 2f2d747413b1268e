import type { operations } from '../../../generated/mycreditapp.js';
import { filterCounts, type FilterCounts } from '../../index/filter-counts.js';
import type { BaseOrder } from '../../index/merged-page.js';
import { radixSort, radixSortIntegers, radixSortU32, releaseRadixSpace } from '../../index/radix.js';
import { GROUPS, orgField, rowGroup } from './keys.js';
import type { McaTables, Side, TimeField } from './tables.js';

/** One base list sorted by one field: rows in order, counts per filter group, positions by row. */
export interface ListOrder extends BaseOrder {
  /** The list's rows (ascending row numbers), and at each position the index of its row there. */
  rows: Uint32Array;
  local: Uint32Array;
  counts: FilterCounts;
  /** The list's rows in the tie order (shared by the list's orders). */
  byId: Uint32Array;
  /** Position in `order` of the list's i-th row, made when first needed. */
  pos?: Uint32Array;
}

const identity = (n: number) => {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
};

// Sort keys are work space, reused from order to order: fresh megabytes for each make the
// collector run full cycles over a heap of millions of strings.
let keys64 = new Float64Array(0);
const keySpace = (m: number): Float64Array => (keys64.length < m ? (keys64 = new Float64Array(m)) : keys64);

/**
 * The list's rows in `field`'s order, from the columns alone: every sort is a stable radix
 * sort of four- or eight-byte keys (ranks for the organizations' text, epoch ms for times,
 * the score) over the rows already in the tie order (the other organization's id).
 */
function build(t: McaTables, side: Side, org: number, field: string, list: OrderList): ListOrder {
  const rows = t.rowsOf(side, org);
  const other = t.otherOf(side);
  const m = rows.length;
  if (!list.byId) {
    const ids = new Uint32Array(m);
    for (let i = 0; i < m; i++) ids[i] = t.idRank[other[rows[i]]];
    list.byId = radixSortU32(identity(m), ids);
  }
  const byId = list.byId;
  // Each row's filter group, read once per list in row order (not at random once per order).
  if (!list.groups) {
    const g = new Uint8Array(m);
    for (let i = 0; i < m; i++) g[i] = rowGroup(t, rows[i]);
    list.groups = g;
  }
  const rowGroups = list.groups;
  let local: Uint32Array;
  let firstNull = m;
  const text = orgField[field];
  if (text) {
    const ranks = t.rank[text];
    const keys = new Uint32Array(keySpace(m).buffer, 0, m);
    for (let i = 0; i < m; i++) keys[i] = ranks[other[rows[i]]];
    local = radixSortU32(byId, keys);
  } else {
    const column = field === 'total_score' ? t.score : t.time[field as TimeField];
    if (!column) throw new Error(`connkit: MyCreditApp lists do not sort by ${field}`);
    const shared = sharedOrder(list, rows, column);
    if (shared) return finishOrder(rows, shared.local, shared.firstNull, byId, rowGroups);
    const keys = keySpace(m).subarray(0, m);
    for (let i = 0; i < m; i++) keys[i] = column[rows[i]];
    // Rows without a value go last, in the tie order; the rest are sorted by value.
    local = new Uint32Array(m);
    let keyed = 0;
    let nullAt = m;
    for (let i = 0; i < m; i++) {
      const at = byId[i];
      if (keys[at] !== keys[at]) local[--nullAt] = at;
      else local[keyed++] = at;
    }
    local.subarray(keyed).reverse();
    const values = local.subarray(0, keyed);
    local.set(radixSortIntegers(values, keys) ?? radixSort(values, keys), 0);
    firstNull = keyed;
  }
  const order = finishOrder(rows, local, firstNull, byId, rowGroups);
  if (!text) (list.byColumn ??= new Map()).set(field === 'total_score' ? t.score : t.time[field as TimeField], order);
  return order;
}

function finishOrder(
  rows: Uint32Array,
  local: Uint32Array,
  firstNull: number,
  byId: Uint32Array,
  rowGroups: Uint8Array,
): ListOrder {
  const m = rows.length;
  const groups = new Uint8Array(m);
  for (let p = 0; p < m; p++) groups[p] = rowGroups[local[p]];
  return { n: m, firstNull, rows, local, byId, counts: filterCounts(groups, GROUPS) };
}

// Zero is never taken as the same: the float sort puts -0 before +0, the integer one keeps them
// in the tie order, and a subset could take the other sort than the order it is taken from.
const same = (a: number, b: number) => a === b && a !== 0;

/**
 * The list's order by `column` taken from an order already made of another column that holds
 * the same value wherever this one has one (a seeded world stamps a connection's times from
 * one instant: updated_at is created_at, archived_at is created_at where set): a stable sort
 * by equal keys of a subset of the rows is that order with the other rows left out. Rows
 * without a value follow in the tie order, as the sort puts them. Undefined when none agrees.
 */
function sharedOrder(
  list: OrderList,
  rows: Uint32Array,
  column: Float64Array,
): { local: Uint32Array; firstNull: number } | undefined {
  const m = rows.length;
  for (const [other, o] of list.byColumn ?? []) {
    let agrees = true;
    for (let i = 0; i < m && agrees; i++) {
      const v = column[rows[i]];
      if (v === v && !same(v, other[rows[i]])) agrees = false;
    }
    if (!agrees) continue;
    const local = new Uint32Array(m);
    let keyed = 0;
    for (let p = 0; p < o.firstNull; p++) {
      const at = o.local[p];
      if (column[rows[at]] === column[rows[at]]) local[keyed++] = at;
    }
    let next = keyed;
    for (let i = 0; i < m; i++) {
      const at = o.byId[i];
      if (column[rows[at]] !== column[rows[at]]) local[next++] = at;
    }
    return { local, firstNull: keyed };
  }
  return undefined;
}

type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
// Keyed by the spec's `order_by` enum: a value the spec adds or drops fails to compile here.
const hostOrders: Record<NonNullable<Query<'getHostConnections'>['order_by']>, true> = {
  host_name: true,
  host_email: true,
  owner_email: true,
  created_at: true,
  updated_at: true,
  archived_at: true,
  active_action_updated_at: true,
};
const guestOrders: Record<NonNullable<Query<'getGuestConnections'>['order_by']>, true> = {
  guest_name: true,
  guest_email: true,
  owner_email: true,
  total_score: true,
  created_at: true,
  updated_at: true,
  archived_at: true,
  active_action_updated_at: true,
};

/** The fields each side's lists sort by (the spec's `order_by` values). */
export const sortFields: Record<Side, readonly string[]> = {
  hosts: Object.keys(hostOrders),
  guests: Object.keys(guestOrders),
};

/**
 * Lists at least this long have every order built with the world: a first sort of a
 * million-row list costs 70-700 ms in a request (well past the 50 ms a page may take), and
 * tens of milliseconds of the build; shorter lists sort within a request.
 */
export const eagerRows = 100_000;

interface OrderList {
  byId?: Uint32Array;
  /** The group of the list's i-th row (see keys.ts). */
  groups?: Uint8Array;
  orders: Map<string, ListOrder>;
  /** The orders made by sorting a number column, by that column (see sharedOrder). */
  byColumn?: Map<Float64Array, ListOrder>;
}

/** Lists whose orders are kept at once (a million-row list holds ~9 bytes per row per field). */
const keptLists = 8;

/**
 * The orders of the base lists, kept for every session (the base never changes: a session's
 * changes are merged in by its overlay): a long list's with the world, any other's on its
 * first request.
 */
export class BaseOrders {
  private readonly lists = new Map<string, OrderList>();
  /** The long lists' orders, built with the world and never dropped. */
  private readonly kept = new Map<string, OrderList>();

  constructor(
    private readonly t: McaTables,
    longList = eagerRows,
  ) {
    const orgs = t.orgIds.length;
    for (const side of ['hosts', 'guests'] as const) {
      const starts = (side === 'hosts' ? t.byGuest : t.byHost).starts;
      for (let org = 0; org < orgs; org++) {
        if (starts[org + 1] - starts[org] < longList) continue;
        const list: OrderList = { orders: new Map() };
        for (const field of sortFields[side]) list.orders.set(field, build(t, side, org, field, list));
        this.kept.set(`${side}|${org}`, list);
      }
    }
    releaseRadixSpace();
  }

  get(side: Side, org: number, field: string): ListOrder {
    const key = `${side}|${org}`;
    const kept = this.kept.get(key)?.orders.get(field);
    if (kept) return kept;
    let list = this.lists.get(key);
    // Map order is insertion order: re-inserting keeps the least recently used first.
    this.lists.delete(key);
    if (!list) list = { orders: new Map() };
    this.lists.set(key, list);
    if (this.lists.size > keptLists) {
      const oldest = this.lists.keys().next();
      if (!oldest.done) this.lists.delete(oldest.value);
    }
    let order = list.orders.get(field);
    if (!order) {
      order = build(this.t, side, org, field, list);
      list.orders.set(field, order);
    }
    return order;
  }
}

/** The position in `o` of base row `row` (a row of its list). */
export function positionOf(o: ListOrder, row: number): number {
  if (!o.pos) {
    const pos = new Uint32Array(o.n);
    for (let p = 0; p < o.n; p++) pos[o.local[p]] = p;
    o.pos = pos;
  }
  return o.pos[indexIn(o.rows, row)];
}

/** The row at position `p` of `o`. */
export const rowAt = (o: ListOrder, p: number): number => o.rows[o.local[p]];

/** The index of `row` in ascending `rows` (it is there). */
export function indexIn(rows: Uint32Array, row: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
