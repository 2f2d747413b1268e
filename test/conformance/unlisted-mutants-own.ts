import type { ProxyRequest } from '../helpers/mutating-proxy.js';
import type { UnlistedMutant } from './unlisted-mutants.js';
import {
  isRecord,
  jsonBody,
  pathOf,
  queryOf,
  records,
  withBody,
  withQuery,
  type Json,
} from '../helpers/mutant-exchange.js';

/**
 * A second set of bugs written from the specs alone (issue #15's biased generation), before the
 * model tier learned to draw the states and parameters that reach them: each breaks a rule the
 * spec states that neither the named checks nor the first set target.
 */

const sameParty = (r: ProxyRequest) =>
  Object.fromEntries(
    Object.entries(r.headers).filter(([k]) => !['content-type', 'content-length'].includes(k.toLowerCase())),
  );
const gaView = ({
  organization_connection_name: _n,
  organization_access_level: _l,
  is_enabled: _e,
  ...rest
}: Json): Json => rest;

export function ownMutants(): UnlistedMutant[] {
  return [...leadconduit(), ...auth0(), ...mycreditapp(), ...wingfield()];
}

function leadconduit(): UnlistedMutant[] {
  return [
    {
      name: 'lc+: the degraded header is sent while SSO answers',
      api: 'leadconduit',
      why: 'leadconduit.yaml paths./connections.get: "When SSO answered, the header is absent"',
      response: (r, res) =>
        r.method === 'GET' && /\/connections$/.test(pathOf(r)) && res.status === 200
          ? { ...res, headers: { ...res.headers, 'x-connections-degraded': 'true' } }
          : res,
    },
  ];
}

function auth0(): UnlistedMutant[] {
  const gaOne = /\/organizations\/([^/]+)\/enabled_connections\/([^/]+)$/;
  const gaList = /\/organizations\/([^/]+)\/enabled_connections$/;
  const baseOf = (r: ProxyRequest) => pathOf(r).replace(/\/organizations\/.*$/, '');
  return [
    {
      name: 'auth0+: GA PATCH changes a disabled link',
      api: 'auth0',
      why: 'auth0.yaml paths./organizations/{id}/enabled_connections/{connectionId}.patch x-connkit-assumption: "a link that does not exist or is disabled, answers 404 as GET does"',
      response: async (r, res, forward) => {
        const m = gaOne.exec(pathOf(r));
        if (r.method !== 'PATCH' || !m || res.status !== 404) return res;
        const ea = await forward({
          method: 'PATCH',
          url: `${baseOf(r)}/organizations/${m[1]}/connections/${m[2]}`,
          headers: { ...sameParty(r), 'content-type': 'application/json' },
          body: r.body,
        });
        return ea.status === 200 && isRecord(ea.body) ? { ...ea, body: gaView(ea.body) } : res;
      },
    },
    {
      name: 'auth0+: GA POST re-enabling a link resets its EA-only members',
      api: 'auth0',
      why: 'auth0.yaml paths./organizations/{id}/enabled_connections.post: "A link that exists but is disabled ... is enabled again and keeps its EA-only members"',
      response: async (r, res, forward) => {
        const m = gaList.exec(pathOf(r));
        const conn = jsonBody(r)?.connection_id;
        if (r.method !== 'POST' || !m || res.status !== 201 || typeof conn !== 'string') return res;
        await forward({
          method: 'PATCH',
          url: `${baseOf(r)}/organizations/${m[1]}/connections/${conn}`,
          headers: { ...sameParty(r), 'content-type': 'application/json' },
          body: JSON.stringify({ organization_connection_name: null, organization_access_level: null }),
        });
        return res;
      },
    },
    {
      name: 'auth0+: PATCH with a null access level keeps the old one',
      api: 'auth0',
      why: 'auth0.yaml paths./organizations/{id}/connections/{connection_id}.patch: "null resets a nullable member to its default: ... organization_access_level to none"',
      request: (r) => {
        const body = jsonBody(r);
        if (
          r.method !== 'PATCH' ||
          !/\/connections\/[^/]+$/.test(pathOf(r)) ||
          body?.organization_access_level !== null
        )
          return r;
        const { organization_access_level: _l, ...rest } = body;
        return { ...r, body: JSON.stringify(rest) };
      },
    },
    {
      name: 'auth0+: GA list ignores per_page',
      api: 'auth0',
      why: 'auth0.yaml components.parameters.PerPage: "Number of results per page"',
      request: (r) =>
        r.method === 'GET' && gaList.test(pathOf(r)) && queryOf(r).has('per_page')
          ? withQuery(r, (q) => q.delete('per_page'))
          : r,
    },
  ];
}

