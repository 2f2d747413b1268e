import { isoKey, prefixKey, sortByText, sortRows } from '../../index/radix.js';
import type { Connection, Org } from './state.js';

/** The list parameters every MyCreditApp connection list takes (after validation and defaults). */
export interface ListQuery {
  statuses: string[];
  search_field: string;
  search_text?: string | null;
  order_by: string;
  order_dir: 'asc' | 'desc';
  archived?: boolean | null;
  active_action_types?: string[] | null;
  limit: number;
  offset: number;
}

/** Whose fields a list shows: the guest's list shows hosts, the host's list shows guests. */
export type Side = 'hosts' | 'guests';

/** One organization's connections on one side; a row is a position in `rows` (append-only). */
export interface OrgList {
  rows: readonly Connection[];
  /** The organization each row shows (its host, or its guest). */
  other: (c: Connection) => Org;
  /** `other` of every row, made once per length (the rows only grow, organizations never change). */
  others?: Org[];
}

const othersOf = (list: OrgList): Org[] => {
  if (list.others?.length !== list.rows.length) list.others = list.rows.map(list.other);
  return list.others;
};

const orgField: Record<string, keyof Org> = {
  host_name: 'name',
  guest_name: 'name',
  host_email: 'email',
  guest_email: 'email',
  owner_email: 'owner_email',
};

/** Whether a field's values belong to organizations (they never change) rather than connections. */
export const isOrgField = (field: string): boolean => Object.hasOwn(orgField, field);

