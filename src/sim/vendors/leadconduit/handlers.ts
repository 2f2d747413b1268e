import type { operations } from '../../../generated/leadconduit.js';
import { ApiError } from '../../errors.js';
import type { TypedHandlers } from '../../module.js';
import type { LcPrincipal } from './auth.js';
import type { LcFaults } from './scenarios.js';
import type { LeadConduitState } from './state.js';

const ssoUnavailable = () => new ApiError({ kind: 'unavailable', message: 'SSO service unavailable' });

export const handlers: TypedHandlers<operations, LeadConduitState, LcPrincipal, LcFaults> = {
  listConnections: ({ state, principal, params, faults }) => {
    const { relationship_type } = params.query;
    const all = state.list(principal.accountId, Boolean(faults.ssoDown));
    const body = relationship_type ? all.filter((c) => c.relationship_type === relationship_type) : all;
    return { status: 200, body, headers: faults.ssoDown ? { 'X-Connections-Degraded': 'true' } : undefined };
  },

  getConnection: ({ state, principal, params, faults }) => {
    const id = String(params.path.id);
    const found = state.find(principal.accountId, id, Boolean(faults.ssoDown));
    if (!found)
      throw new ApiError({ kind: 'not_found', message: `connection not found: id ${id}`, field: ['path', 'id'] });
    return { status: 200, body: found };
  },

  repairConnection: ({ state, principal, body, faults }) => {
    if (faults.ssoDown) throw ssoUnavailable();
    const id = body.connection_id;
    if (state.hasRow(principal.accountId, id))
      throw new ApiError({
        kind: 'conflict',
        message: `connection_id ${id} already has an account_connections row`,
        field: ['body', 'connection_id'],
      });
    const row = state.repair(principal.accountId, id, new Date().toISOString());
    if (!row)
      throw new ApiError({
        kind: 'unprocessable',
        message: `connection_id ${id} not found in SSO for this account`,
        field: ['body', 'connection_id'],
      });
    return { status: 201, body: { id: row.id } };
  },

  syncAccountFromSso: ({ state, principal, faults }) => {
    if (faults.ssoDown) throw ssoUnavailable();
    return { status: 200, body: { success: true, account: state.sync(principal.accountId, new Date()) } };
  },
};