function mycreditapp(): UnlistedMutant[] {
  const listKind = (r: ProxyRequest) => /\/(host-connections|guest-connections)$/.exec(pathOf(r))?.[1];
  const hostOne = /\/host-connections\/([^/]+)$/;
  const guestOne = /\/guest-connections\/([^/]+)$/;
  const firstStamp = new Map<string, unknown>();
  const pair = (x: Json) => `${String(x.host_organization_id)}|${String(x.guest_organization_id)}`;
  const defaultSearch: Record<string, string> = { 'host-connections': 'host_name', 'guest-connections': 'guest_name' };
  return [
    {
      name: 'mca+: invitation_statuses filter ignored',
      api: 'mycreditapp',
      why: 'mycreditapp.yaml paths./guest-invitations.get parameters.invitation_statuses: "Only invitations in one of these statuses"',
      request: (r) =>
        r.method === 'GET' && /\/guest-invitations$/.test(pathOf(r)) && queryOf(r).has('invitation_statuses')
          ? withQuery(r, (q) => q.delete('invitation_statuses'))
          : r,
    },
    {
      name: 'mca+: total_items counts the page, not the filtered records',
      api: 'mycreditapp',
      why: 'mycreditapp.yaml paths./host-connections.get: "total_items counts the filtered records before limit/offset apply"',
      response: (r, res) =>
        r.method === 'GET' && listKind(r) && res.status === 200 && isRecord(res.body) && Array.isArray(res.body.items)
          ? withBody(res, { ...res.body, total_items: res.body.items.length })
          : res,
    },
    {
      name: 'mca+: search_text matched case-sensitively',
      api: 'mycreditapp',
      why: 'mycreditapp.yaml components.parameters.SearchText: "Case-insensitive substring searched in search_field"',
      response: (r, res) => {
        const kind = listKind(r);
        const q = queryOf(r);
        const text = q.get('search_text');
        if (r.method !== 'GET' || !kind || !text || res.status !== 200 || !isRecord(res.body)) return res;
        const field = q.get('search_field') ?? defaultSearch[kind];
        const items = records(res.body.items);
        const kept = items.filter((x) => (typeof x[field] === 'string' ? x[field] : '').includes(text));
        return withBody(res, {
          ...res.body,
          items: kept,
          total_items: Number(res.body.total_items) - (items.length - kept.length),
        });
      },
    },
    {
      name: 'mca+: a change of status never moves updated_at',
      api: 'mycreditapp',
      why: 'mycreditapp.yaml paths./host-connections/{host_org_id}.patch: "A change of status moves updated_at"',
      response: (r, res) => {
        if (res.status !== 200 || !(listKind(r) || hostOne.test(pathOf(r)) || guestOne.test(pathOf(r)))) return res;
        const fix = (x: Json): Json => {
          if (!('updated_at' in x) || !('guest_organization_id' in x)) return x;
          const key = pair(x);
          if (!firstStamp.has(key)) firstStamp.set(key, x.updated_at);
          return { ...x, updated_at: firstStamp.get(key) };
        };
        const body = res.body;
        if (isRecord(body) && Array.isArray(body.items))
          return withBody(res, { ...body, items: records(body.items).map(fix) });
        return isRecord(body) ? withBody(res, fix(body)) : res;
      },
    },
    {
      name: 'mca+: guest invitations ignore offset',
      api: 'mycreditapp',
      why: 'mycreditapp.yaml components.parameters.Offset: "Number of records to skip"',
      request: (r) =>
        r.method === 'GET' && /\/guest-invitations$/.test(pathOf(r)) && (queryOf(r).get('offset') ?? '0') !== '0'
          ? withQuery(r, (q) => q.set('offset', '0'))
          : r,
    },
  ];
}

function wingfield(): UnlistedMutant[] {
  const list = /\/external-services\/[^/]+\/organizations$/;
  return [
    {
      name: 'wf+: totalCount counts the page',
      api: 'wingfield',
      why: 'wingfield.yaml paths./external-services/{externalServiceId}/organizations.get: "totalCount counts them all"',
      response: (r, res) =>
        r.method === 'GET' &&
        list.test(pathOf(r)) &&
        res.status === 200 &&
        isRecord(res.body) &&
        Array.isArray(res.body.items)
          ? withBody(res, { ...res.body, totalCount: res.body.items.length })
          : res,
    },
    {
      name: 'wf+: limit ignored (always 50)',
      api: 'wingfield',
      why: 'wingfield.yaml paths./external-services/{externalServiceId}/organizations.get parameters.limit: "Page size"',
      request: (r) =>
        r.method === 'GET' && list.test(pathOf(r)) && queryOf(r).has('limit')
          ? withQuery(r, (q) => q.delete('limit'))
          : r,
    },
  ];
}