/** Rows in the order of the other organization's id: every sort's tie-break. */
export function orderById(list: OrgList): Uint32Array {
  const n = list.rows.length;
  const ids = othersOf(list).map((o) => o.id);
  const approx = new Float64Array(n);
  for (let i = 0; i < n; i++) approx[i] = prefixKey(ids[i]);
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return sortRows(rows, approx, false, (a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
}

/**
 * One list sorted by one field: ascending, nulls last, ties by the other organization's id.
 * Text fields (names, emails) compare lower-cased and keep that text for search.
 */
export interface FieldOrder {
  /** Rows in order. */
  order: Uint32Array;
  /** Position in `order` of the first row with no value. */
  firstNull: number;
  /** Lower-cased values in order, joined by one character, and where each starts (text fields). */
  text?: { joined: string; starts: Uint32Array };
  /** Position of each row in `order`, made when first needed. */
  rank?: Uint32Array;
}

export function orderBy(list: OrgList, field: string, byId: Uint32Array): FieldOrder {
  const n = list.rows.length;
  const org = orgField[field] as 'name' | 'email' | 'owner_email' | undefined;
  if (org) {
    const keys = othersOf(list).map((o) => o[org].toLowerCase());
    // The characters after the prefix every value shares ("credit@…") tell rows apart.
    let common = n ? keys[0].length : 0;
    for (let i = 1; i < n && common > 0; i++) {
      const k = keys[i];
      let j = 0;
      while (j < common && k.charCodeAt(j) === keys[0].charCodeAt(j)) j++;
      common = j;
    }
    const byText = sortByText(byId, keys, common);
    if (byText) return { order: byText, firstNull: n };
    const approx = new Float64Array(n);
    for (let i = 0; i < n; i++) approx[i] = prefixKey(keys[i], common);
    return {
      order: sortRows(byId, approx, false, (a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0)),
      firstNull: n,
    };
  }
  // Connection fields: timestamps (read from their digits) and the score; nulls go last.
  const value = (row: number) =>
    (list.rows[row] as unknown as Record<string, string | number | null | undefined>)[field] ?? null;
  // Keys are read in the order the rows were stored (memory order), then placed in tie order.
  const approx = new Float64Array(n);
  const missing = new Uint8Array(n);
  let exact = true;
  for (let row = 0; row < n; row++) {
    const v = value(row);
    if (v === null) missing[row] = 1;
    else {
      const k = typeof v === 'number' ? v : isoKey(v);
      if (k === k && Number.isFinite(k)) approx[row] = k;
      else exact = false;
    }
  }
  const order = new Uint32Array(n);
  let keyedCount = 0;
  let nullAt = n;
  // Nulls fill the order from the end backwards (reversed below), the rest from the start.
  for (let i = 0; i < n; i++) {
    const row = byId[i];
    if (missing[row]) order[--nullAt] = row;
    else order[keyedCount++] = row;
  }
  // Anything else (a hand-edited snapshot) sorts as before: by `<` on the raw values.
  const cmp = (a: number, b: number) => {
    const x = value(a);
    const y = value(b);
    // Only keyed rows reach here: nulls were placed apart above.
    if (x === null || y === null) return 0;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const keyed = order.subarray(0, keyedCount);
  keyed.set(exact ? sortRows(keyed, approx, true, cmp) : Array.from(keyed).sort(cmp));
  order.subarray(keyedCount).reverse();
  return { order, firstNull: keyedCount };
}

export function rankOf(o: FieldOrder): Uint32Array {
  if (!o.rank) {
    o.rank = new Uint32Array(o.order.length);
    for (let p = 0; p < o.order.length; p++) o.rank[o.order[p]] = p;
  }
  return o.rank;
}

/** A text field's lower-cased values in order, joined by a newline: one native `indexOf` searches them all. */
function textOf(list: OrgList, field: string, o: FieldOrder): NonNullable<FieldOrder['text']> {
  if (!o.text) {
    const org = orgField[field];
    const others = othersOf(list);
    const n = o.order.length;
    const starts = new Uint32Array(n + 1);
    const parts = new Array<string>(n);
    let at = 0;
    for (let p = 0; p < n; p++) {
      starts[p] = at;
      parts[p] = (others[o.order[p]][org] as string).toLowerCase();
      at += parts[p].length + 1;
    }
    starts[n] = at;
    o.text = { joined: parts.join('\n'), starts };
  }
  return o.text;
}

/** Positions (in `o`, ordered by the text field `field`) of the rows whose value contains `needle`. */
export function searchPositions(list: OrgList, field: string, o: FieldOrder, needle: string): number[] {
  const { joined, starts } = textOf(list, field, o);
  const found: number[] = [];
  let from = 0;
  for (;;) {
    const at = joined.indexOf(needle, from);
    if (at < 0) break;
    // The row holding `at`: the last start at or before it.
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    // A hit running past its row's end (into the separator) is no match in that row, nor
    // is any later one there.
    if (at + needle.length < starts[lo + 1]) found.push(lo);
    from = starts[lo + 1];
  }
  return found;
}

// ── filters ────────────────────────────────────────────────────────────────────────────────
// A row's filter group: status × archived × active action. Any filter the list takes is a set
// of groups, so totals and the k-th match come from counts per group.
const statusCodes = ['connected', 'disconnected'];
const actionCodes = ['documents_update_request', 'analytics_request'];
const GROUPS = 3 * 2 * 3 + 6; // status (2 + other) × archived × action (none, 2, other)
const groupOf = (c: Connection): number => {
  const s = statusCodes.indexOf(c.status);
  const a = c.active_action_type === null ? 0 : actionCodes.indexOf(c.active_action_type) + 1 || 3;
  return ((s < 0 ? 2 : s) * 2 + (c.archived === true ? 1 : 0)) * 4 + a;
};
const BLOCK = 64;

/** Filter groups of one order, by position, with counts per group before every block. */
export interface Counts {
  groups: Uint8Array;
  /** `cum[b * GROUPS + g]`: rows of group g before position b · BLOCK. */
  cum: Uint32Array;
}

export function countsOf(list: OrgList, o: FieldOrder): Counts {
  const n = o.order.length;
  const groups = new Uint8Array(n);
  const blocks = Math.ceil(n / BLOCK);
  const cum = new Uint32Array((blocks + 1) * GROUPS);
  const running = new Uint32Array(GROUPS);
  // Groups read in memory order, then placed in the field's order.
  const byRow = new Uint8Array(n);
  for (let row = 0; row < n; row++) byRow[row] = groupOf(list.rows[row]);
  for (let p = 0; p < n; p++) {
    if (p % BLOCK === 0) cum.set(running, (p / BLOCK) * GROUPS);
    const g = byRow[o.order[p]];
    groups[p] = g;
    running[g]++;
  }
  cum.set(running, blocks * GROUPS);
  return { groups, cum };
}

function selection(q: ListQuery): Uint8Array {
  const wanted = new Uint8Array(GROUPS);
  for (let g = 0; g < GROUPS; g++) {
    const a = g % 4;
    const archived = Math.floor(g / 4) % 2 === 1;
    const s = Math.floor(g / 8);
    const statusOk = s < 2 && q.statuses.includes(statusCodes[s]);
    const archivedOk = q.archived === undefined || q.archived === null || q.archived === archived;
    const actionOk =
      !q.active_action_types || (a === 1 || a === 2 ? q.active_action_types.includes(actionCodes[a - 1]) : false);
    wanted[g] = statusOk && archivedOk && actionOk ? 1 : 0;
  }
  return wanted;
}

/**
 * A page of the filtered list. Without a search, the page is found from the counts per group
 * (a binary search over blocks, then at most a block's scan) and the total is a sum of
 * counts; `candidates` (positions, from a search or the one connection a caller may see)
 * narrow the list first.
 */
export function queryIndex(
  list: OrgList,
  o: FieldOrder,
  counts: Counts,
  q: ListQuery,
  candidates: number[] | undefined,
): { items: Connection[]; total_items: number } {
  const wanted = selection(q);
  const { groups, cum } = counts;
  const { order, firstNull } = o;
  const n = order.length;
  const item = (p: number) => list.rows[order[p]];
  if (candidates) {
    const hits = Int32Array.from(candidates.filter((p) => wanted[groups[p]]));
    hits.sort();
    // Descending: the keyed part backwards, then the nulls as they are.
    let walk = hits;
    if (q.order_dir === 'desc') {
      let split = 0;
      while (split < hits.length && hits[split] < firstNull) split++;
      walk = new Int32Array(hits.length);
      for (let i = 0; i < split; i++) walk[i] = hits[split - 1 - i];
      walk.set(hits.subarray(split), split);
    }
    return { items: Array.from(walk.subarray(q.offset, q.offset + q.limit), item), total_items: hits.length };
  }
  const selected: number[] = [];
  for (let g = 0; g < GROUPS; g++) if (wanted[g]) selected.push(g);
  const blocks = Math.ceil(n / BLOCK);
  const before = (b: number) => {
    let s = 0;
    for (const g of selected) s += cum[b * GROUPS + g];
    return s;
  };
  /** Matches among positions [0, p). */
  const countTo = (p: number) => {
    const b = Math.floor(p / BLOCK);
    let s = before(b);
    for (let i = b * BLOCK; i < p; i++) s += wanted[groups[i]];
    return s;
  };
  /** The position of the k-th match (0-based) in ascending order. */
  const locate = (k: number) => {
    let lo = 0;
    let hi = blocks;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (before(mid) <= k) lo = mid;
      else hi = mid - 1;
    }
    let seen = before(lo);
    let p = lo * BLOCK;
    for (; p < n; p++) if (wanted[groups[p]] && seen++ === k) break;
    return p;
  };
  const total = before(blocks);
  const items: Connection[] = [];
  const forward = (from: number) => {
    for (let p = from; p < n && items.length < q.limit; p++) if (wanted[groups[p]]) items.push(item(p));
  };
  if (q.offset < total) {
    if (q.order_dir === 'asc') forward(locate(q.offset));
    else {
      const keyed = countTo(firstNull);
      if (q.offset < keyed) {
        for (let p = locate(keyed - 1 - q.offset); p >= 0 && items.length < q.limit; p--)
          if (wanted[groups[p]]) items.push(item(p));
        forward(firstNull);
      } else forward(locate(q.offset));
    }
  }
  return { items, total_items: total };
}
