import type { Mutant, ProxyRequest, ProxyResponse } from '../helpers/mutating-proxy.js';

const basic = (key: string) => `Basic ${Buffer.from(`API:${key}`).toString('base64')}`;
const withQuery = (r: ProxyRequest, edit: (q: URLSearchParams) => void): ProxyRequest => {
  const u = new URL(r.url, 'http://x');
  edit(u.searchParams);
  return { ...r, url: u.pathname + (u.search ? u.search : '') };
};
const is = (r: ProxyRequest, method: string, pattern: RegExp) =>
  r.method === method && pattern.test(r.url.split('?')[0]);
const mapItems = (res: ProxyResponse, fn: (x: any) => any) =>
  Array.isArray(res.body) ? { ...res, body: res.body.map(fn) } : res;

/**
 * Broken implementations, each one realistic fault rewritten into the simulator's traffic,
 * with the checks that must notice it. `fx` is the simulator's fixtures (same seed as verify's session).
 */
export function mutants(fx: any): Mutant[] {
  const lc = fx.leadconduit;
  const a0 = fx.auth0;
  const mca = fx.mycreditapp;
  return [
    // LeadConduit
    {
      name: 'lc: list entries lose their required status',
      api: 'leadconduit',
      kills: ['response_schema_conformance'],
      response: (r, res) => (is(r, 'GET', /\/connections$/) ? mapItems(res, ({ status: _s, ...rest }) => rest) : res),
    },
    {
      name: 'lc: status enum value renamed',
      api: 'leadconduit',
      kills: ['response_schema_conformance'],
      response: (r, res) =>
        is(r, 'GET', /\/connections$/)
          ? mapItems(res, (x) => ({ ...x, status: x.status === 'completed' ? 'complete' : x.status }))
          : res,
    },
    {
      name: 'lc: degraded header dropped during an SSO outage',
      api: 'leadconduit',
      kills: ['lc_sso_outage_fail_open'],
      response: (_r, res) => {
        const { 'x-connections-degraded': _d, ...headers } = res.headers;
        return { ...res, headers };
      },
    },
    {
      name: 'lc: authentication ignored',
      api: 'leadconduit',
      kills: ['missing_auth_rejected', 'invalid_auth_rejected'],
      request: (r) => ({
        ...r,
        headers: {
          ...r.headers,
          authorization: r.headers.authorization?.length > 60 ? r.headers.authorization : basic(lc.credentials.user),
        },
      }),
    },
    {
      name: 'lc: relationship_type filter ignored',
      api: 'leadconduit',
      kills: ['lc_relationship_filter'],
      request: (r) => withQuery(r, (q) => q.delete('relationship_type')),
    },
    {
      name: 'lc: a second repair is accepted',
      api: 'leadconduit',
      kills: ['lc_repair_flow', 'lc_repair_race'],
      response: (r, res) =>
        is(r, 'POST', /\/connections\/repair$/) && res.status === 409
          ? { ...res, status: 201, body: { id: JSON.parse(r.body!).connection_id } }
          : res,
    },
    {
      name: 'lc: repair open to non-superusers',
      api: 'leadconduit',
      kills: ['lc_repair_requires_superuser', 'insufficient_scope_rejected'],
      request: (r) =>
        is(r, 'POST', /\/connections\/repair$/) && r.headers.authorization === basic(lc.credentials.user)
          ? { ...r, headers: { ...r.headers, authorization: basic(lc.credentials.superuser) } }
          : r,
    },
    {
      name: "lc: another account's connection leaks through get-by-id",
      api: 'leadconduit',
      kills: ['lc_account_isolation'],
      response: async (r, res, forward) =>
        is(r, 'GET', /\/connections\/[^/]+$/) && res.status === 404
          ? forward({ ...r, headers: { ...r.headers, authorization: basic(lc.credentials.other_account_user) } })
          : res,
    },
    {
      name: 'lc: 401 in a foreign envelope',
      api: 'leadconduit',
      kills: ['response_schema_conformance'],
      response: (_r, res) => (res.status === 401 ? { ...res, body: { message: 'Unauthorized' } } : res),
    },
    {
      name: 'lc: account sync answers 200 while SSO is down',
      api: 'leadconduit',
      kills: ['lc_sso_outage_fail_open'],
      response: (r, res) =>
        is(r, 'POST', /\/account_sso_sync$/) && res.status === 503
          ? { ...res, status: 200, body: { success: true, account: { id: '5fd4371e940df5a34a3888b2' } } }
          : res,
    },
    // Auth0
    {
      name: 'auth0: deleting a missing link answers 204',
      api: 'auth0',
      kills: ['auth0_unknown_resources'],
      response: (r, res) =>
        r.method === 'DELETE' && res.status === 404 ? { status: 204, headers: res.headers, body: undefined } : res,
    },
    {
      name: 'auth0: paging start off by one',
      api: 'auth0',
      kills: ['auth0_paging'],
      response: (r, res) =>
        r.method === 'GET' && res.body?.start !== undefined
          ? { ...res, body: { ...res.body, start: res.body.start + 1 } }
          : res,
    },
    {
      name: 'auth0: page skips its first link',
      api: 'auth0',
      kills: ['auth0_paging'],
      response: (r, res) =>
        r.method === 'GET' && Array.isArray(res.body?.connections)
          ? { ...res, body: { ...res.body, connections: res.body.connections.slice(1) } }
          : res,
    },
    {
      name: 'auth0: duplicate link accepted',
      api: 'auth0',
      kills: ['auth0_duplicate_link', 'auth0_add_race'],
      response: (r, res) =>
        r.method === 'POST' && res.status === 409
          ? { ...res, status: 201, body: { connection_id: JSON.parse(r.body!).connection_id, is_enabled: true } }
          : res,
    },
    {
      name: 'auth0: scopes not enforced',
      api: 'auth0',
      kills: ['insufficient_scope_rejected'],
      request: (r) =>
        r.headers.authorization === `Bearer ${a0.tokens.no_scope}`
          ? { ...r, headers: { ...r.headers, authorization: `Bearer ${a0.tokens.full}` } }
          : r,
    },
    {
      name: 'auth0: 429 without rate-limit headers',
      api: 'auth0',
      kills: ['auth0_rate_limit'],
      response: (_r, res) =>
        res.status === 429
          ? {
              ...res,
              headers: Object.fromEntries(Object.entries(res.headers).filter(([k]) => !k.startsWith('x-ratelimit'))),
            }
          : res,
    },
    {
      name: 'auth0: delete answers 200 with a body',
      api: 'auth0',
      kills: ['status_code_conformance', 'auth0_link_lifecycle'],
      response: (r, res) => (r.method === 'DELETE' && res.status === 204 ? { ...res, status: 200, body: {} } : res),
    },
    {
      name: 'auth0: is_enabled filter ignored',
      api: 'auth0',
      kills: ['auth0_enabled_filter'],
      request: (r) => withQuery(r, (q) => q.delete('is_enabled')),
    },
    {
      name: "auth0: another tenant's organization readable",
      api: 'auth0',
      kills: ['auth0_tenant_isolation'],
      response: async (r, res, forward) =>
        res.status === 404 &&
        res.body?.errorCode === 'inexistent_organization' &&
        r.headers.authorization === `Bearer ${a0.tokens.full}`
          ? forward({ ...r, headers: { ...r.headers, authorization: `Bearer ${a0.tokens.other_tenant}` } })
          : res,
    },
    {
      name: 'auth0: total off by one',
      api: 'auth0',
      kills: ['auth0_counts'],
      response: (r, res) =>
        r.method === 'GET' && typeof res.body?.total === 'number'
          ? { ...res, body: { ...res.body, total: res.body.total + 1 } }
          : res,
    },
    // MyCreditApp
    {
      name: 'mca: total_items off by one',
      api: 'mycreditapp',
      kills: ['mca_counts'],
      response: (r, res) =>
        r.method === 'GET' && typeof res.body?.total_items === 'number'
          ? { ...res, body: { ...res.body, total_items: res.body.total_items + 1 } }
          : res,
    },
    {
      name: 'mca: total_items counted after paging',
      api: 'mycreditapp',
      kills: ['mca_total_items'],
      response: (r, res) =>
        r.method === 'GET' && Array.isArray(res.body?.items)
          ? { ...res, body: { ...res.body, total_items: res.body.items.length } }
          : res,
    },
    {
      name: 'mca: sort order ignored',
      api: 'mycreditapp',
      kills: ['mca_sort_order'],
      response: (r, res) =>
        r.method === 'GET' && Array.isArray(res.body?.items) && /order_dir=desc/.test(r.url)
          ? { ...res, body: { ...res.body, items: [...res.body.items].reverse() } }
          : res,
    },
    {
      name: 'mca: search is case-sensitive',
      api: 'mycreditapp',
      kills: ['mca_search'],
      response: (r, res) => {
        const needle = new URL(r.url, 'http://x').searchParams.get('search_text');
        if (!needle || !Array.isArray(res.body?.items)) return res;
        const items = res.body.items.filter((i: any) => String(i.host_name ?? i.guest_name).includes(needle));
        return { ...res, body: { items, total_items: items.length } };
      },
    },
    {
      name: 'mca: required list parameters defaulted',
      api: 'mycreditapp',
      kills: ['mca_required_params'],
      request: (r) =>
        is(r, 'GET', /\/(host|guest)-connections$/)
          ? withQuery(r, (q) => {
              if (!q.has('statuses')) q.append('statuses', 'connected');
              if (!q.has('limit')) q.set('limit', '10');
              if (!q.has('offset')) q.set('offset', '0');
            })
          : r,
    },
    {
      name: 'mca: invitation accepted twice',
      api: 'mycreditapp',
      kills: ['mca_invitation_single_use', 'mca_invitation_race'],
      response: async (r, res, forward) => {
        if (!(is(r, 'POST', /\/host-connections$/) && res.status === 409)) return res;
        const host = JSON.parse(r.body!).host_organization_id;
        return forward({
          method: 'GET',
          url: r.url.replace(/\/host-connections.*$/, `/host-connections/${host}`),
          headers: r.headers,
        });
      },
    },
    {
      name: 'mca: organization access not enforced',
      api: 'mycreditapp',
      kills: ['mca_access_rules'],
      response: async (r, res, forward) => {
        if (res.status !== 403) return res;
        const guest = mca.organizations.guest;
        return forward({
          ...r,
          headers: {
            ...r.headers,
            authorization: `Bearer ${guest.access_token}`,
            'requester-organization-id': guest.id,
            'target-organization-id': guest.id,
          },
        });
      },
    },
    {
      name: 'mca: maintenance answered with a generic code',
      api: 'mycreditapp',
      kills: ['mca_maintenance'],
      response: (_r, res) =>
        res.status === 503
          ? { ...res, body: { detail: [{ loc: [], msg: 'down', type: 'server', code: 'unavailable' }] } }
          : res,
    },
    {
      name: 'mca: unarchive keeps archived_at',
      api: 'mycreditapp',
      kills: ['mca_status_and_archive'],
      response: (r, res) =>
        r.method === 'PATCH' && res.body?.archived === false
          ? { ...res, body: { ...res.body, archived_at: res.body.updated_at } }
          : res,
    },
    // Wingfield
    {
      name: 'wf: totalCount off by one',
      api: 'wingfield',
      kills: ['wf_counts'],
      response: (r, res) =>
        r.method === 'GET' && typeof res.body?.totalCount === 'number'
          ? { ...res, body: { ...res.body, totalCount: res.body.totalCount + 1 } }
          : res,
    },
    {
      name: 'wf: an unknown user is linked anyway',
      api: 'wingfield',
      kills: ['wf_unknown_resources'],
      response: (_r, res) => (res.body?.error?.type === 'user_not_found' ? { ...res, status: 200, body: {} } : res),
    },
    {
      name: 'wf: a claimed token can be claimed again',
      api: 'wingfield',
      kills: ['wf_claim_once', 'wf_claim_race'],
      response: (r, res) =>
        is(r, 'POST', /\/claim$/) && res.body?.error?.type === 'connect_token_unusable'
          ? {
              ...res,
              status: 200,
              body: {
                id: '00000000-0000-4000-8000-000000000001',
                externalServiceId: fx.wingfield.external_service_id,
                organizationId: '00000000-0000-4000-8000-000000000002',
                externalOrganizationId: JSON.parse(r.body!).externalOrganizationId,
                createdAt: '2024-01-01T00:00:00Z',
                updatedAt: '2024-01-01T00:00:00Z',
              },
            }
          : res,
    },
    {
      name: 'wf: an expired token reported as unknown',
      api: 'wingfield',
      kills: ['wf_claim_errors'],
      response: (_r, res) =>
        res.status === 410
          ? {
              ...res,
              status: 404,
              body: { error: { type: 'connect_token_not_found', message: 'Connect token was not found.' } },
            }
          : res,
    },
    {
      name: "wf: the path's external service is not checked",
      api: 'wingfield',
      kills: ['wf_wrong_service'],
      request: (r) => ({
        ...r,
        url: r.url.replace(/\/external-services\/[^/]+/, `/external-services/${fx.wingfield.external_service_id}`),
      }),
    },
    {
      name: 'wf: error type renamed',
      api: 'wingfield',
      kills: ['response_schema_conformance', 'wf_claim_errors'],
      response: (_r, res) =>
        res.body?.error?.type === 'malformed_connect_token'
          ? { ...res, body: { error: { ...res.body.error, type: 'invalid_token' } } }
          : res,
    },
    {
      name: 'wf: PRO quota not enforced',
      api: 'wingfield',
      kills: ['wf_pro_subscription'],
      response: (_r, res) =>
        res.body?.error?.type === 'pro_user_quota_exceeded' ? { ...res, status: 200, body: {} } : res,
    },
    {
      name: 'wf: unlink answers 200 but keeps the relation',
      api: 'wingfield',
      kills: ['wf_unlink'],
      response: (r, res) => (r.method === 'DELETE' && res.status === 200 ? res : res),
      request: (r) =>
        r.method === 'DELETE' && /\/relation$/.test(r.url)
          ? { ...r, method: 'GET', url: r.url.replace(/\/organizations\/[^/]+\/relation$/, '/organizations') }
          : r,
    },
  ];
}
