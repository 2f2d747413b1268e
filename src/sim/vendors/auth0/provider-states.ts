import { ApiError } from '../../errors.js';
import { mintHex } from '../../seeded.js';
import type { Auth0State } from './state.js';

/** The consumable fixtures verify asks Auth0 for (POST /__control/provider-states). */
export const providerStates = {
  // Auth0's tenant connections are made in its dashboard, not through the API under test.
  'unlinked auth0 connection': (state: Auth0State, params: Record<string, unknown>) => {
    const orgId = String(params.organization_id);
    const tenant = Object.values(state.data.tenants).find((t) => Object.hasOwn(t.organizations, orgId));
    if (!tenant) throw new ApiError({ kind: 'not_found', code: 'not_found', message: `no organization ${orgId}` });
    const id = `con_${mintHex(state.data.seed, 'auth0-provider-state', state.data.counter++, 16)}`;
    tenant.connections.set(id, { id, name: `provider-state-${id.slice(4, 12)}`, strategy: 'auth0' });
    return { connection_id: id, organization_id: orgId };
  },
};
