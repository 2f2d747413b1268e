import type { operations } from '../../../generated/wingfield.js';
import { ApiError } from '../../errors.js';
import { found } from '../../found.js';
import type { TypedHandlers } from '../../module.js';
import type { WfPrincipal } from './auth.js';
import { connectTokenFormat, type WingfieldState } from './state.js';

const err = (kind: ConstructorParameters<typeof ApiError>[0]['kind'], code: string, message: string) =>
  new ApiError({ kind, code, message });

export const handlers: TypedHandlers<operations, WingfieldState, WfPrincipal> = {
  claimOrganizationRelation: ({ state, principal, body }) => {
    const { connectToken, externalOrganizationId } = body;
    if (!connectTokenFormat.test(connectToken))
      throw err('unprocessable', 'malformed_connect_token', 'Connect token format is invalid.');
    const ct = state.connectToken(connectToken);
    if (!ct) throw err('not_found', 'connect_token_not_found', 'Connect token was not found.');
    if (ct.external_service_id !== principal.serviceId)
      throw err('forbidden', 'organization_access_denied', 'Service is not granted access to the organization.');
    if (new Date(ct.expires_at) <= new Date()) throw err('gone', 'expired_connect_token', 'Connect token has expired.');
    if (ct.state !== 'open')
      throw err('conflict', 'connect_token_unusable', 'Connect token is already claimed, cancelled, or consumed.');
    const now = new Date().toISOString();
    const existing = state.relation(principal.serviceId, ct.organization_id);
    if (existing && existing.externalOrganizationId !== externalOrganizationId)
      throw err(
        'conflict',
        'external_organization_id_mismatch',
        'The target organization relation exists, but external organization IDs differ.',
      );
    const owner = state.relationByExternal(principal.serviceId, externalOrganizationId);
    if (owner && owner.organizationId !== ct.organization_id)
      throw err(
        'conflict',
        'external_organization_id_already_in_use',
        'The submitted external organization ID is already linked to a different organization relation.',
      );
    ct.state = 'claimed';
    if (existing) {
      existing.updatedAt = now;
      return { status: 200, body: existing };
    }
    return {
      status: 200,
      body: state.createRelation(principal.serviceId, ct.organization_id, externalOrganizationId, now),
    };
  },

  listExternalServiceOrganizations: ({ state, principal, params }) => {
    const { offset = 0, limit = 50 } = params.query;
    const { relations, total } = state.relationsOf(principal.serviceId, offset, limit);
    const items = relations.map((relation) => ({
      id: relation.organizationId,
      name: found(state.data.organizations.get(relation.organizationId), 'organization of a relation').name,
      relation,
    }));
    return { status: 200, body: { items, totalCount: total } };
  },

  upsertOrganizationUserSubscription: ({ state, principal, params, body }) => {
    const orgId = String(params.path.organizationId).toLowerCase();
    const userId = String(params.path.userId).toLowerCase();
    if (!state.data.organizations.has(orgId))
      throw err('not_found', 'organization_not_found', 'Organization was not found.');
    if (!state.relation(principal.serviceId, orgId))
      throw err('forbidden', 'organization_access_denied', 'Service is not granted access to the organization.');
    if (!Object.hasOwn(state.data.users, userId)) throw err('not_found', 'user_not_found', 'User was not found.');
    const { subscription } = body;
    const current = state.membership(orgId, userId);
    if (subscription === 'PRO') {
      const mine = current?.externally_managed_by === principal.serviceId;
      const quota = state.data.services[principal.serviceId].pro_quota;
      if (!mine && state.proSeatsUsed(principal.serviceId) >= quota)
        throw err(
          'forbidden',
          'pro_user_quota_exceeded',
          `The external service has no PRO seats left (quota ${quota}).`,
        );
      state.setMembership({
        organization_id: orgId,
        user_id: userId,
        subscription,
        externally_managed_by: principal.serviceId,
      });
    } else {
      state.setMembership({ organization_id: orgId, user_id: userId, subscription, externally_managed_by: null });
    }
    return { status: 200, body: {} };
  },

  deleteOrganizationRelation: ({ state, principal, params }) => {
    const relation = state.relation(principal.serviceId, String(params.path.organizationId).toLowerCase());
    if (!relation) throw err('not_found', 'organization_relation_not_found', 'Organization relation was not found.');
    state.deleteRelation(relation);
    return { status: 200, body: {} };
  },
};
