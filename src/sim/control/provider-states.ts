import type { components } from '../../generated/control.js';
import type { VendorName } from '../../spec/names.js';
import { ApiError } from '../errors.js';
import { mintHex } from '../seeded.js';
import { vendorModules } from '../vendors/index.js';
import type { Auth0State } from '../vendors/auth0/state.js';
import type { WingfieldState } from '../vendors/wingfield/state.js';

type S = components['schemas'];
export type ProviderStateRequest = S['ProviderStateRequest'];
export type ProviderStateAnswer = S['ProviderStateAnswer'];

/** The session's state of an API, or undefined when the simulator does not serve it. */
export type StateOf = (api: VendorName) => unknown;

const notServed = (api: VendorName) => new ApiError({ kind: 'not_found', code: 'api_not_served', message: `${api} is not served (see --api)` });

function stateOf<T>(states: StateOf, api: VendorName): T {
  const s = states(api);
  if (s === undefined) throw notServed(api);
  return s as T;
}

/** A vendor module's control fixture, called as the control API calls it. */
const fixture = (states: StateOf, api: VendorName, operationId: string, body: object) => vendorModules[api].controlFixtures![operationId](stateOf(states, api), body);

/**
 * POST /__control/provider-states: the fresh fixture each consumable state names, built by the
 * vendor modules' own control fixtures (the rest by the few lines of state they lack).
 */
export function mintProviderState(request: ProviderStateRequest, states: StateOf): ProviderStateAnswer {
  switch (request.state) {
    case 'open connect token': {
      const made = fixture(states, 'wingfield', 'createWingfieldConnectToken', { state: 'open', ...request.params }) as { connectToken: string; organization_id: string };
      return { connectToken: made.connectToken, organization_id: made.organization_id };
    }
    case 'sso-only connection': {
      const made = fixture(states, 'leadconduit', 'createSsoOnlyConnection', { relationship_type: request.params?.relationship_type ?? 'seller' }) as { id: string; relationship_type: 'seller' | 'buyer' };
      return { id: made.id, relationship_type: made.relationship_type };
    }
    case 'pending invitation': {
      const invitee = fixture(states, 'mycreditapp', 'createMyCreditAppOrganization', { name: 'Invited Guest' }) as { id: string; access_token: string };
      const invitation = fixture(states, 'mycreditapp', 'createMyCreditAppInvitation', { state: 'sent', ...request.params }) as { invitation_token: string; host_organization_id: string };
      return { invitation_token: invitation.invitation_token, host_organization_id: invitation.host_organization_id, invitee: { id: invitee.id, access_token: invitee.access_token } };
    }
    case 'unlinked auth0 connection': {
      // Auth0's tenant connections are made in its dashboard, not through the API under test.
      const state = stateOf<Auth0State>(states, 'auth0');
      const orgId = request.params.organization_id;
      const tenant = Object.values(state.data.tenants).find((t) => Object.hasOwn(t.organizations, orgId));
      if (!tenant) throw new ApiError({ kind: 'not_found', code: 'not_found', message: `no organization ${orgId}` });
      const id = `con_${mintHex(state.data.seed, 'auth0-provider-state', state.data.counter++, 16)}`;
      tenant.connections[id] = { id, name: `provider-state-${id.slice(4, 12)}`, strategy: 'auth0' };
      return { connection_id: id, organization_id: orgId };
    }
    case 'user without a seat': {
      // Wingfield's users sign up in its app; a new one holds no seat anywhere.
      const state = stateOf<WingfieldState>(states, 'wingfield');
      const id = state.uuid();
      state.data.users[id] = { id, email: `user-${id.slice(0, 8)}@connkit.test` };
      return { user_id: id };
    }
  }
}
