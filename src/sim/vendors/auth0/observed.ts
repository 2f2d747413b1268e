import type { components } from '../../../generated/auth0.js';
import type { components as control } from '../../../generated/control.js';
import type { Observation, ObservedRead, Observer } from '../../module.js';
import { answersOf, isObject, itemsOf, numberOf } from '../../observe.js';
import { allScopes, Auth0State, linkDefaults, type Auth0Data, type Link, type Tenant } from './state.js';

type Profile = control['schemas']['Auth0Profile'];
type Level = components['schemas']['OrganizationAccessLevel'];
const levels: readonly Level[] = ['none', 'readonly', 'limited', 'full'];
const isLevel = (v: unknown): v is Level => levels.some((l) => l === v);
const perPage = 50;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Each organization of the profile with the token of its own tenant. */
function organizations(p: Profile): { id: string; tenant: 'connkit' | 'other'; token: string }[] {
  const own = [p.organizations.main, p.organizations.empty].flatMap((o) =>
    o ? [{ id: o.id, tenant: 'connkit' as const, token: p.tokens.full }] : [],
  );
  const other = p.organizations.other_tenant;
  const otherToken = p.tokens.other_tenant;
  return other && otherToken ? [...own, { id: other.id, tenant: 'other', token: otherToken }] : own;
}

/** An EA-view item as the link it shows, if it is one (the GA view hides the name override and access level). */
function linkOf(item: Record<string, unknown>): { link: Link; name: string; strategy: string } | undefined {
  const conn = isObject(item.connection) ? item.connection : {};
  const level = item.organization_access_level;
  if (typeof item.connection_id !== 'string' || typeof conn.name !== 'string') return undefined;
  const name = typeof item.organization_connection_name === 'string' ? item.organization_connection_name : null;
  return {
    link: {
      connection_id: item.connection_id,
      // A name equal to the connection's own is the connection's own (x-connkit-assumption).
      organization_connection_name: name === conn.name ? null : name,
      assign_membership_on_login: item.assign_membership_on_login === true,
      show_as_button: item.show_as_button !== false,
      is_signup_enabled: item.is_signup_enabled === true,
      organization_access_level: isLevel(level) ? level : linkDefaults.organization_access_level,
      is_enabled: item.is_enabled !== false,
    },
    name: conn.name,
    strategy: typeof conn.strategy === 'string' ? conn.strategy : 'auth0',
  };
}

/**
 * Auth0 as a target shows it: every link of each profile organization through the EA list
 * (every page), the tenant's connections as far as links show them. A connection no link
 * shows has no name or strategy the model could know: unknown, never sent.
 */
export const auth0Observer: Observer<Auth0State, Profile> = {
  reads(p, seen) {
    if (seen.length) return [];
    return organizations(p).map((o): ObservedRead => ({
      operationId: 'get_organization_connections',
      path: { id: o.id },
      query: { include_totals: true, page: 0, per_page: perPage },
      headers: bearer(o.token),
    }));
  },
  next(read, answer: Observation) {
    const body = answer.body;
    if (answer.status !== 200 || typeof body !== 'object' || body === null) return undefined;
    const page = Number(read.query?.page ?? 0);
    const total = numberOf(Reflect.get(body, 'total'));
    if (total === undefined || (page + 1) * perPage >= total) return undefined;
    return { ...read, query: { ...read.query, page: page + 1 } };
  },
  fromObserved(seen, p, _changed, earlier) {
    const data: Auth0Data = { seed: 0, counter: 0, tenants: {}, links: {}, tokens: [] };
    const tenant = (id: string, domain: string): Tenant =>
      (data.tenants[id] ??= { id, domain, connections: new Map(), organizations: {} });
    const tenants = {
      connkit: tenant('connkit', 'connkit.auth0.com'),
      other: tenant('other', 'other-tenant.auth0.com'),
    };
    const orgs = organizations(p);
    for (const o of orgs) {
      tenants[o.tenant].organizations[o.id] = { id: o.id, name: o.id, tenant: o.tenant };
      data.links[o.id] = [];
    }
    // A connection an earlier run saw linked keeps its name and strategy: it can be linked again.
    for (const answer of answersOf(earlier, 'get_organization_connections')) {
      const org = orgs.find((o) => o.id === answer.read.path?.id);
      for (const item of org ? itemsOf(answer.body, 'connections') : []) {
        const seenLink = linkOf(item);
        if (!org || !seenLink) continue;
        const id = seenLink.link.connection_id;
        tenants[org.tenant].connections.set(id, { id, name: seenLink.name, strategy: seenLink.strategy });
      }
    }
    for (const answer of answersOf(seen, 'get_organization_connections')) {
      const org = orgs.find((o) => o.id === answer.read.path?.id);
      if (!org) continue;
      for (const item of itemsOf(answer.body, 'connections')) {
        const seenLink = linkOf(item);
        if (!seenLink) continue;
        const id = seenLink.link.connection_id;
        tenants[org.tenant].connections.set(id, { id, name: seenLink.name, strategy: seenLink.strategy });
        if (!data.links[org.id].some((l) => l.connection_id === id)) data.links[org.id].push(seenLink.link);
      }
    }
    for (const list of Object.values(data.links)) list.sort((a, b) => (a.connection_id < b.connection_id ? -1 : 1));
    const state = new Auth0State(data);
    // The profile names each token by what it grants (x-connkit-assumption): the model signs its own alike.
    const roles: [string | undefined, string, string[], boolean][] = [
      [p.tokens.full, 'connkit', allScopes, false],
      [p.tokens.read_only, 'connkit', ['read:organization_connections'], false],
      [p.tokens.no_scope, 'connkit', [], false],
      [p.tokens.other_tenant, 'other', allScopes, false],
      [p.tokens.expired, 'connkit', allScopes, true],
    ];
    const credentials: Record<string, string> = {};
    roles.forEach(([token, t, scopes, expired], i) => {
      if (token) credentials[token] = state.mintToken(`observed-${i}`, t, scopes, { expired }).token;
    });
    // A connection the profile names but no link shows (unlinked, or unlinked by an earlier run): its name is unknown.
    const shown = new Set([...tenants.connkit.connections.keys(), ...tenants.other.connections.keys()]);
    const named = [
      ...(p.unlinked_connection_ids ?? []),
      ...[p.organizations.main, p.organizations.empty, p.organizations.other_tenant].flatMap(
        (o) => o?.connection_ids ?? [],
      ),
    ];
    return { state, credentials, unknown: named.filter((c) => !shown.has(c)) };
  },
};
