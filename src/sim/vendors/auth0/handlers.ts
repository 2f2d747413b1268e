import type { operations } from '../../../generated/auth0.js';
import { ApiError } from '../../errors.js';
import type { TypedHandlers } from '../../module.js';
import type { Auth0Principal } from './auth.js';
import { linkDefaults, type Auth0State, type Link } from './state.js';

/** What every handler here reads: the tenant's state and who is calling. */
interface Scope {
  state: Auth0State;
  principal: Auth0Principal;
}

const noOrganization = () =>
  new ApiError({
    kind: 'not_found',
    message: 'No organization found by that id.',
    code: 'inexistent_organization',
    field: ['path', 'id'],
  });
const noLink = (param: string) =>
  new ApiError({
    kind: 'not_found',
    message: 'The organization connection does not exist.',
    code: 'inexistent_organization_connection',
    field: ['path', param],
  });
const conflict = () =>
  new ApiError({
    kind: 'conflict',
    message: 'The organization connection already exists.',
    code: 'organization_connection_conflict',
    field: ['body', 'connection_id'],
  });

function organization({ state, principal }: Scope, id: string): string {
  if (!state.organization(principal.tenant, id)) throw noOrganization();
  return id;
}

/** The tenant connection a new link points at; connections are not created here. */
function tenantConnection({ principal }: Scope, connectionId: string): void {
  if (!principal.tenant.connections.has(connectionId))
    throw new ApiError({
      kind: 'not_found',
      message: `The connection does not exist: connection_id ${connectionId}`,
      code: 'inexistent_connection',
      field: ['body', 'connection_id'],
    });
}

/** A link as one view sees it: the EA view sees every link, the GA view the enabled ones. */
function visibleLink(scope: Scope, orgId: string, connectionId: string, param: string, view: 'all' | 'enabled'): Link {
  const { link } = scope.state.find(organization(scope, orgId), connectionId);
  if (!link || (view === 'enabled' && !link.is_enabled)) throw noLink(param);
  return link;
}

function page<T>(items: T[], page = 0, perPage = 50) {
  const start = page * perPage;
  return { start, limit: perPage, total: items.length, items: items.slice(start, start + perPage) };
}

export const handlers: TypedHandlers<operations, Auth0State, Auth0Principal> = {
  // ── The EA view: /organizations/{id}/connections ──────────────────────────────────────────
  get_organization_connections: (ctx) => {
    const orgId = organization(ctx, ctx.params.path.id);
    const { page: p, per_page, include_totals, is_enabled } = ctx.params.query;
    const all = ctx.state.links(orgId);
    const matching = is_enabled === undefined ? all : all.filter((l) => l.is_enabled === is_enabled);
    const { items, ...window } = page(matching, p, per_page);
    const connections = items.map((l) => ctx.state.view(ctx.principal.tenant, l));
    return { status: 200, body: include_totals ? { ...window, connections } : connections };
  },

  post_organization_connection: (ctx) => {
    const orgId = organization(ctx, ctx.params.path.id);
    const input = ctx.body;
    tenantConnection(ctx, input.connection_id);
    if (ctx.state.find(orgId, input.connection_id).link) throw conflict();
    const link: Link = { ...linkDefaults, organization_connection_name: null, ...input };
    ctx.state.insert(orgId, link);
    return { status: 201, body: ctx.state.view(ctx.principal.tenant, link) };
  },

  get_organization_connection: (ctx) => {
    const link = visibleLink(ctx, ctx.params.path.id, ctx.params.path.connection_id, 'connection_id', 'all');
    return { status: 200, body: ctx.state.view(ctx.principal.tenant, link) };
  },

  patch_organization_connection: (ctx) => {
    const link = visibleLink(ctx, ctx.params.path.id, ctx.params.path.connection_id, 'connection_id', 'all');
    const input = ctx.body;
    // null puts a nullable member back to its default (the connection's own name, none, enabled).
    if (input.organization_connection_name !== undefined)
      link.organization_connection_name = input.organization_connection_name;
    if (input.organization_access_level !== undefined)
      link.organization_access_level = input.organization_access_level ?? linkDefaults.organization_access_level;
    if (input.is_enabled !== undefined) link.is_enabled = input.is_enabled ?? linkDefaults.is_enabled;
    for (const key of ['assign_membership_on_login', 'show_as_button', 'is_signup_enabled'] as const)
      if (input[key] !== undefined) link[key] = input[key];
    return { status: 200, body: ctx.state.view(ctx.principal.tenant, link) };
  },

  delete_organization_connection: (ctx) => {
    const link = visibleLink(ctx, ctx.params.path.id, ctx.params.path.connection_id, 'connection_id', 'all');
    ctx.state.remove(ctx.params.path.id, link.connection_id);
    return { status: 204, body: undefined };
  },

  // ── The GA view of the same links: /organizations/{id}/enabled_connections ───────────────
  get_enabled_connections: (ctx) => {
    const orgId = organization(ctx, ctx.params.path.id);
    const { page: p, per_page, include_totals } = ctx.params.query;
    const { items, ...window } = page(ctx.state.enabledLinks(orgId), p, per_page);
    const enabled_connections = items.map((l) => ctx.state.enabledView(ctx.principal.tenant, l));
    return { status: 200, body: include_totals ? { ...window, enabled_connections } : enabled_connections };
  },

  post_enabled_connections: (ctx) => {
    const orgId = organization(ctx, ctx.params.path.id);
    const { connection_id, ...settings } = ctx.body;
    tenantConnection(ctx, connection_id);
    const existing = ctx.state.find(orgId, connection_id).link;
    if (existing?.is_enabled) throw conflict();
    // A link the EA view disabled is enabled again: the GA view did not see it, so adding it is no conflict.
    const link: Link = existing ?? { ...linkDefaults, connection_id, organization_connection_name: null };
    Object.assign(link, settings, { is_enabled: true });
    if (!existing) ctx.state.insert(orgId, link);
    return { status: 201, body: ctx.state.enabledView(ctx.principal.tenant, link) };
  },

  get_enabled_connections_by_connectionId: (ctx) => {
    const link = visibleLink(ctx, ctx.params.path.id, ctx.params.path.connectionId, 'connectionId', 'enabled');
    return { status: 200, body: ctx.state.enabledView(ctx.principal.tenant, link) };
  },

  patch_enabled_connections_by_connectionId: (ctx) => {
    const link = visibleLink(ctx, ctx.params.path.id, ctx.params.path.connectionId, 'connectionId', 'enabled');
    const input = ctx.body;
    for (const key of ['assign_membership_on_login', 'show_as_button', 'is_signup_enabled'] as const)
      if (input[key] !== undefined) link[key] = input[key];
    return { status: 200, body: ctx.state.enabledView(ctx.principal.tenant, link) };
  },

  delete_enabled_connections_by_connectionId: (ctx) => {
    const link = visibleLink(ctx, ctx.params.path.id, ctx.params.path.connectionId, 'connectionId', 'enabled');
    ctx.state.remove(ctx.params.path.id, link.connection_id);
    return { status: 204, body: undefined };
  },
};
