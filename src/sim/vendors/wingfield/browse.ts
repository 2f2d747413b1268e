import { fromRecord, type StateBrowser } from '../../browse.js';
import type { WingfieldState } from './state.js';

/** Wingfield's state as the page shows it: organization relations and what they join. */
export const wingfieldBrowser: StateBrowser<WingfieldState> = {
  relations: (s) => fromRecord(s.data.relations),
  organizations: (s) => fromRecord(s.data.organizations),
  'connect-tokens': (s) => fromRecord(s.data.connectTokens),
  memberships: (s) => fromRecord(s.data.memberships),
  users: (s) => fromRecord(s.data.users),
  services: (s) => fromRecord(s.data.services),
  tokens: (s) => fromRecord(s.data.tokens),
};
