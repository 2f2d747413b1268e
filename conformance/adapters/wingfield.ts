import { isRecord } from '../model/records.js';
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
        return {
          headers,
          path: { externalServiceId },
          body: {
            connectToken: p.connect_tokens?.unknown ?? 'wct_00000000000000000000000000000000',
            externalOrganizationId: 'connkit-verify',
          },
        };
      case 'listExternalServiceOrganizations':
        return { headers, path: { externalServiceId }, query: { offset: 0, limit: 10 } };
      case 'upsertOrganizationUserSubscription':
        return org && p.users?.[0]
          ? { headers, path: { organizationId: org, userId: p.users[0] }, body: { subscription: 'FREE' } }
          : undefined;
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
  model: {
    principals: (p) =>
      [p.tokens.write, p.tokens.read, p.tokens.none, p.tokens.other_service, p.tokens.expired]
        .filter((t) => t !== undefined)
        .map((t) => ({ Authorization: bearer(t) })),
    pools(p) {
      const ct = p.connect_tokens;
      const orgs = p.organizations;
      return {
        externalServiceId: [p.external_service_id, p.other_external_service_id].filter((s) => s !== undefined),
        organizationId: [...(orgs?.related ?? []).map((o) => o.id), ...(orgs?.unrelated ?? [])],
        userId: p.users ?? [],
        connectToken: [
          ...(ct?.open ?? []),
          ...(ct?.claimed ?? []),
          ...(ct?.cancelled ?? []),
          ...(ct?.expired ?? []),
          ...(ct?.other_service ?? []),
          ...(ct?.confirm ?? []).map((c) => c.token),
          ...(ct?.malformed ? [ct.malformed] : []),
          ...(ct?.unknown ? [ct.unknown] : []),
        ],
        externalOrganizationId: (orgs?.related ?? []).map((o) => o.external_organization_id),
      };
    },
    // A claim creates the relation: its id is Wingfield's to choose.
    assigned: { id: 'relationId' },
    consumables: () => [
      { state: 'open connect token', params: {}, pool: 'connectToken', field: 'connectToken' },
      // Two users without a seat: a PRO quota of one shows only on the second.
      { state: 'user without a seat', params: {}, pool: 'userId', field: 'user_id' },
      { state: 'user without a seat', params: {}, pool: 'userId', field: 'user_id' },
    ],
    errorType: (body) => (isRecord(body) && isRecord(body.error) ? body.error.type : body),
  },
};
