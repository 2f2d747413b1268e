import { GROUPS } from './keys.js';

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

const statusCodes = ['connected', 'disconnected'];
const actionCodes = ['documents_update_request', 'analytics_request'];

/** The filter groups (status × archived × action, see keys.ts) a list's filters take. */
export function selection(q: ListQuery): Uint8Array {
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
