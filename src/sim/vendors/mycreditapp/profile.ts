import type { components } from '../../../generated/control.js';
import type { MyCreditAppState } from './state.js';
import { found } from '../../found.js';

export function profile(state: MyCreditAppState, baseUrl: string): components['schemas']['MyCreditAppProfile'] {
  const client = (label: string) => state.data.clients.find((c) => c.label === label);
  const org = (label: string) => {
    const c = client(label);
    if (!c) return undefined;
    const id = c.organization_id;
    return {
      id,
      name: state.org(id)?.name ?? '',
      access_token: c.access_token,
      // The first hundred: enough for every check, and a profile stays small at a million connections.
      host_ids: state.firstOf('hosts', id, 100),
      guest_ids: state.firstOf('guests', id, 100),
    };
  };
  const host = client('host')?.organization_id;
  const now = new Date();
  const tokens = (status: string) =>
    state
      .invitationsOf(host ?? '')
      .map((i) => state.invitationView(i, now))
      .filter((i) => i.status === status)
      .map((i) => i.invitation_token);
  return {
    api: 'mycreditapp',
    base_url: baseUrl,
    organizations: {
      guest: found(org('guest'), "client labelled 'guest'"),
      host: org('host'),
      unconnected: org('unconnected'),
      invitee: org('invitee'),
    },
    invitations: { sent: tokens('sent'), accepted: tokens('accepted'), expired: tokens('expired') },
    expired_access_token: client('expired')?.access_token,
  };
}
