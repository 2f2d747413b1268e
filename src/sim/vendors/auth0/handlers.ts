import type { components, operations } from '../../../generated/auth0.js';
import { ApiError } from '../../errors.js';
import type { RequestContext, TypedHandlers } from '../../module.js';
import type { Auth0Principal } from './auth.js';
import { linkDefaults, type Auth0State, type Link } from './state.js';

type Ctx = RequestContext<Auth0State, Auth0Principal>;
type Query<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;
type Create = components['schemas']['CreateOrganizationAllConnectionRequest'];
type Update = components['schemas']['UpdateOrganizationConnectionRequest'];

const noOrganization = () => new ApiError({ kind: 'not_found', message: 'No organization found by that id.', code: 'inexistent_organization', field: ['path', 'id'] });
const noLink = () => new ApiError({ kind: 'not_found', message: 'The organization connection does not exist.', code: 'inexistent_organization_connection', field: ['path', 'connection_id'] });

function organization({ state, principal, params }: Ctx) {
  const id = String(params.path.id);
  if (!state.organization(principal.tenant, id)) throw noOrganization();
  return id;
}

function existingLink(ctx: Ctx): { orgId: string; link: Link } {
  const orgId = organization(ctx);
  const { link } = ctx.state.find(orgId, String(ctx.params.path.connection_id));
  if (!link) throw noLink();
  return { orgId, link };
}

export const handlers: TypedHandlers<operations, Auth0State, Auth0Principal> = {
  get_organization_connections: (ctx) => {
    const orgId = organization(ctx);
    const { page = 0, per_page = 50, include_totals, is_enabled } = ctx.params.query as Query<'get_organization_connections'>;
    const all = ctx.state.links(orgId);
    const matching = is_enabled === undefined ? all : all.filter((l) => l.is_enabled === is_enabled);
    const start = page * per_page;
    const connections = matching.slice(start, start + per_page).map((l) => ctx.state.view(ctx.principal.tenant, l));
    if (include_totals) return { status: 200, body: { start, limit: per_page, total: matching.length, connections } };
    return { status: 200, body: connections };
  },

  post_organization_connection: (ctx) => {
    const orgId = organization(ctx);
    const input = ctx.body as Create;
    if (!Object.hasOwn(ctx.principal.tenant.connections, input.connection_id))
      throw new ApiError({ kind: 'not_found', message: `The connection does not exist: connection_id ${input.connection_id}`, code: 'inexistent_connection', field: ['body', 'connection_id'] });
    if (ctx.state.find(orgId, input.connection_id).link)
      throw new ApiError({ kind: 'conflict', message: 'The organization connection already exists.', code: 'organization_connection_conflict', field: ['body', 'connection_id'] });
    const link: Link = { ...linkDefaults, organization_connection_name: null, ...input };
    ctx.state.insert(orgId, link);
    return { status: 201, body: ctx.state.view(ctx.principal.tenant, link) };
  },

  get_organization_connection: (ctx) => {
    const { link } = existingLink(ctx);
    return { status: 200, body: ctx.state.view(ctx.principal.tenant, link) };
  },

  patch_organization_connection: (ctx) => {
    const { link } = existingLink(ctx);
    const input = ctx.body as Update;
    // null puts a nullable member back to its default (the connection's own name, none, enabled).
    if (input.organization_connection_name !== undefined) link.organization_connection_name = input.organization_connection_name;
    if (input.organization_access_level !== undefined) link.organization_access_level = input.organization_access_level ?? linkDefaults.organization_access_level;
    if (input.is_enabled !== undefined) link.is_enabled = input.is_enabled ?? linkDefaults.is_enabled;
    for (const key of ['assign_membership_on_login', 'show_as_button', 'is_signup_enabled'] as const) if (input[key] !== undefined) link[key] = input[key];
    return { status: 200, body: ctx.state.view(ctx.principal.tenant, link) };
  },

  delete_organization_connection: (ctx) => {
    const { orgId, link } = existingLink(ctx);
    ctx.state.remove(orgId, link.connection_id);
    return { status: 204, body: undefined };
  },
};
