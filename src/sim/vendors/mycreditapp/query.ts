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

type Key = string | number | null;

/** A sort key of a field, as the list shows it; strings compare case-insensitively. */
export function fieldOf(side: Side, field: string, orgs: Record<string, Org>): (c: Connection) => Key {
  const other = (c: Connection) => orgs[side === 'hosts' ? c.host_organization_id : c.guest_organization_id];
  switch (field) {
    case 'host_name':
    case 'guest_name':
      return (c) => other(c).name.toLowerCase();
    case 'host_email':
    case 'guest_email':
      return (c) => other(c).email.toLowerCase();
    case 'owner_email':
      return (c) => other(c).owner_email.toLowerCase();
    default:
      return (c) => (c as unknown as Record<string, Key>)[field] ?? null;
  }
}

/**
 * One organization's connections sorted by one field, ascending, nulls last, ties by the other
 * organization's id. Built once per state version and reused by every page, filter and
 * direction until the state changes.
 */
export interface SortedIndex {
  rows: Connection[];
  keys: Key[];
  /** Index in `rows` of the first null key (rows from here on have none). */
  firstNull: number;
  /** Connections per `${status}|${archived}`: totals for the common filters without a scan. */
  counts: Map<string, number>;
}

export function buildIndex(rows: Connection[], key: (c: Connection) => Key, tieId: (c: Connection) => string): SortedIndex {
  const entries = rows.map((c) => ({ c, k: key(c), id: tieId(c) }));
  entries.sort((a, b) => {
    if (a.k !== b.k) {
      if (a.k === null) return 1;
      if (b.k === null) return -1;
      return a.k < b.k ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const counts = new Map<string, number>();
  for (const c of rows) counts.set(`${c.status}|${c.archived}`, (counts.get(`${c.status}|${c.archived}`) ?? 0) + 1);
  const keys = entries.map((e) => e.k);
  const firstNull = keys.indexOf(null);
  return { rows: entries.map((e) => e.c), keys, firstNull: firstNull < 0 ? keys.length : firstNull, counts };
}

/** Positions of `index` in the requested order: ascending as built, descending with nulls still last. */
function* order(index: SortedIndex, dir: 'asc' | 'desc'): Generator<number> {
  if (dir === 'asc') {
    for (let i = 0; i < index.rows.length; i++) yield i;
    return;
  }
  for (let i = index.firstNull - 1; i >= 0; i--) yield i;
  for (let i = index.firstNull; i < index.rows.length; i++) yield i;
}

/**
 * A page of the filtered list. Pages stop as soon as they are full; `total_items` comes from
 * the index's counts when only statuses and archived filter, from one scan otherwise.
 */
export function queryIndex(
  index: SortedIndex,
  q: ListQuery,
  search: ((c: Connection) => boolean) | undefined,
  only: ((c: Connection) => boolean) | undefined,
): { items: Connection[]; total_items: number } {
  const statuses = new Set(q.statuses);
  const archived = q.archived ?? undefined;
  const actions = q.active_action_types ? new Set(q.active_action_types) : undefined;
  const match = (c: Connection) =>
    statuses.has(c.status) &&
    (archived === undefined || c.archived === archived) &&
    (!actions || (c.active_action_type !== null && actions.has(c.active_action_type))) &&
    (!search || search(c)) &&
    (!only || only(c));
  const items: Connection[] = [];
  let skipped = 0;
  let counted = 0;
  const exact = actions || search || only;
  for (const i of order(index, q.order_dir)) {
    const c = index.rows[i];
    if (!match(c)) continue;
    counted++;
    if (skipped < q.offset) skipped++;
    else if (items.length < q.limit) items.push(c);
    else if (!exact) break;
  }
  let total = counted;
  if (!exact) {
    total = 0;
    for (const s of statuses) for (const a of archived === undefined ? [true, false] : [archived]) total += index.counts.get(`${s}|${a}`) ?? 0;
  }
  return { items, total_items: total };
}
