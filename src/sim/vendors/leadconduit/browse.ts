import { fromMap, fromRecord, type StateBrowser } from '../../browse.js';
import type { LeadConduitState } from './state.js';

/** LeadConduit's state as the page shows it: the LC rows, the SSO side, who may call. */
export const leadconduitBrowser: StateBrowser<LeadConduitState> = {
  connections: (s, v) => fromMap(s.data.rows, v),
  'sso-connections': (s, v) => fromMap(s.data.networkConnections, v),
  accounts: (s, v) => fromRecord(s.data.accounts, v),
  'sso-accounts': (s, v) => fromRecord(s.data.ssoAccounts, v),
  invitations: (s, v) => fromRecord(s.data.invitations, v),
  credentials: (s, v) => fromRecord(s.data.credentials, v),
};
