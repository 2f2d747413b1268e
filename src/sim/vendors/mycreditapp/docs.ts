import type { DocsEntry } from '../../module.js';
import { profile } from './profile.js';
import type { MyCreditAppState } from './state.js';

/** The page's docs of MyCreditApp: the guest organization acting for itself, with its client token. */
export function docs(state: MyCreditAppState): DocsEntry {
  const guest = profile(state, '').organizations.guest;
  return {
    tryIt: {
      'Requester-Organization-ID': guest.id,
      'Target-Organization-ID': guest.id,
      guest_org_id: guest.id,
      host_org_id: guest.host_ids?.[0],
      statuses: 'connected',
      limit: 10,
      offset: 0,
    },
    signIn: { label: "the guest organization's client token", scheme: 'bearerAuth', token: guest.access_token },
    extra: [['Requester-Organization-ID', guest.id]],
  };
}
