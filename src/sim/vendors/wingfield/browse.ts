import { fromMap, fromRecord, type StateBrowser } from '../../browse.js';
import type { WingfieldState } from './state.js';

/** Wingfield's state as the page shows it: organization relations and what they join. */
export const wingfieldBrowser: StateBrowser<WingfieldState> = {
  relations: (s, v) => fromMap(s.data.relations, v),
  organizations: (s, v) => fromMap(s.data.organizations, v),
  'connect-tokens': (s, v) => fromRecord(s.data.connectTokens, v),
  memberships: (s, v) => fromRecord(s.data.memberships, v),
  users: (s, v) => fromRecord(s.data.users, v),
  services: (s, v) => fromRecord(s.data.services, v),
  tokens: (s, v) => fromRecord(s.data.tokens, v),
};
