import { isRecord } from '../model/records.js';
import { leadconduitChecks } from '../flows/leadconduit.js';
import { basic } from '../flows/helpers.js';
import type { Adapter, RequestParts } from '../types.js';

export const leadconduitAdapter: Adapter<'leadconduit'> = {
  api: 'leadconduit',
  baseline(p, id): RequestParts | undefined {
    const user = { Authorization: basic(p.credentials.user) };
    const completed = p.connections.completed[0];
    switch (id) {
      case 'listConnections':
        return { headers: user };
      case 'getConnection':
        return { headers: user, path: { id: completed.id } };
      case 'repairConnection':
        return p.credentials.superuser
          ? {
              headers: { Authorization: basic(p.credentials.superuser) },
              body: { connection_id: completed.external_id },
            }
          : undefined;
      case 'syncAccountFromSso':
        return { headers: user };
    }
  },
  scoped: (id) => id === 'repairConnection',
  invalidAuthorization: () => basic('0000000000000000000000000000000000000000'),
  // LeadConduit has no scopes; the one role it checks is superuser, refused with 401 (seed 000).
  insufficientScope: (p, id) =>
    id === 'repairConnection' ? { authorization: basic(p.credentials.user), status: 401 } : undefined,
  checks: leadconduitChecks,
  model: {
    principals: (p) =>
      [p.credentials.user, p.credentials.superuser, p.credentials.other_account_user]
        .filter((k) => k !== undefined)
        .map((k) => ({ Authorization: basic(k) })),
    pools(p) {
      const c = p.connections;
      const completed = c.completed;
      return {
        id: [
          ...completed.map((x) => x.id),
          ...completed.map((x) => x.external_id),
          ...completed.map((x) => x.invitation_id),
          ...(c.sso_only ?? []),
          ...(c.other_account ?? []),
        ],
        connection_id: [
          ...completed.map((x) => x.external_id),
          ...completed.map((x) => x.id),
          ...(c.sso_only ?? []),
          ...(c.other_account_sso_only ?? []),
        ],
      };
    },
    assigned: {},
    consumables: () => [
      { state: 'sso-only connection', params: { relationship_type: 'seller' }, pool: 'connection_id', field: 'id' },
    ],
    // LeadConduit's envelope is one sentence naming the problem: the sentence is its error type.
    errorType: (body) => (isRecord(body) ? body.error : body),
  },
};
