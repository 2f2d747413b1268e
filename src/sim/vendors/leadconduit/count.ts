import { countRecords as countJson, objectCount as o } from '../../cow/cost.js';
import type { AccountConnectionRow, LeadConduitState, NetworkConnection } from './state.js';

// The records' nested values as the state schemas have them: a counterpart, UI state, entity
// or custom entity holds no object but an entity's two id arrays.
const ncCount = (nc: NetworkConnection) => 1 + o(nc.counterpart) + o(nc.permissions);
const rowCount = (r: AccountConnectionRow) => {
  const e = r.account_entity;
  const entity = e ? 1 + o(e.flow_ids) + o(e.module_ids) : 0;
  const custom = o(r.custom_entities) + r.custom_entities.length;
  return 1 + o(r.connected_account) + o(r.ui_state) + o(r.permissions) + entity + custom;
};

/**
 * The objects and arrays of the state's export (what the memory budget counts), without making
 * the export: the small collections are walked, the two large ones counted record by record.
 */
export function countRecords(state: LeadConduitState): number {
  const { networkConnections, rows, ...small } = state.data;
  let n = countJson(small) + 2;
  for (const nc of networkConnections.values()) n += ncCount(nc);
  for (const row of rows.values()) n += rowCount(row);
  return n;
}
