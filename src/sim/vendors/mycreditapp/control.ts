import { ApiError } from '../../errors.js';
import type { MyCreditAppState } from './state.js';
import { found } from '../../found.js';

const day = 86_400_000;

export const controlFixtures = {
  createMyCreditAppInvitation(
    state: MyCreditAppState,
    body: { host_organization_id?: string; email?: string; state: 'sent' | 'expired' | 'accepted' },
  ) {
    const host =
      body.host_organization_id?.toLowerCase() ??
      found(
        state.data.clients.find((c) => c.label === 'host'),
        "client labelled 'host'",
      ).organization_id;
    if (!state.org(host))
      throw new ApiError({ kind: 'not_found', code: 'not_found', message: `no organization ${host}` });
    const now = Date.now();
    const at = new Date(now).toISOString();
    const inv = state.addInvitation({
      host_organization_id: host,
      email: body.email ?? `invitee-${state.data.counter}@connkit.test`,
      first_invitation_sent_at: at,
      last_invitation_sent_at: at,
      expired_at: new Date(body.state === 'expired' ? now - day : now + 30 * day).toISOString(),
      status: body.state === 'accepted' ? 'accepted' : 'sent',
      archived: false,
      created_at: at,
      updated_at: at,
      accepted_at: body.state === 'accepted' ? at : null,
      archived_at: null,
      parent_organization_id: null,
    });
    return { id: inv.id, host_organization_id: host, invitation_token: inv.invitation_token, status: body.state };
  },

  createMyCreditAppOrganization(state: MyCreditAppState, body: { name?: string }) {
    const n = state.data.counter;
    const org = state.addOrg({
      name: body.name ?? `Control Org ${n}`,
      email: `org-${n}@connkit.test`,
      owner_email: `owner-${n}@connkit.test`,
      parent_organization_id: null,
    });
    const client = state.mintClient('control', org.id);
    return { id: org.id, name: org.name, access_token: client.access_token };
  },
};
