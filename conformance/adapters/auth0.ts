import { isRecord } from '../model/records.js';
import { auth0Checks } from '../flows/auth0.js';
import { bearer, tamper } from '../flows/helpers.js';
import type { Adapter, RequestParts } from '../types.js';

export const auth0Adapter: Adapter<'auth0'> = {
  api: 'auth0',
  baseline(p, id): RequestParts | undefined {
    const headers = { Authorization: bearer(p.tokens.full) };
    const main = p.organizations.main;
    const scratch = p.organizations.empty ?? main;
    const link = { id: main.id, connection_id: main.connection_ids[0] ?? 'con_none' };
    switch (id) {
      case 'get_organization_connections':
        return { headers, path: { id: main.id }, query: { include_totals: true, page: 0, per_page: 50 } };
      case 'post_organization_connection':
        return {
          headers,
          path: { id: scratch.id },
          body: { connection_id: p.unlinked_connection_ids?.[0] ?? 'con_none', organization_access_level: 'none' },
        };
      case 'get_organization_connection':
      case 'delete_organization_connection':
        return { headers, path: link };
      case 'patch_organization_connection':
        return { headers, path: link, body: { is_enabled: true, organization_access_level: 'none' } };
      // The GA view of the same links (main's first link is enabled in the seeded profiles).
      case 'get_enabled_connections':
        return { headers, path: { id: main.id }, query: { include_totals: true, page: 0, per_page: 50 } };
      case 'post_enabled_connections':
        return {
          headers,
          path: { id: scratch.id },
          body: { connection_id: p.unlinked_connection_ids?.[0] ?? 'con_none', show_as_button: true },
        };
      case 'get_enabled_connections_by_connectionId':
      case 'delete_enabled_connections_by_connectionId':
        return { headers, path: { id: link.id, connectionId: link.connection_id } };
      case 'patch_enabled_connections_by_connectionId':
        return {
          headers,
          path: { id: link.id, connectionId: link.connection_id },
          body: { assign_membership_on_login: false },
        };
    }
  },
  scoped: () => true,
  invalidAuthorization: (p) => bearer(tamper(p.tokens.full)),
  insufficientScope: (p) => (p.tokens.no_scope ? { authorization: bearer(p.tokens.no_scope), status: 403 } : undefined),
  checks: auth0Checks,
  model: {
    principals: (p) =>
      [p.tokens.full, p.tokens.read_only, p.tokens.no_scope, p.tokens.other_tenant, p.tokens.expired]
        .filter((t) => t !== undefined)
        .map((t) => ({ Authorization: bearer(t) })),
    pools(p) {
      const orgs = [p.organizations.main, p.organizations.empty, p.organizations.other_tenant].filter(
        (o) => o !== undefined,
      );
      const connections = [...orgs.flatMap((o) => o.connection_ids), ...(p.unlinked_connection_ids ?? [])];
      return { id: orgs.map((o) => o.id), connection_id: connections, connectionId: connections };
    },
    // Links are keyed by the connection the caller names: Auth0 assigns no id of its own here.
    assigned: {},
    consumables: (p) => [
      {
        state: 'unlinked auth0 connection',
        params: { organization_id: (p.organizations.empty ?? p.organizations.main).id },
        pool: 'connection_id',
        field: 'connection_id',
      },
    ],
    errorType: (body) => (isRecord(body) ? { statusCode: body.statusCode, errorCode: body.errorCode } : body),
  },
};
