import type { components } from '../../../generated/control.js';
import type { Auth0State } from './state.js';
import { found } from '../../found.js';

type Org = components['schemas']['Auth0OrganizationFixture'];

export function profile(state: Auth0State, baseUrl: string): components['schemas']['Auth0Profile'] {
  const token = (label: string) => state.data.tokens.find((t) => t.label === label)?.token;
  const [main, other] = Object.values(state.data.tenants);
  const org = (id: string | undefined): Org | undefined =>
    id
      ? {
          id,
          connection_ids: state.links(id).map((l) => l.connection_id),
          enabled_count: state.links(id).filter((l) => l.is_enabled).length,
        }
      : undefined;
  const byName = (name: string) => Object.values(main.organizations).find((o) => o.name === name)?.id;
  const mainOrg = found(byName('main'), "organization named 'main'");
  const emptyOrg = byName('empty');
  const linked = new Set([mainOrg, emptyOrg].flatMap((id) => (id ? state.links(id).map((l) => l.connection_id) : [])));
  return {
    api: 'auth0',
    base_url: baseUrl,
    tokens: {
      full: found(token('full'), "token labelled 'full'"),
      read_only: token('read-only'),
      no_scope: token('no-scope'),
      other_tenant: token('other-tenant'),
      expired: token('expired'),
    },
    organizations: {
      main: found(org(mainOrg), 'main organization'),
      empty: org(emptyOrg),
      other_tenant: org(other && Object.keys(other.organizations)[0]),
    },
    unlinked_connection_ids: Array.from(main.connections.keys()).filter((c) => !linked.has(c)),
  };
}
