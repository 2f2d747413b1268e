import type { Connection, Org } from './state.js';
import { isoMs, type McaTables, type Side, type TextField, type TimeField } from './tables.js';

/** List fields that are the other organization's (they never change), by the organization's field. */
export const orgField: Record<string, TextField> = {
  host_name: 'name',
  guest_name: 'name',
  host_email: 'email',
  guest_email: 'email',
  owner_email: 'owner_email',
};

/** A row's place in one order: nulls last; then the value; then the other organization's id. */
export interface Key {
  nul: boolean;
  num: number;
  str: string;
  tie: string;
}

export function compareKeys(a: Key, b: Key): number {
  if (a.nul !== b.nul) return a.nul ? 1 : -1;
  if (!a.nul) {
    if (a.str !== b.str) return a.str < b.str ? -1 : 1;
    if (a.num !== b.num) return a.num < b.num ? -1 : 1;
  }
  return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0;
}

/** A timestamp's sort number, as the columns keep it (see McaTables.addConnection). */
export function timeKey(v: string): number {
  const ms = isoMs(v);
  if (ms === ms) return ms;
  const parsed = Date.parse(v);
  return parsed === parsed ? parsed : Number.POSITIVE_INFINITY;
}

/** The key of a base row, read from the columns. */
export function rowKey(t: McaTables, side: Side, field: string, row: number): Key {
  const other = t.otherOf(side)[row];
  const tie = t.orgIds[other];
  const text = orgField[field];
  if (text) return { nul: false, num: 0, str: t.orgText[text][other].toLowerCase(), tie };
  const v = field === 'total_score' ? t.score[row] : t.time[field as TimeField][row];
  return { nul: v !== v, num: v, str: '', tie };
}

/** The key of a connection record (a changed or added row). */
export function recordKey(c: Connection, side: Side, field: string, org: (id: string) => Org): Key {
  const id = side === 'hosts' ? c.host_organization_id : c.guest_organization_id;
  const text = orgField[field];
  if (text) return { nul: false, num: 0, str: org(id)[text].toLowerCase(), tie: id };
  const v = (c as unknown as Record<string, string | number | null>)[field] ?? null;
  if (v === null) return { nul: true, num: 0, str: '', tie: id };
  return { nul: false, num: typeof v === 'number' ? v : timeKey(v), str: '', tie: id };
}

// A row's filter group: status × archived × active action (see query.ts's selection).
export const GROUPS = 3 * 2 * 4;
const group = (status: number, archived: boolean, action: number) =>
  ((status < 2 ? status : 2) * 2 + (archived ? 1 : 0)) * 4 + (action < 3 ? action : 3);

export const rowGroup = (t: McaTables, row: number): number =>
  group(t.status[row], t.archived[row] === 1, t.action[row]);

export function recordGroup(c: Connection): number {
  const s = c.status === 'connected' ? 0 : c.status === 'disconnected' ? 1 : 2;
  const a =
    c.active_action_type === null
      ? 0
      : c.active_action_type === 'documents_update_request'
        ? 1
        : c.active_action_type === 'analytics_request'
          ? 2
          : 3;
  return group(s, c.archived === true, a);
}
