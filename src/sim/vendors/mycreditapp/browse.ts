import { fromArray, fromRecord, type StateBrowser } from '../../browse.js';
import type { MyCreditAppState } from './state.js';

/** MyCreditApp's state as the page shows it: host–guest connections, organizations, invitations. */
export const mycreditappBrowser: StateBrowser<MyCreditAppState> = {
  connections: (s) => fromArray(s.data.connections, (c) => `${c.host_organization_id}/${c.guest_organization_id}`),
  organizations: (s, v) => fromRecord(s.data.orgs, v),
  invitations: (s, v) => fromRecord(s.data.invitations, v),
  clients: (s) => fromArray(s.data.clients, (c) => c.label),
};
