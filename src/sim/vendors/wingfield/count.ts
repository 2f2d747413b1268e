import { countRecords as countJson } from '../../cow/cost.js';
import type { WingfieldState } from './state.js';

/**
 * The objects and arrays of the state's export (what the memory budget counts), without making
 * the export: the small collections are walked; an organization or a relation holds no object
 * (the state schemas), so the two large ones count one per record and one for themselves.
 */
export function countRecords(state: WingfieldState): number {
  const { organizations, relations, ...small } = state.data;
  return countJson(small) + 2 + organizations.size + relations.size;
}
