import { progressTicker, type BuildInput } from '../../build-progress.js';
import { maxLengthOf, seededFor, specSchema } from '../../seeded.js';
import { found } from '../../found.js';
import { sortByText } from '../../index/radix.js';
import {
  Auth0State,
  allScopes,
  linkDefaults,
  type Auth0Data,
  type Link,
  type Tenant,
  type TenantConnection,
} from './state.js';

const strategies = ['samlp', 'oidc', 'waad', 'google-apps', 'okta', 'auth0'];
// Names are cut to the lengths the spec allows, access levels drawn from its enum.
const schemas = () => ({
  linkName: maxLengthOf(specSchema('auth0', 'OrganizationConnectionName'), 50),
  accessLevel: specSchema('auth0', 'OrganizationAccessLevel'),
});

/**
 * Two tenants. `connkit` has size + 10 connections and three organizations: `main` linked to
 * `size` of them (every fourth disabled), `small` to three, `empty` to none. `other` has one
 * organization with two links, for cross-tenant checks. Tokens: every scope, read only, no
 * scope, the other tenant, expired, and one signed with a foreign key.
 */
export function createAuth0({ seed, size, onProgress }: BuildInput): Auth0State {
  const f = seededFor(seed, 'auth0');
  const sc = schemas();
  const id = (prefix: string) => `${prefix}_${f.alnum(16)}`;
  const data: Auth0Data = { seed, counter: 0, tenants: {}, links: {}, tokens: [] };
  // The tenants' connections, then the organizations' links (see the calls below).
  const tick = progressTicker(size + 15 + size + 5, onProgress);
  let made = 0;

  // Each tenant's connection ids in the order they were made: its Map's order.
  const connectionIds = new Map<Tenant, string[]>();
  const tenant = (tid: string, domain: string, connections: number): Tenant => {
    const byId = new Map<string, TenantConnection>();
    const ids: string[] = [];
    for (let i = 0; i < connections; i++) {
      tick(made++);
      const strategy = f.pick(strategies);
      const c = { id: id('con'), name: `${f.noun()}-${strategy}-${i}`.toLowerCase(), strategy };
      byId.set(c.id, c);
      ids.push(c.id);
    }
    const t: Tenant = { id: tid, domain, connections: byId, organizations: {} };
    connectionIds.set(t, ids);
    data.tenants[tid] = t;
    return t;
  };
  const org = (t: Tenant, label: string, links: number) => {
    const o = { id: id('org'), name: label, tenant: t.id };
    t.organizations[o.id] = o;
    const chosen = inTextOrder(f.some(found(connectionIds.get(t), 'connection ids'), links));
    const list = new Array<Link>(chosen.length);
    for (let i = 0; i < chosen.length; i++) {
      tick(made++);
      // Drawn in this order; the fields are written in the order the spread of linkDefaults gave them.
      const organization_connection_name = i % 3 === 0 ? f.company().slice(0, sc.linkName) : null;
      const assign_membership_on_login = f.bool();
      const organization_access_level = f.ofSchema(sc.accessLevel) as Link['organization_access_level'];
      list[i] = {
        assign_membership_on_login,
        show_as_button: linkDefaults.show_as_button,
        is_signup_enabled: linkDefaults.is_signup_enabled,
        organization_access_level,
        is_enabled: i % 4 !== 3,
        connection_id: chosen[i],
        organization_connection_name,
      };
    }
    data.links[o.id] = list;
  };

  const main = tenant('connkit', 'connkit.auth0.com', size + 10);
  org(main, 'main', size);
  org(main, 'small', 3);
  org(main, 'empty', 0);
  const other = tenant('other', 'other-tenant.auth0.com', 5);
  org(other, 'other-main', 2);

  const state = new Auth0State(data);
  state.mintToken('full', 'connkit', allScopes);
  state.mintToken('read-only', 'connkit', ['read:organization_connections']);
  state.mintToken('no-scope', 'connkit', []);
  state.mintToken('other-tenant', 'other', allScopes);
  state.mintToken('expired', 'connkit', allScopes, { expired: true });
  state.mintToken('bad-signature', 'connkit', allScopes, { secret: 'not-the-tenant-signing-key' });
  return state;
}

/** The ids as `.sort()` orders them, by a radix sort over their characters (a million: a comparator sort takes seconds). */
function inTextOrder(ids: string[]): string[] {
  const rows = new Uint32Array(ids.length);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  const order = sortByText(rows, ids);
  if (!order) return ids.sort();
  const out = new Array<string>(ids.length);
  for (let i = 0; i < out.length; i++) out[i] = ids[order[i]];
  return out;
}
