import type { components } from '../../../generated/auth0.js';
import { found } from '../../found.js';
import { JwtIssuer } from '../../jwt.js';
import { sha256Hex } from '../../seeded.js';

type S = components['schemas'];
export type OrgConnection = S['OrganizationAllConnection'];
export type EnabledConnection = S['OrganizationEnabledConnection'];

/** A tenant as snapshots hold it, from the schema an import checks it by (x-connkit.internal.tenants). */
export type TenantJson = S['TenantRecord'];
export type TenantConnection = TenantJson['connections'][string];

/** A tenant as it is held: its connections (a million in a large world) a Map by id. */
export type Tenant = Omit<TenantJson, 'connections'> & { connections: Map<string, TenantConnection> };

/** A link as stored: `organization_connection_name` null means "the connection's own name". */
export interface Link {
  connection_id: string;
  organization_connection_name: string | null;
  assign_membership_on_login: boolean;
  show_as_button: boolean;
  is_signup_enabled: boolean;
  organization_access_level: S['OrganizationAccessLevel'];
  is_enabled: boolean;
}

export type IssuedToken = S['IssuedTokenRecord'];

export interface Auth0Data {
  seed: number;
  counter: number;
  tenants: Record<string, Tenant>;
  /** Per organization, sorted by connection_id: pages are slices. */
  links: Record<string, Link[]>;
  tokens: IssuedToken[];
}

/** The state as snapshots hold it: every collection an object by id. */
export type Auth0Json = Omit<Auth0Data, 'tenants'> & { tenants: Record<string, TenantJson> };

export const allScopes = ['read', 'create', 'update', 'delete'].map((v) => `${v}:organization_connections`);

export const linkDefaults = {
  assign_membership_on_login: false,
  show_as_button: true,
  is_signup_enabled: false,
  organization_access_level: 'none',
  is_enabled: true,
} as const;

/** A tenant's connections and organizations, and the links between them. */
export class Auth0State {
  readonly jwt: JwtIssuer;
  private readonly orgTenant = new Map<string, Tenant>();
  private readonly tenantByAudience = new Map<string, Tenant>();

  constructor(readonly data: Auth0Data) {
    this.jwt = new JwtIssuer(sha256Hex(`connkit-auth0:${data.seed}`));
    for (const t of Object.values(data.tenants)) {
      this.tenantByAudience.set(audience(t.domain), t);
      for (const id of Object.keys(t.organizations)) this.orgTenant.set(id, t);
    }
  }

  /** A snapshot's state (each tenant's connections turned into a Map, in the order the snapshot has them). */
  static fromJSON(json: Auth0Json): Auth0State {
    const tenants = mapValues(json.tenants, (t) => ({ ...t, connections: new Map(Object.entries(t.connections)) }));
    return new Auth0State({ ...json, tenants });
  }

  /** The state as snapshots hold it; a Map's order is its insertion order, as an object's keys are. */
  toJSON(): Auth0Json {
    const tenants = mapValues(this.data.tenants, (t) => ({ ...t, connections: Object.fromEntries(t.connections) }));
    return { ...this.data, tenants };
  }

  tenantForAudience(aud: unknown): Tenant | undefined {
    const list = Array.isArray(aud) ? aud : [aud];
    for (const a of list) {
      const t = this.tenantByAudience.get(String(a));
      if (t) return t;
    }
    return undefined;
  }

  /** The organization when it exists in this tenant (another tenant's is as good as absent). */
  organization(tenant: Tenant, orgId: string) {
    return this.orgTenant.get(orgId) === tenant ? tenant.organizations[orgId] : undefined;
  }

  /** The organization's links (none: an empty list, not stored: a read never writes state). */
  links(orgId: string): Link[] {
    return Object.hasOwn(this.data.links, orgId) ? this.data.links[orgId] : [];
  }

  find(orgId: string, connectionId: string): { index: number; link?: Link } {
    const list = this.links(orgId);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].connection_id < connectionId) lo = mid + 1;
      else hi = mid;
    }
    return { index: lo, link: list[lo]?.connection_id === connectionId ? list[lo] : undefined };
  }

  insert(orgId: string, link: Link): void {
    const { index } = this.find(orgId, link.connection_id);
    if (!Object.hasOwn(this.data.links, orgId)) this.data.links[orgId] = [];
    this.data.links[orgId].splice(index, 0, link);
  }

  remove(orgId: string, connectionId: string): boolean {
    const { index, link } = this.find(orgId, connectionId);
    if (link) this.links(orgId).splice(index, 1);
    return Boolean(link);
  }

  /** The organization's links the GA view shows: the enabled ones, in connection_id order. */
  enabledLinks(orgId: string): Link[] {
    return this.links(orgId).filter((l) => l.is_enabled);
  }

  /** The link as the EA view shows it: name and connection filled from the tenant connection. */
  view(tenant: Tenant, link: Link): OrgConnection {
    const conn = connectionOf(tenant, link);
    return {
      connection_id: link.connection_id,
      organization_connection_name: link.organization_connection_name ?? conn.name,
      assign_membership_on_login: link.assign_membership_on_login,
      show_as_button: link.show_as_button,
      is_signup_enabled: link.is_signup_enabled,
      organization_access_level: link.organization_access_level,
      is_enabled: link.is_enabled,
      connection: { name: conn.name, strategy: conn.strategy },
    };
  }

  /** The link as the GA view shows it: no name override, access level or enabled flag. */
  enabledView(tenant: Tenant, link: Link): EnabledConnection {
    const conn = connectionOf(tenant, link);
    return {
      connection_id: link.connection_id,
      assign_membership_on_login: link.assign_membership_on_login,
      show_as_button: link.show_as_button,
      is_signup_enabled: link.is_signup_enabled,
      connection: { name: conn.name, strategy: conn.strategy },
    };
  }

  mintToken(
    label: string,
    tenantId: string,
    scopes: string[],
    opts: { expired?: boolean; secret?: string } = {},
  ): IssuedToken {
    const tenant = this.data.tenants[tenantId];
    const clientId = `client_${this.data.seed}_${this.data.counter++}`;
    const claims = {
      iss: `https://${tenant.domain}/`,
      sub: `${clientId}@clients`,
      aud: audience(tenant.domain),
      azp: clientId,
      gty: 'client-credentials',
      scope: scopes.join(' '),
      iat: 1735689600,
      exp: opts.expired ? 1735693200 : 4102444800,
    };
    const token = opts.secret ? new JwtIssuer(opts.secret).sign(claims) : this.jwt.sign(claims);
    const issued = { label, tenant: tenantId, scopes, token };
    this.data.tokens.push(issued);
    return issued;
  }
}

export const audience = (domain: string) => `https://${domain}/api/v2/`;

const connectionOf = (tenant: Tenant, link: Link) =>
  found(tenant.connections.get(link.connection_id), `connection ${link.connection_id} of tenant ${tenant.id}`);

/** An object of the same keys, in the same order, each value mapped. */
function mapValues<A, B>(record: Record<string, A>, fn: (value: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}
