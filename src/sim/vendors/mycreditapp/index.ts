import type { ApiModule } from '../../module.js';
import { authenticate, authorize, type McaPrincipal } from './auth.js';
import { controlFixtures } from './control.js';
import { formatError } from './errors.js';
import { createMyCreditApp } from './fixtures.js';
import { handlers } from './handlers.js';
import { MyCreditAppState, type McaData } from './state.js';

export const mycreditapp: ApiModule<MyCreditAppState, McaPrincipal> = {
  name: 'mycreditapp',
  state: {
    create: createMyCreditApp,
    toJSON: (s) => s.data,
    fromJSON: (json) => new MyCreditAppState(structuredClone(json) as McaData),
  },
  authenticate,
  authorize,
  formatError,
  handlers,
  controlFixtures,
  fixtures(state) {
    const byLabel = (label: string) => state.data.clients.find((c) => c.label === label);
    const orgs = Object.fromEntries(
      ['guest', 'host', 'unconnected', 'invitee'].map((label) => {
        const id = byLabel(label)!.organization_id;
        return [label, { id, name: state.data.orgs[id].name, host_ids: state.ofGuest(id).map((c) => c.host_organization_id), guest_ids: state.ofHost(id).map((c) => c.guest_organization_id) }];
      }),
    );
    const at = new Date();
    const invitations = Object.values(state.data.invitations).map((i) => {
      const v = state.invitationView(i, at);
      return { id: v.id, host_organization_id: v.host_organization_id, email: v.email, status: v.status, invitation_token: v.invitation_token };
    });
    return { organizations: orgs, clients: state.data.clients, invitations };
  },
  exampleCurl(state, baseUrl) {
    const c = state.data.clients.find((x) => x.label === 'guest')!;
    const org = c.organization_id;
    return `curl -H 'Authorization: Bearer ${c.access_token}' -H 'Requester-Organization-ID: ${org}' -H 'Target-Organization-ID: ${org}' '${baseUrl}/host-connections?statuses=connected&limit=10&offset=0'`;
  },
};
