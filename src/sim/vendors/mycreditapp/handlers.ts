import type { operations } from '../../../generated/mycreditapp.js';
import { ApiError } from '../../errors.js';
import { defaulted, type RequestContext, type TypedHandlers } from '../../module.js';
import type { McaPrincipal } from './auth.js';
import type { MyCreditAppState } from './state.js';
import { found } from '../../found.js';

type Ctx = RequestContext<MyCreditAppState, McaPrincipal>;

const notFound = (msg: string, loc: string[], code = 'connection_not_found') =>
  new ApiError({ kind: 'not_found', message: msg, code, field: loc });
const conflict = (msg: string, code: string) =>
  new ApiError({ kind: 'conflict', message: msg, code, field: ['body', 'invitation_token'] });
const access = (ctx: Ctx) => found(ctx.principal.access, 'access: authorize sets it before any handler');
const now = () => new Date().toISOString();
/** The list parameters whose spec defaults validation fills in. */
const sorting = ['search_field', 'order_by', 'order_dir'] as const;
const unfilled = () => new ApiError({ kind: 'internal', message: 'list parameters arrived without their defaults' });

function hostConnection(ctx: Ctx) {
  const { target, scenario, requester } = access(ctx);
  const hostId = String(ctx.params.path.host_org_id).toLowerCase();
  // A host reading its guest's view may only see its own connection.
  const c = scenario === 'host' && hostId !== requester ? undefined : ctx.state.pair(hostId, target);
  if (!c) throw notFound('Host connection not found', ['path', 'host_org_id']);
  return c;
}

function guestConnection(ctx: Ctx) {
  const c = ctx.state.pair(access(ctx).target, String(ctx.params.path.guest_org_id).toLowerCase());
  if (!c) throw notFound('Guest connection not found', ['path', 'guest_org_id']);
  return c;
}

export const handlers: TypedHandlers<operations, MyCreditAppState, McaPrincipal> = {
  getHostConnections: (ctx) => {
    const { target, scenario, requester } = access(ctx);
    // A host reading its guest's list sees its own connection only.
    const only = scenario === 'host' ? requester : undefined;
    const query = ctx.params.query;
    if (!defaulted(query, sorting)) throw unfilled();
    const page = ctx.state.list('hosts', target, query, only);
    return {
      status: 200,
      body: { items: page.items.map((c) => ctx.state.hostView(c)), total_items: page.total_items },
    };
  },

  createHostConnection: (ctx) => {
    const guest = access(ctx).target;
    const input = ctx.body;
    const hostId = input.host_organization_id.toLowerCase();
    const inv = ctx.state.invitationByTokenValue(input.invitation_token);
    if (!inv || inv.host_organization_id !== hostId)
      throw notFound('Invitation not found', ['body', 'invitation_token'], 'invitation_not_found');
    if (inv.status === 'accepted') throw conflict('Invitation has already been used', 'invitation_already_used');
    if (new Date(inv.expired_at) <= new Date()) throw conflict('Invitation has expired', 'invitation_expired');
    if (hostId === guest)
      throw new ApiError({
        kind: 'conflict',
        message: 'An organization cannot connect to itself',
        code: 'connection_already_exists',
        field: ['body', 'host_organization_id'],
      });
    if (ctx.state.pair(hostId, guest))
      throw new ApiError({
        kind: 'conflict',
        message: 'The organizations are already connected',
        code: 'connection_already_exists',
        field: ['body', 'host_organization_id'],
      });
    const at = now();
    Object.assign(inv, { status: 'accepted', accepted_at: at, updated_at: at });
    return { status: 200, body: ctx.state.hostView(ctx.state.connect(hostId, guest, at)) };
  },

  getHostConnection: (ctx) => ({ status: 200, body: ctx.state.hostView(hostConnection(ctx)) }),

  patchHostConnection: (ctx) => {
    const c = hostConnection(ctx);
    const { status } = ctx.body;
    if (c.status !== status) ctx.state.update(c, { status, updated_at: now() });
    return { status: 200, body: ctx.state.hostView(c) };
  },

  getGuestConnections: (ctx) => {
    const { target, scenario, requester } = access(ctx);
    const only = scenario === 'guest' ? requester : undefined;
    const query = ctx.params.query;
    if (!defaulted(query, sorting)) throw unfilled();
    const page = ctx.state.list('guests', target, query, only);
    return {
      status: 200,
      body: { items: page.items.map((c) => ctx.state.guestView(c)), total_items: page.total_items },
    };
  },

  getGuestConnection: (ctx) => ({ status: 200, body: ctx.state.guestView(guestConnection(ctx)) }),

  patchGuestConnection: (ctx) => {
    const c = guestConnection(ctx);
    const { archived } = ctx.body;
    if (c.archived !== archived) {
      const at = now();
      ctx.state.update(c, { archived, archived_at: archived ? at : null, updated_at: at });
    }
    return { status: 200, body: ctx.state.guestView(c) };
  },

  createGuestInvitation: (ctx) => {
    const input = ctx.body;
    const problems = [];
    if (new Date(input.expired_at) <= new Date())
      problems.push({
        in: 'body' as const,
        path: ['expired_at'],
        keyword: 'value',
        message: 'Value error, expired_at must be in the future',
        params: {},
      });
    const parent = input.parent_organization_id?.toLowerCase() ?? null;
    if (parent && !ctx.state.org(parent))
      problems.push({
        in: 'body' as const,
        path: ['parent_organization_id'],
        keyword: 'value',
        message: 'Value error, unknown organization',
        params: {},
      });
    if (problems.length)
      throw new ApiError({
        kind: 'validation',
        message: problems[0].message,
        field: ['body', ...problems[0].path],
        issues: problems,
      });
    const at = now();
    const inv = ctx.state.addInvitation({
      host_organization_id: access(ctx).target,
      email: input.email,
      first_invitation_sent_at: at,
      last_invitation_sent_at: at,
      expired_at: new Date(input.expired_at).toISOString(),
      status: 'sent',
      archived: false,
      created_at: at,
      updated_at: at,
      accepted_at: null,
      archived_at: null,
      parent_organization_id: parent,
    });
    return { status: 200, body: ctx.state.invitationView(inv, new Date()) };
  },

  getGuestInvitations: (ctx) => {
    const q = ctx.params.query;
    const at = new Date();
    const wanted = q.invitation_statuses ? new Set(q.invitation_statuses) : undefined;
    const all = ctx.state
      .invitationsOf(access(ctx).target)
      .map((i) => ctx.state.invitationView(i, at))
      .filter((i) => !wanted || wanted.has(i.status))
      .sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? 1 : -1));
    return { status: 200, body: { items: all.slice(q.offset, q.offset + q.limit), total_items: all.length } };
  },
};
