import { createHash } from 'node:crypto';
import type { components } from '../../../generated/mycreditapp.js';
import { JwtIssuer } from '../../jwt.js';
import { mintHex, mintUuid } from '../../seeded.js';
import { buildIndex, fieldOf, queryIndex, type ListQuery, type Side, type SortedIndex } from './query.js';

type S = components['schemas'];
export type HostConnection = S['HostConnection'];
export type GuestConnection = S['GuestConnection'];
export type GuestInvitation = S['GuestInvitation'];

export interface Org {
  id: string;
  name: string;
  email: string;
  owner_email: string;
  parent_organization_id: string | null;
}

/** The one record a host–guest pair shares; both views are projections of it. */
export interface Connection {
  host_organization_id: string;
  guest_organization_id: string;
  status: S['ConnectionStatus'];
  archived: boolean;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  active_action_type: S['ActiveActionType'] | null;
  active_action_updated_at: string | null;
  total_score: number | null;
  score_updated_at: string | null;
}

export type Invitation = Omit<GuestInvitation, 'expired' | 'parent_organization_name'>;

export interface Client {
  label: string;
  organization_id: string;
  access_token: string;
}

export interface McaData {
  seed: number;
  counter: number;
  orgs: Record<string, Org>;
  connections: Connection[];
  invitations: Record<string, Invitation>;
  clients: Client[];
}

const pairKey = (host: string, guest: string) => `${host}|${guest}`;

export class MyCreditAppState {
  readonly jwt: JwtIssuer;
  /** Moves with every change to connections; sorted indexes are kept for one version. */
  private version = 0;
  private readonly sorted = new Map<string, { version: number; index: SortedIndex }>();
  private readonly byPair = new Map<string, Connection>();
  private readonly byGuest = new Map<string, Connection[]>();
  private readonly byHost = new Map<string, Connection[]>();
  private readonly invitationByToken = new Map<string, Invitation>();

  constructor(readonly data: McaData) {
    this.jwt = new JwtIssuer(createHash('sha256').update(`connkit-mycreditapp:${data.seed}`).digest('hex'));
    for (const c of data.connections) this.index(c);
    for (const i of Object.values(data.invitations)) this.invitationByToken.set(i.invitation_token, i);
  }

  private index(c: Connection) {
    this.byPair.set(pairKey(c.host_organization_id, c.guest_organization_id), c);
    push(this.byGuest, c.guest_organization_id, c);
    push(this.byHost, c.host_organization_id, c);
  }

  /** Changes a connection (status, archive, action) and retires the sorted indexes. */
  update(c: Connection, fields: Partial<Connection>): Connection {
    Object.assign(c, fields);
    this.version++;
    return c;
  }

  /** The page of `orgId`'s list (its hosts, or its guests) that `q` asks for. */
  list(side: Side, orgId: string, q: ListQuery, only?: (c: Connection) => boolean): { items: Connection[]; total_items: number } {
    const index = this.sortedIndex(side, orgId, q.order_by);
    let search: Set<Connection> | undefined;
    if (q.search_text) {
      // The index sorted by the searched field holds its lower-cased values already.
      const needle = q.search_text.toLowerCase();
      const byField = this.sortedIndex(side, orgId, q.search_field);
      search = new Set();
      for (let i = 0; i < byField.rows.length; i++) if ((byField.keys[i] as string).includes(needle)) search.add(byField.rows[i]);
    }
    return queryIndex(index, q, search, only);
  }

  private sortedIndex(side: Side, orgId: string, orderBy: string): SortedIndex {
    const key = `${side}|${orgId}|${orderBy}`;
    const hit = this.sorted.get(key);
    if (hit?.version === this.version) return hit.index;
    const rows = side === 'hosts' ? this.ofGuest(orgId) : this.ofHost(orgId);
    const tie = side === 'hosts' ? (c: Connection) => c.host_organization_id : (c: Connection) => c.guest_organization_id;
    const index = buildIndex(rows, fieldOf(side, orderBy, this.data.orgs), tie);
    if (this.sorted.size > 64) this.sorted.clear();
    this.sorted.set(key, { version: this.version, index });
    return index;
  }

