import { countRecords as countJson } from '../../cow/cost.js';
import type { Auth0State } from './state.js';

/**
 * The objects and arrays of the state's export (what the memory budget counts), without making
 * the export: what is small is walked; a tenant connection or a link holds no object (the state
 * schemas), so each tenant's connections and each organization's links count one per record.
 */
export function countRecords(state: Auth0State): number {
  const { tenants, links, ...small } = state.data;
  let n = countJson(small) + 2;
  for (const t of Object.values(tenants)) {
    const { connections, ...rest } = t;
    n += countJson(rest) + 1 + connections.size;
  }
  for (const list of Object.values(links)) n += 1 + list.length;
  return n;
}
