import { text } from '../../control/params.js';
import { controlFixtures } from './control.js';
import type { MyCreditAppState } from './state.js';

/** The consumable fixtures verify asks MyCreditApp for (POST /__control/provider-states). */
export const providerStates = {
  'pending invitation': (state: MyCreditAppState, params: Record<string, unknown>) => {
    const invitee = controlFixtures.createMyCreditAppOrganization(state, { name: 'Invited Guest' });
    const invitation = controlFixtures.createMyCreditAppInvitation(state, {
      state: 'sent',
      host_organization_id: text(params.host_organization_id),
    });
    return {
      invitation_token: invitation.invitation_token,
      host_organization_id: invitation.host_organization_id,
      invitee: { id: invitee.id, access_token: invitee.access_token },
    };
  },
};
