// One request per documented status of every operation, made from a simulator's fixtures:
// the status matrix sends each to a server, the browser build's parity test to both cores.
import { a0, lc, mca, wf } from './fixtures.js';
import type { Call } from './sim.js';

export type Recipe = (fx: any) => Call;
const uuid0 = '00000000-0000-4000-8000-000000000000';
const hex0 = '0123456789abcdef01234567';
const boom = 'scenario=server-error';

// The two write operations with the most statuses, each status differing only in who asks and what for.
const repair = (headers: Record<string, string>, connection_id: string, prefer?: string): Call => ({
  method: 'POST',
  path: '/leadconduit/connections/repair',
  headers,
  body: { connection_id },
  ...(prefer ? { prefer } : {}),
});
const link = (org: string, headers: Record<string, string>, body: object, prefer?: string): Call => ({
  method: 'POST',
  path: `/auth0/api/v2/organizations/${org}/connections`,
  headers,
  body,
  ...(prefer ? { prefer } : {}),
});

/**
 * One request per documented status of every operation. The simulator checks each answer
 * against the spec (a violation becomes a 500), and the coverage test below fails when the
 * spec documents a status nobody here produces.
 */
export const recipes: Record<string, Record<string, Recipe>> = {
  listConnections: {
    200: (fx) => ({ path: '/leadconduit/connections?relationship_type=seller', headers: lc(fx).user }),
    400: (fx) => ({ path: '/leadconduit/connections?relationship_type=partner', headers: lc(fx).user }),
    401: () => ({ path: '/leadconduit/connections' }),
    500: (fx) => ({ path: '/leadconduit/connections', headers: lc(fx).user, prefer: boom }),
  },
  getConnection: {
    200: (fx) => ({ path: `/leadconduit/connections/${lc(fx).completed[0].invitation_id}`, headers: lc(fx).user }),
    400: (fx) => ({ path: '/leadconduit/connections/not-an-id', headers: lc(fx).user }),
    401: (fx) => ({
      path: `/leadconduit/connections/${lc(fx).completed[0].id}`,
      headers: { Authorization: 'Basic QVBJOndyb25n' },
    }),
    404: (fx) => ({ path: `/leadconduit/connections/${lc(fx).otherAccount[0]}`, headers: lc(fx).user }),
    500: (fx) => ({ path: `/leadconduit/connections/${hex0}`, headers: lc(fx).user, prefer: boom }),
  },
  repairConnection: {
    201: (fx) => repair(lc(fx).superuser, lc(fx).ssoOnly[0]),
    400: (fx) => repair(lc(fx).superuser, 'xyz'),
    401: (fx) => repair(lc(fx).user, lc(fx).ssoOnly[0]),
    409: (fx) => repair(lc(fx).superuser, lc(fx).completed[0].external_id),
    422: (fx) => repair(lc(fx).superuser, lc(fx).otherSsoOnly[0]),
    500: (fx) => repair(lc(fx).superuser, hex0, boom),
    503: (fx) => repair(lc(fx).superuser, lc(fx).ssoOnly[0], 'scenario=sso-outage'),
  },
  syncAccountFromSso: {
    200: (fx) => ({ method: 'POST', path: '/leadconduit/account_sso_sync', headers: lc(fx).user }),
    400: (fx) => ({ method: 'POST', path: '/leadconduit/account_sso_sync', headers: lc(fx).user, raw: '{"not json' }),
    401: () => ({ method: 'POST', path: '/leadconduit/account_sso_sync' }),
    500: (fx) => ({ method: 'POST', path: '/leadconduit/account_sso_sync', headers: lc(fx).user, prefer: boom }),
    503: (fx) => ({
      method: 'POST',
      path: '/leadconduit/account_sso_sync',
      headers: lc(fx).user,
      prefer: 'scenario=sso-outage',
    }),
  },

  get_organization_connections: {
    200: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections?include_totals=true&per_page=5`,
      headers: a0(fx).readOnly,
    }),
    400: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections?per_page=500`,
      headers: a0(fx).full,
    }),
    401: (fx) => ({ path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections`, headers: a0(fx).badSignature }),
    403: (fx) => ({ path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections`, headers: a0(fx).noScope }),
    404: (fx) => ({ path: `/auth0/api/v2/organizations/${a0(fx).otherOrg.id}/connections`, headers: a0(fx).full }),
    429: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections`,
      headers: a0(fx).full,
      prefer: 'scenario=rate-limited',
    }),
    500: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections`,
      headers: a0(fx).full,
      prefer: boom,
    }),
  },
  post_organization_connection: {
    201: (fx) => link(a0(fx).empty.id, a0(fx).full, { connection_id: a0(fx).unlinked[0] }),
    400: (fx) => link(a0(fx).empty.id, a0(fx).full, { connection_id: a0(fx).unlinked[0], colour: 'red' }),
    401: (fx) => link(a0(fx).empty.id, a0(fx).expired, { connection_id: a0(fx).unlinked[0] }),
    403: (fx) => link(a0(fx).empty.id, a0(fx).readOnly, { connection_id: a0(fx).unlinked[0] }),
    404: (fx) => link(a0(fx).empty.id, a0(fx).full, { connection_id: 'con_doesnotexist' }),
    409: (fx) => link(a0(fx).main.id, a0(fx).full, { connection_id: a0(fx).main.connection_ids[0] }),
    429: (fx) => link(a0(fx).empty.id, a0(fx).full, { connection_id: a0(fx).unlinked[0] }, 'scenario=rate-limited'),
    500: (fx) => link(a0(fx).empty.id, a0(fx).full, { connection_id: a0(fx).unlinked[0] }, boom),
  },
  get_organization_connection: {
    200: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).readOnly,
    }),
    400: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${'c'.repeat(51)}`,
      headers: a0(fx).full,
    }),
    401: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
    }),
    403: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).noScope,
    }),
    404: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).unlinked[0]}`,
      headers: a0(fx).full,
    }),
    429: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
      prefer: 'scenario=rate-limited',
    }),
    500: (fx) => ({
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
      prefer: boom,
    }),
  },
  patch_organization_connection: {
    200: (fx) => ({
      method: 'PATCH',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
      body: { is_enabled: null, organization_connection_name: 'Renamed' },
    }),
    400: (fx) => ({
      method: 'PATCH',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
      body: { organization_access_level: 'owner' },
    }),
    401: (fx) => ({
      method: 'PATCH',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      body: {},
    }),
    403: (fx) => ({
      method: 'PATCH',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).readOnly,
      body: {},
    }),
    404: (fx) => ({
      method: 'PATCH',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).unlinked[0]}`,
      headers: a0(fx).full,
      body: {},
    }),
    429: (fx) => ({
      method: 'PATCH',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
      body: {},
      prefer: 'scenario=rate-limited',
    }),
    500: (fx) => ({
      method: 'PATCH',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
      body: {},
      prefer: boom,
    }),
  },
  delete_organization_connection: {
    204: (fx) => ({
      method: 'DELETE',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
    }),
    400: (fx) => ({
      method: 'DELETE',
      path: `/auth0/api/v2/organizations/${'o'.repeat(51)}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
    }),
    401: (fx) => ({
      method: 'DELETE',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: { Authorization: 'Bearer not.a.jwt' },
    }),
    403: (fx) => ({
      method: 'DELETE',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).readOnly,
    }),
    404: (fx) => ({
      method: 'DELETE',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).unlinked[0]}`,
      headers: a0(fx).full,
    }),
    429: (fx) => ({
      method: 'DELETE',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
      prefer: 'scenario=rate-limited',
    }),
    500: (fx) => ({
      method: 'DELETE',
      path: `/auth0/api/v2/organizations/${a0(fx).main.id}/connections/${a0(fx).main.connection_ids[0]}`,
      headers: a0(fx).full,
      prefer: boom,
    }),
  },
  ...auth0EnabledConnectionRecipes(),

  ...mcaRecipes(),
  ...wingfieldRecipes(),
  ...controlRecipes(),
};

/** The GA view of Auth0's links (`enabled_connections`): main's first link is enabled in every seed. */
function auth0EnabledConnectionRecipes(): Record<string, Record<string, Recipe>> {
  const list = (fx: any, org = a0(fx).main.id) => `/auth0/api/v2/organizations/${org}/enabled_connections`;
  const one = (fx: any, cid = a0(fx).main.connection_ids[0], org = a0(fx).main.id) => `${list(fx, org)}/${cid}`;
  return {
    get_enabled_connections: {
      200: (fx) => ({ path: `${list(fx)}?include_totals=true&per_page=5`, headers: a0(fx).readOnly }),
      400: (fx) => ({ path: `${list(fx)}?is_enabled=true`, headers: a0(fx).full }),
      401: (fx) => ({ path: list(fx), headers: a0(fx).expired }),
      403: (fx) => ({ path: list(fx), headers: a0(fx).noScope }),
      404: (fx) => ({ path: list(fx, a0(fx).otherOrg.id), headers: a0(fx).full }),
      429: (fx) => ({ path: list(fx), headers: a0(fx).full, prefer: 'scenario=rate-limited' }),
      500: (fx) => ({ path: list(fx), headers: a0(fx).full, prefer: boom }),
    },
    post_enabled_connections: {
      201: (fx) => ({
        method: 'POST',
        path: list(fx, a0(fx).empty.id),
        headers: a0(fx).full,
        body: { connection_id: a0(fx).unlinked[0] },
      }),
      400: (fx) => ({
        method: 'POST',
        path: list(fx, a0(fx).empty.id),
        headers: a0(fx).full,
        body: { connection_id: a0(fx).unlinked[0], is_enabled: true },
      }),
      401: (fx) => ({ method: 'POST', path: list(fx, a0(fx).empty.id), body: { connection_id: a0(fx).unlinked[0] } }),
      403: (fx) => ({
        method: 'POST',
        path: list(fx, a0(fx).empty.id),
        headers: a0(fx).readOnly,
        body: { connection_id: a0(fx).unlinked[0] },
      }),
      404: (fx) => ({
        method: 'POST',
        path: list(fx, a0(fx).empty.id),
        headers: a0(fx).full,
        body: { connection_id: 'con_doesnotexist' },
      }),
      409: (fx) => ({
        method: 'POST',
        path: list(fx),
        headers: a0(fx).full,
        body: { connection_id: a0(fx).main.connection_ids[0] },
      }),
      429: (fx) => ({
        method: 'POST',
        path: list(fx, a0(fx).empty.id),
        headers: a0(fx).full,
        body: { connection_id: a0(fx).unlinked[0] },
        prefer: 'scenario=rate-limited',
      }),
      500: (fx) => ({
        method: 'POST',
        path: list(fx, a0(fx).empty.id),
        headers: a0(fx).full,
        body: { connection_id: a0(fx).unlinked[0] },
        prefer: boom,
      }),
    },
    get_enabled_connections_by_connectionId: {
      200: (fx) => ({ path: one(fx), headers: a0(fx).readOnly }),
      400: (fx) => ({ path: one(fx, 'c'.repeat(51)), headers: a0(fx).full }),
      401: (fx) => ({ path: one(fx), headers: a0(fx).badSignature }),
      403: (fx) => ({ path: one(fx), headers: a0(fx).noScope }),
      404: (fx) => ({ path: one(fx, a0(fx).unlinked[0]), headers: a0(fx).full }),
      429: (fx) => ({ path: one(fx), headers: a0(fx).full, prefer: 'scenario=rate-limited' }),
      500: (fx) => ({ path: one(fx), headers: a0(fx).full, prefer: boom }),
    },
    patch_enabled_connections_by_connectionId: {
      200: (fx) => ({ method: 'PATCH', path: one(fx), headers: a0(fx).full, body: { show_as_button: false } }),
      400: (fx) => ({
        method: 'PATCH',
        path: one(fx),
        headers: a0(fx).full,
        body: { organization_connection_name: 'Renamed' },
      }),
      401: (fx) => ({ method: 'PATCH', path: one(fx), headers: a0(fx).expired, body: {} }),
      403: (fx) => ({ method: 'PATCH', path: one(fx), headers: a0(fx).readOnly, body: {} }),
      404: (fx) => ({ method: 'PATCH', path: one(fx, a0(fx).unlinked[0]), headers: a0(fx).full, body: {} }),
      429: (fx) => ({
        method: 'PATCH',
        path: one(fx),
        headers: a0(fx).full,
        body: {},
        prefer: 'scenario=rate-limited',
      }),
      500: (fx) => ({ method: 'PATCH', path: one(fx), headers: a0(fx).full, body: {}, prefer: boom }),
    },
    delete_enabled_connections_by_connectionId: {
      204: (fx) => ({ method: 'DELETE', path: one(fx), headers: a0(fx).full }),
      400: (fx) => ({
        method: 'DELETE',
        path: one(fx, a0(fx).main.connection_ids[0], 'o'.repeat(51)),
        headers: a0(fx).full,
      }),
      401: (fx) => ({ method: 'DELETE', path: one(fx), headers: { Authorization: 'Bearer not.a.jwt' } }),
      403: (fx) => ({ method: 'DELETE', path: one(fx), headers: a0(fx).readOnly }),
      404: (fx) => ({ method: 'DELETE', path: one(fx, a0(fx).unlinked[0]), headers: a0(fx).full }),
      429: (fx) => ({ method: 'DELETE', path: one(fx), headers: a0(fx).full, prefer: 'scenario=rate-limited' }),
      500: (fx) => ({ method: 'DELETE', path: one(fx), headers: a0(fx).full, prefer: boom }),
    },
  };
}

function mcaRecipes(): Record<string, Record<string, Recipe>> {
  const list = '/mycreditapp/v1-beta/host-connections?statuses=connected&statuses=disconnected&limit=10&offset=0';
  const guestList = '/mycreditapp/v1-beta/guest-connections?statuses=connected&limit=10&offset=0';
  const common = (
    method: string,
    path: (fx: any) => string,
    who: string,
    body?: (fx: any) => unknown,
    extra: Record<string, Recipe> = {},
  ) => ({
    200: (fx: any) => ({ method, path: path(fx), headers: mca(fx).headers(who), body: body?.(fx) }),
    401: (fx: any) => ({
      method,
      path: path(fx),
      headers: { ...mca(fx).headers(who), Authorization: `Bearer ${mca(fx).token('expired')}` },
      body: body?.(fx),
    }),
    403: (fx: any) => ({
      method,
      path: path(fx),
      headers: mca(fx).headers(who, mca(fx).orgs.unconnected.id),
      body: body?.(fx),
    }),
    422: (fx: any) => ({
      method,
      path: path(fx),
      headers: { ...mca(fx).headers(who), 'Target-Organization-ID': 'not-a-uuid' },
      body: body?.(fx),
    }),
    500: (fx: any) => ({ method, path: path(fx), headers: mca(fx).headers(who), body: body?.(fx), prefer: boom }),
    503: (fx: any) => ({
      method,
      path: path(fx),
      headers: mca(fx).headers(who),
      body: body?.(fx),
      prefer: 'scenario=maintenance',
    }),
    ...extra,
  });
  const hostPath = (fx: any) => `/mycreditapp/v1-beta/host-connections/${mca(fx).orgs.host.id}`;
  const guestPath = (fx: any) => `/mycreditapp/v1-beta/guest-connections/${mca(fx).orgs.guest.id}`;
  const accept = (fx: any) => ({
    host_organization_id: mca(fx).orgs.host.id,
    invitation_token: mca(fx).invitation('sent'),
  });
  return {
    getHostConnections: common('GET', () => list, 'guest'),
    createHostConnection: common('POST', () => '/mycreditapp/v1-beta/host-connections', 'invitee', accept, {
      404: (fx) => ({
        method: 'POST',
        path: '/mycreditapp/v1-beta/host-connections',
        headers: mca(fx).headers('invitee'),
        body: { host_organization_id: mca(fx).orgs.host.id, invitation_token: 'inv_doesnotexist' },
      }),
      409: (fx) => ({
        method: 'POST',
        path: '/mycreditapp/v1-beta/host-connections',
        headers: mca(fx).headers('invitee'),
        body: { host_organization_id: mca(fx).orgs.host.id, invitation_token: mca(fx).invitation('accepted') },
      }),
    }),
    getHostConnection: common('GET', hostPath, 'guest', undefined, {
      404: (fx) => ({ path: `/mycreditapp/v1-beta/host-connections/${uuid0}`, headers: mca(fx).headers('guest') }),
    }),
    patchHostConnection: common('PATCH', hostPath, 'guest', () => ({ status: 'disconnected' }), {
      404: (fx) => ({
        method: 'PATCH',
        path: `/mycreditapp/v1-beta/host-connections/${uuid0}`,
        headers: mca(fx).headers('guest'),
        body: { status: 'disconnected' },
      }),
    }),
    getGuestConnections: common('GET', () => guestList, 'host'),
    getGuestConnection: common('GET', guestPath, 'host', undefined, {
      404: (fx) => ({ path: `/mycreditapp/v1-beta/guest-connections/${uuid0}`, headers: mca(fx).headers('host') }),
    }),
    patchGuestConnection: common('PATCH', guestPath, 'host', () => ({ archived: true }), {
      404: (fx) => ({
        method: 'PATCH',
        path: `/mycreditapp/v1-beta/guest-connections/${uuid0}`,
        headers: mca(fx).headers('host'),
        body: { archived: true },
      }),
    }),
    createGuestInvitation: common(
      'POST',
      () => '/mycreditapp/v1-beta/guest-invitations',
      'host',
      () => ({ email: 'new@guest.example', expired_at: '2099-01-01T00:00:00Z' }),
    ),
    getGuestInvitations: common('GET', () => '/mycreditapp/v1-beta/guest-invitations?limit=5&offset=0', 'host'),
  };
}

function wingfieldRecipes(): Record<string, Record<string, Recipe>> {
  const claim = (fx: any) => `/wingfield/api/v1/external-services/${wf(fx).service}/organization-relations/claim`;
  const claimWith =
    (
      token: (fx: any) => string,
      ext = 'ext-new-1',
      headers: (fx: any) => Record<string, string> = (fx) => wf(fx).write,
    ): Recipe =>
    (fx) => ({
      method: 'POST',
      path: claim(fx),
      headers: headers(fx),
      body: { connectToken: token(fx), externalOrganizationId: ext },
    });
  const orgs = (fx: any) => `/wingfield/api/v1/external-services/${wf(fx).service}/organizations`;
  const sub = (fx: any, org = wf(fx).related[0].id, user = wf(fx).users[0]) =>
    `/wingfield/api/v1/organizations/${org}/users/${user}/subscription`;
  const unlink = (fx: any, org = wf(fx).related[0].id) =>
    `/wingfield/api/v1/external-services/${wf(fx).service}/organizations/${org}/relation`;
  return {
    claimOrganizationRelation: {
      200: claimWith((fx) => wf(fx).connect.open[0]),
      400: (fx) => ({
        method: 'POST',
        path: claim(fx),
        headers: wf(fx).write,
        body: { connectToken: wf(fx).connect.open[0] },
      }),
      401: claimWith(
        (fx) => wf(fx).connect.open[0],
        'x',
        () => ({}),
      ),
      403: claimWith((fx) => wf(fx).connect.other_service[0]),
      404: claimWith((fx) => wf(fx).connect.unknown),
      409: claimWith((fx) => wf(fx).connect.claimed[0]),
      410: claimWith((fx) => wf(fx).connect.expired[0]),
      422: claimWith((fx) => wf(fx).connect.malformed),
      500: (fx) => ({ ...claimWith((f) => wf(f).connect.open[0])(fx), prefer: boom }),
    },
    listExternalServiceOrganizations: {
      200: (fx) => ({ path: `${orgs(fx)}?limit=2&offset=1`, headers: wf(fx).read }),
      400: (fx) => ({ path: `${orgs(fx)}?limit=0`, headers: wf(fx).read }),
      401: (fx) => ({ path: orgs(fx), headers: wf(fx).expired }),
      403: (fx) => ({ path: orgs(fx), headers: wf(fx).otherService }),
      500: (fx) => ({ path: orgs(fx), headers: wf(fx).read, prefer: boom }),
    },
    upsertOrganizationUserSubscription: {
      200: (fx) => ({ method: 'PUT', path: sub(fx), headers: wf(fx).write, body: { subscription: 'PRO' } }),
      400: (fx) => ({ method: 'PUT', path: sub(fx), headers: wf(fx).write, body: { subscription: 'GOLD' } }),
      401: (fx) => ({
        method: 'PUT',
        path: sub(fx),
        headers: { Authorization: 'Bearer tok_ext_v1_nope.nope' },
        body: { subscription: 'PRO' },
      }),
      403: (fx) => ({
        method: 'PUT',
        path: sub(fx, wf(fx).unrelated[0]),
        headers: wf(fx).write,
        body: { subscription: 'PRO' },
      }),
      404: (fx) => ({ method: 'PUT', path: sub(fx, uuid0), headers: wf(fx).write, body: { subscription: 'PRO' } }),
      500: (fx) => ({
        method: 'PUT',
        path: sub(fx),
        headers: wf(fx).write,
        body: { subscription: 'PRO' },
        prefer: boom,
      }),
    },
    deleteOrganizationRelation: {
      200: (fx) => ({ method: 'DELETE', path: unlink(fx), headers: wf(fx).write }),
      400: (fx) => ({ method: 'DELETE', path: unlink(fx, 'not-a-uuid'), headers: wf(fx).write }),
      401: (fx) => ({ method: 'DELETE', path: unlink(fx) }),
      403: (fx) => ({ method: 'DELETE', path: unlink(fx), headers: wf(fx).read }),
      404: (fx) => ({ method: 'DELETE', path: unlink(fx, wf(fx).unrelated[0]), headers: wf(fx).write }),
      500: (fx) => ({ method: 'DELETE', path: unlink(fx), headers: wf(fx).write, prefer: boom }),
    },
  };
}

/** A whole connect-token record as the state stores it (the organization is any uuid: edits check the schema only). */
const openToken = (fx: any) => ({
  token: fx.wingfield.connect_tokens.open[0],
  label: 'open',
  organization_id: uuid0,
  external_service_id: fx.wingfield.external_service_id,
  state: 'open',
  expires_at: '2099-01-01T00:00:00.000Z',
});

function controlRecipes(): Record<string, Record<string, Recipe>> {
  const post =
    (path: string, body: unknown): Recipe =>
    () => ({ method: 'POST', path: `/__control${path}`, body });
  // A session name that breaks the header's pattern: the 400 every control operation documents.
  const badSession =
    (method: string, path: string): Recipe =>
    () => ({ method, path: `/__control${path}`, session: 'not a name!' });
  return {
    health: { 200: () => ({ path: '/__control/health' }), 400: badSession('GET', '/health') },
    reset: { 200: post('/reset', { seed: 7 }), 400: post('/reset', { seed: -1 }) },
    listScenarios: { 200: () => ({ path: '/__control/scenarios' }), 400: badSession('GET', '/scenarios') },
    clearScenarios: {
      200: () => ({ method: 'DELETE', path: '/__control/scenarios' }),
      400: badSession('DELETE', '/scenarios'),
    },
    activateScenario: {
      200: () => ({ method: 'PUT', path: '/__control/scenarios/latency', body: { params: { ms: 1 } } }),
      400: () => ({ method: 'PUT', path: '/__control/scenarios/latency', body: { params: { ms: 'slow' } } }),
      422: () => ({ method: 'PUT', path: '/__control/scenarios/latency', body: { params: { colour: 1 } } }),
    },
    deactivateScenario: {
      200: () => ({ method: 'DELETE', path: '/__control/scenarios/latency' }),
      400: () => ({ method: 'DELETE', path: '/__control/scenarios/meteor-strike' }),
    },
    getFixtures: { 200: () => ({ path: '/__control/fixtures' }), 400: badSession('GET', '/fixtures') },
    createSsoOnlyConnection: {
      201: post('/leadconduit/sso-only-connections', {}),
      400: post('/leadconduit/sso-only-connections', { relationship_type: 'x' }),
      404: post('/leadconduit/sso-only-connections', { account_id: hex0 }),
    },
    createLeadConduitCredential: {
      201: post('/leadconduit/credentials', { superuser: true }),
      400: post('/leadconduit/credentials', { superuser: 'yes' }),
      404: post('/leadconduit/credentials', { account_id: hex0 }),
    },
    createAuth0Token: {
      201: post('/auth0/tokens', { scopes: [] }),
      400: post('/auth0/tokens', {}),
      404: post('/auth0/tokens', { tenant: 'nope', scopes: [] }),
    },
    createMyCreditAppInvitation: {
      201: post('/mycreditapp/invitations', { state: 'sent' }),
      400: post('/mycreditapp/invitations', { state: 'lost' }),
      404: post('/mycreditapp/invitations', { state: 'sent', host_organization_id: uuid0 }),
    },
    createMyCreditAppOrganization: {
      201: post('/mycreditapp/organizations', { name: 'Fabrikam' }),
      400: post('/mycreditapp/organizations', { name: '' }),
    },
    createWingfieldConnectToken: {
      201: post('/wingfield/connect-tokens', { state: 'open' }),
      400: post('/wingfield/connect-tokens', { state: 'new' }),
      404: post('/wingfield/connect-tokens', { state: 'open', organization_id: uuid0 }),
    },
    createWingfieldToken: {
      201: post('/wingfield/tokens', { scopes: { organization: 'read' } }),
      400: post('/wingfield/tokens', { scopes: { organization: 'admin' } }),
      404: post('/wingfield/tokens', { external_service_id: uuid0 }),
    },
    mintProviderState: {
      201: post('/provider-states', { state: 'open connect token', params: {} }),
      400: post('/provider-states', { state: 'lost token', params: {} }),
      404: post('/provider-states', { state: 'unlinked auth0 connection', params: { organization_id: 'org_nope' } }),
    },
    getJournal: {
      200: () => ({ path: '/__control/journal?limit=5' }),
      400: () => ({ path: '/__control/journal?limit=0' }),
    },
    listSessions: { 200: () => ({ path: '/__control/sessions' }), 400: badSession('GET', '/sessions') },
    listStateCollections: {
      200: () => ({ path: '/__control/state/auth0' }),
      400: () => ({ path: '/__control/state/nope' }),
    },
    browseState: {
      200: () => ({ path: '/__control/state/wingfield/relations?limit=1' }),
      400: () => ({ path: '/__control/state/wingfield/relations?limit=0' }),
      404: () => ({ path: '/__control/state/auth0/nope' }),
    },
    putStateRecord: {
      200: (fx) => ({
        method: 'PUT',
        path: `/__control/state/wingfield/connect-tokens/${fx.wingfield.connect_tokens.open[0]}`,
        body: openToken(fx),
      }),
      400: () => ({ method: 'PUT', path: '/__control/state/nope/relations/x', body: {} }),
      404: () => ({ method: 'PUT', path: '/__control/state/wingfield/connect-tokens/wct_gone', body: {} }),
      422: (fx) => ({
        method: 'PUT',
        path: `/__control/state/wingfield/connect-tokens/${fx.wingfield.connect_tokens.open[0]}`,
        body: { ...openToken(fx), state: 'lost' },
      }),
    },
    applyStatePreset: {
      200: (fx) => ({
        method: 'POST',
        path: `/__control/state/wingfield/connect-tokens/${fx.wingfield.connect_tokens.open[0]}/presets/cancel`,
      }),
      404: (fx) => ({
        method: 'POST',
        path: `/__control/state/wingfield/connect-tokens/${fx.wingfield.connect_tokens.open[0]}/presets/explode`,
      }),
      422: (fx) => ({
        method: 'POST',
        path: `/__control/state/wingfield/connect-tokens/${fx.wingfield.connect_tokens.claimed[0]}/presets/cancel`,
      }),
      400: (fx) => ({
        method: 'POST',
        path: `/__control/state/wingfield/connect-tokens/${fx.wingfield.connect_tokens.open[0]}/presets/cancel`,
        session: 'not a name!',
      }),
    },
    getCoverage: { 200: () => ({ path: '/__control/coverage?session=default' }), 400: badSession('GET', '/coverage') },
    clearJournal: {
      204: () => ({ method: 'DELETE', path: '/__control/journal' }),
      400: badSession('DELETE', '/journal'),
    },
    exportState: { 200: () => ({ path: '/__control/state' }), 400: badSession('GET', '/state') },
    importState: {
      200: () => ({ method: 'PUT', path: '/__control/state', body: { connkit: 1, seed: 3, apis: {} } }),
      400: () => ({ method: 'PUT', path: '/__control/state', body: { connkit: 2, seed: 3, apis: {} } }),
      422: () => ({
        method: 'PUT',
        path: '/__control/state',
        body: {
          connkit: 1,
          seed: 3,
          apis: {
            auth0: { seed: 1, counter: 0, tenants: {}, links: { org_x: [{ connection_id: 'con_1' }] }, tokens: [] },
          },
        },
      }),
    },
  };
}
