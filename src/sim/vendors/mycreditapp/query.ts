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

type Row = { status: string; archived: boolean; active_action_type: string | null } & Record<string, unknown>;

/**
 * Filters (OR within a filter, AND across them), case-insensitive substring search, sort with
 * nulls last and `tieBreak` ascending, then the page; `total_items` counts before paging.
 */
export function queryList<T extends Row>(rows: T[], q: ListQuery, tieBreak: keyof T & string): { items: T[]; total_items: number } {
  const statuses = new Set(q.statuses);
  const actions = q.active_action_types ? new Set(q.active_action_types) : undefined;
  const needle = q.search_text?.toLowerCase();
  const matching = rows.filter(
    (r) =>
      statuses.has(r.status) &&
      (q.archived === undefined || q.archived === null || r.archived === q.archived) &&
      (!actions || (r.active_action_type !== null && actions.has(r.active_action_type))) &&
      (!needle || String(r[q.search_field] ?? '').toLowerCase().includes(needle)),
  );
  const dir = q.order_dir === 'desc' ? -1 : 1;
  const key = q.order_by;
  matching.sort((a, b) => {
    const x = a[key] as string | number | null;
    const y = b[key] as string | number | null;
    if (x !== y) {
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'string' && typeof y === 'string' ? x.toLowerCase().localeCompare(y.toLowerCase()) || (x < y ? -1 : x > y ? 1 : 0) : x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return c * dir;
    }
    return String(a[tieBreak]) < String(b[tieBreak]) ? -1 : 1;
  });
  return { items: matching.slice(q.offset, q.offset + q.limit), total_items: matching.length };
}
