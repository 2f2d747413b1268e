import { isoKey, sortRows } from './radix.js';

/**
 * `records` ordered by an ISO timestamp, then by `tie`: the order comparing the strings
 * gives, through the radix sort on the timestamps' digits when every one is in
 * toISOString's form (a million records: tens of milliseconds instead of seconds of
 * comparator calls), by comparing the strings otherwise.
 */
export function sortByTimestamp<T>(records: readonly T[], at: (r: T) => string, tie: (a: T, b: T) => number): T[] {
  const n = records.length;
  const cmp = (a: T, b: T) => {
    const sa = at(a);
    const sb = at(b);
    return sa < sb ? -1 : sa > sb ? 1 : tie(a, b);
  };
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = isoKey(at(records[i]));
    if (k !== k) return [...records].sort(cmp);
    keys[i] = k;
  }
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  // Equal timestamps are the only runs left to the comparator: ties by `tie`.
  const order = sortRows(rows, keys, false, (a, b) => cmp(records[a], records[b]));
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = records[order[i]];
  return out;
}