  org(id: string): Org | undefined {
    return Object.hasOwn(this.data.orgs, id) ? this.data.orgs[id] : undefined;
  }

  pair(host: string, guest: string): Connection | undefined {
    return this.byPair.get(pairKey(host, guest));
  }

  ofGuest(guest: string): Connection[] {
    return this.byGuest.get(guest) ?? [];
  }

  ofHost(host: string): Connection[] {
    return this.byHost.get(host) ?? [];
  }

  invitationByTokenValue(token: string): Invitation | undefined {
    return this.invitationByToken.get(token);
  }

  invitationsOf(host: string): Invitation[] {
    return Object.values(this.data.invitations).filter((i) => i.host_organization_id === host);
  }

  /** What both views of a connection share. */
  private common(c: Connection) {
    return {
      host_organization_id: c.host_organization_id,
      guest_organization_id: c.guest_organization_id,
      status: c.status,
      archived: c.archived,
      created_at: c.created_at,
      updated_at: c.updated_at,
      archived_at: c.archived_at,
      active_action_type: c.active_action_type,
      active_action_updated_at: c.active_action_updated_at,
    };
  }

  hostView(c: Connection): HostConnection {
    const host = this.data.orgs[c.host_organization_id];
    return { ...this.common(c), host_name: host.name, host_email: host.email, owner_email: host.owner_email };
  }

  guestView(c: Connection): GuestConnection {
    const guest = this.data.orgs[c.guest_organization_id];
    const parent = guest.parent_organization_id ? this.data.orgs[guest.parent_organization_id] : undefined;
    return {
      ...this.common(c),
      guest_name: guest.name,
      guest_email: guest.email,
      owner_email: guest.owner_email,
      total_score: c.total_score,
      score_updated_at: c.score_updated_at,
      parent_organization_id: parent?.id ?? null,
      parent_organization_name: parent?.name ?? null,
    };
  }

  invitationView(i: Invitation, now: Date): GuestInvitation {
    const expired = i.status !== 'accepted' && new Date(i.expired_at) <= now;
    const parent = i.parent_organization_id ? this.data.orgs[i.parent_organization_id] : undefined;
    return { ...i, status: expired ? 'expired' : i.status, expired, parent_organization_name: parent?.name ?? null };
  }

  connect(host: string, guest: string, now: string): Connection {
    const c: Connection = {
      host_organization_id: host,
      guest_organization_id: guest,
      status: 'connected',
      archived: false,
      created_at: now,
      updated_at: now,
      archived_at: null,
      active_action_type: null,
      active_action_updated_at: null,
      total_score: null,
      score_updated_at: null,
    };
    this.data.connections.push(c);
    this.index(c);
    this.version++;
    return c;
  }

  addInvitation(fields: Omit<Invitation, 'id' | 'invitation_token'>): Invitation {
    const inv: Invitation = { id: this.uuid(), invitation_token: `inv_${mintHex(this.data.seed, 'mycreditapp-invitation', this.data.counter++, 32)}`, ...fields };
    this.data.invitations[inv.id] = inv;
    this.invitationByToken.set(inv.invitation_token, inv);
    return inv;
  }

  addOrg(fields: Omit<Org, 'id'>): Org {
    const org = { id: this.uuid(), ...fields };
    this.data.orgs[org.id] = org;
    return org;
  }

  mintClient(label: string, organizationId: string, opts: { expired?: boolean; secret?: string } = {}): Client {
    const claims = {
      iss: 'https://api.mycreditapp.ai/',
      sub: `client-${this.data.seed}-${this.data.counter++}`,
      org_id: organizationId,
      iat: 1735689600,
      exp: opts.expired ? 1735693200 : 4102444800,
    };
    const access_token = opts.secret ? new JwtIssuer(opts.secret).sign(claims) : this.jwt.sign(claims);
    const client = { label, organization_id: organizationId, access_token };
    this.data.clients.push(client);
    return client;
  }

  uuid(): string {
    return mintUuid(this.data.seed, 'mycreditapp', this.data.counter++);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
