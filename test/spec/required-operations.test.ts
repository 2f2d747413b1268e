import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/contract/index.js';

// The operations the contracts issue asks for, by method and path: a spec that loses one
// fails here, whatever its operationId.
const required: Record<string, string[]> = {
  leadconduit: ['get /connections', 'get /connections/{id}', 'post /connections/repair', 'post /account_sso_sync'],
  auth0: [
    'get /organizations/{id}/connections',
    'post /organizations/{id}/connections',
    'get /organizations/{id}/connections/{connection_id}',
    'patch /organizations/{id}/connections/{connection_id}',
    'delete /organizations/{id}/connections/{connection_id}',
    // The GA view of the same links, which Auth0's SDKs call `enabledConnections`.
    'get /organizations/{id}/enabled_connections',
    'post /organizations/{id}/enabled_connections',
    'get /organizations/{id}/enabled_connections/{connectionId}',
    'patch /organizations/{id}/enabled_connections/{connectionId}',
    'delete /organizations/{id}/enabled_connections/{connectionId}',
  ],
  mycreditapp: [
    'get /host-connections',
    'post /host-connections',
    'get /host-connections/{host_org_id}',
    'patch /host-connections/{host_org_id}',
    'get /guest-connections',
    'get /guest-connections/{guest_org_id}',
    'patch /guest-connections/{guest_org_id}',
    'post /guest-invitations',
    'get /guest-invitations',
  ],
  wingfield: [
    'post /external-services/{externalServiceId}/organization-relations/claim',
    'get /external-services/{externalServiceId}/organizations',
    'put /organizations/{organizationId}/users/{userId}/subscription',
    'delete /external-services/{externalServiceId}/organizations/{organizationId}/relation',
  ],
};

const requiredStatuses: Record<string, string[]> = {
  repairConnection: ['201', '400', '401', '409', '422'],
  listConnections: ['200', '400', '401'],
  post_organization_connection: ['201', '400', '401', '403', '409', '429'],
  delete_organization_connection: ['204', '401', '403', '429'],
  get_enabled_connections: ['200', '400', '401', '403', '429'],
  post_enabled_connections: ['201', '400', '401', '403', '429'],
  get_enabled_connections_by_connectionId: ['200', '401', '403', '429'],
  patch_enabled_connections_by_connectionId: ['200', '400', '401', '403', '429'],
  delete_enabled_connections_by_connectionId: ['204', '400', '401', '403', '429'],
  claimOrganizationRelation: ['200', '400', '401', '403', '404', '409', '410', '422'],
  upsertOrganizationUserSubscription: ['200', '400', '401', '403', '404', '500'],
  deleteOrganizationRelation: ['200', '400', '401', '403', '404'],
  getHostConnections: ['200', '422'],
};

describe.each(Object.keys(required))('%s spec', (name) => {
  const index = buildIndex(name);
  it('holds every operation of the contract', () => {
    const present = index.operations.map((o) => `${o.method} ${o.path}`);
    expect(present).toEqual(expect.arrayContaining(required[name]));
  });
  it('gives every operation a unique operationId and a documented 401', () => {
    const ids = index.operations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of index.operations) expect([...op.responses.keys()], op.id).toContain('401');
  });
  it('documents the statuses the sources name', () => {
    for (const op of index.operations) {
      const want = requiredStatuses[op.id];
      if (want) expect([...op.responses.keys()], op.id).toEqual(expect.arrayContaining(want));
    }
  });
});
