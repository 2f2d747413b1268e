import { fromArray, fromGroups, fromMap, fromRecord, type Collection, type StateBrowser } from '../../browse.js';
import type { Auth0State, Tenant } from './state.js';

/** Every tenant's records of one kind, each with its tenant's id. */
function acrossTenants(tenants: Record<string, Tenant>, pick: (t: Tenant) => Collection): Collection {
  return {
    size: () => Object.values(tenants).reduce((n, t) => n + pick(t).size(), 0),
    *entries() {
      for (const t of Object.values(tenants))
        for (const [id, r] of pick(t).entries()) yield [id, { tenant: t.id, ...r }];
    },
  };
}

/** Auth0's state as the page shows it: organization links, and what they link. */
export const auth0Browser: StateBrowser<Auth0State> = {
  links: (s) => fromGroups(s.data.links, 'organization_id', (org, l) => `${org}/${l.connection_id}`),
  organizations: (s) => acrossTenants(s.data.tenants, (t) => fromRecord(t.organizations)),
  connections: (s) => acrossTenants(s.data.tenants, (t) => fromMap(t.connections)),
  tenants: (s) =>
    fromRecord(
      Object.fromEntries(Object.entries(s.data.tenants).map(([id, t]) => [id, { id: t.id, domain: t.domain }])),
    ),
  tokens: (s) => fromArray(s.data.tokens, (t) => t.label),
};
