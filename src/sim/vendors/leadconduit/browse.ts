import { fromRecord, type StateBrowser } from '../../browse.js';
import type { LeadConduitState } from './state.js';

/** LeadConduit's state as the page shows it: the LC rows, the SSO side, who may call. */
export const leadconduitBrowser: StateBrowser<LeadConduitState> = {
  connections: (s) => fromRecord(s.data.rows),
  'sso-connections': (s) => fromRecord(s.data.networkConnections),
  accounts: (s) => fromRecord(s.data.accounts),
  'sso-accounts': (s) => fromRecord(s.data.ssoAccounts),
  invitations: (s) => fromRecord(s.data.invitations),
  credentials: (s) => fromRecord(s.data.credentials),
};
