import { bearer } from '../flows/helpers.js';
import { wingfieldChecks } from '../flows/wingfield.js';
import type { Adapter, RequestParts } from '../types.js';

export const wingfieldAdapter: Adapter<'wingfield'> = {
  api: 'wingfield',
  baseline(p, id): RequestParts | undefined {
    const headers = { Authorization: bearer(p.tokens.write) };
    const externalServiceId = p.external_service_id;
    const org = p.organizations?.related?.[0]?.id;
    switch (id) {
      case 'claimOrganizationRelation':
        return { headers, path: { externalServiceId }, body: { connectToken: p.connect_tokens?.unknown ?? 'wct_00000000000000000000000000000000', externalOrganizationId: 'connkit-verify' } };
      case 'listExternalServiceOrganizations':
        return { headers, path: { externalServiceId }, query: { offset: 0, limit: 10 } };
      case 'upsertOrganizationUserSubscription':
        return org && p.users?.[0] ? { headers, path: { organizationId: org, userId: p.users[0] }, body: { subscription: 'FREE' } } : undefined;
      case 'deleteOrganizationRelation':
        return org ? { headers, path: { externalServiceId, organizationId: org } } : undefined;
    }
  },
  scoped: () => true,
  invalidAuthorization: () => bearer('tok_ext_v1_000000000000.00000000000000000000000000000000'),
  insufficientScope(p, id) {
    const token = id === 'listExternalServiceOrganizations' ? p.tokens.none : p.tokens.read;
    return token ? { authorization: bearer(token), status: 403 } : undefined;
  },
  checks: wingfieldChecks,
};
