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

/**
 * A page of the filtered list. Pages stop as soon as they are full; `total_items` comes from
 * the index's counts when only statuses and archived filter, from one scan otherwise.
 * `search`, when given, is the set of connections whose search field matches.
 */
export function queryIndex(
  index: SortedIndex,
  q: ListQuery,
  search: ReadonlySet<Connection> | undefined,
  only: ((c: Connection) => boolean) | undefined,
): { items: Connection[]; total_items: number } {
  const statuses = new Set(q.statuses);
  const archived = q.archived ?? undefined;
  const actions = q.active_action_types ? new Set(q.active_action_types) : undefined;
  const match = (c: Connection) =>
    statuses.has(c.status) &&
    (archived === undefined || c.archived === archived) &&
    (!actions || (c.active_action_type !== null && actions.has(c.active_action_type))) &&
    (!search || search.has(c)) &&
    (!only || only(c));
  const exact = Boolean(actions || search || only);
  const items: Connection[] = [];
  let counted = 0;
  const { rows, firstNull } = index;
  const visit = (i: number): boolean => {
    const c = rows[i];
    if (!match(c)) return true;
    if (counted++ >= q.offset && items.length < q.limit) items.push(c);
    return exact || items.length < q.limit;
  };
  // Ascending as built; descending walks the keyed part backwards and keeps nulls last.
  if (q.order_dir === 'asc') {
    for (let i = 0; i < rows.length && visit(i); i++);
  } else {
    let going = true;
    for (let i = firstNull - 1; i >= 0 && going; i--) going = visit(i);
    for (let i = firstNull; i < rows.length && going; i++) going = visit(i);
  }
  if (exact) return { items, total_items: counted };
  let total = 0;
  for (const s of statuses) for (const a of archived === undefined ? [true, false] : [archived]) total += index.counts.get(`${s}|${a}`) ?? 0;
  return { items, total_items: total };
}
