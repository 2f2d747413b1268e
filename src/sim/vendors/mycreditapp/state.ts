import { replaceFields } from '../../replace-fields.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { components } from '../../../generated/mycreditapp.js';
import { JwtIssuer } from '../../jwt.js';
import { mintHex, mintUuid } from '../../seeded.js';
import {
  countsOf,
  isOrgField,
  orderBy,
  orderById,
  queryIndex,
  rankOf,
  searchPositions,
  type Counts,
  type FieldOrder,
  type ListQuery,
  type OrgList,
  type Side,
} from './query.js';
import { found } from '../../found.js';

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

/** What one organization's list keeps between requests: orders by field, counts per filter. */
interface ListCache {
  list: OrgList;
  byId?: { length: number; rows: Uint32Array };
  /** By field; an order of organization fields holds while the list keeps its length, others for one state version. */
  orders: Map<string, { stamp: string; order: FieldOrder; counts?: { version: number; counts: Counts } }>;
}

/** Lists whose orders are kept at once (a million-row list holds a few tens of MB per field). */
const keptLists = 8;

export class MyCreditAppState {
  readonly jwt: JwtIssuer;
  /** Moves with every change to connections; orders of connection fields are kept for one version. */
  private version = 0;
  private readonly lists = new Map<string, ListCache>();
  /** host → guest → connection (no key string per pair: a million pairs cost only their entries). */
  private readonly byPair = new Map<string, Map<string, Connection>>();
  private readonly byGuest = new Map<string, Connection[]>();
  private readonly byHost = new Map<string, Connection[]>();
  private readonly invitationByToken = new Map<string, Invitation>();

  constructor(readonly data: McaData) {
    this.jwt = new JwtIssuer(bytesToHex(sha256(utf8ToBytes(`connkit-mycreditapp:${data.seed}`))));
    for (const c of data.connections) this.index(c);
    for (const i of Object.values(data.invitations)) this.invitationByToken.set(i.invitation_token, i);
  }

  private index(c: Connection) {
    let guests = this.byPair.get(c.host_organization_id);
    if (!guests) this.byPair.set(c.host_organization_id, (guests = new Map<string, Connection>()));
    guests.set(c.guest_organization_id, c);
    push(this.byGuest, c.guest_organization_id, c);
    push(this.byHost, c.host_organization_id, c);
  }

  /** Changes a connection (status, archive, action) and retires the orders of connection fields. */
  update(c: Connection, fields: Partial<Connection>): Connection {
    Object.assign(c, fields);
    this.version++;
    return c;
  }

  /** The page of `orgId`'s list (its hosts, or its guests) that `q` asks for. */
  list(
    side: Side,
    orgId: string,
    q: ListQuery,
    only?: (c: Connection) => boolean,
  ): { items: Connection[]; total_items: number } {
    const cache = this.listCache(side, orgId);
    const order = this.fieldOrder(cache, q.order_by);
    let candidates: number[] | undefined;
    if (q.search_text) {
      const byField = this.fieldOrder(cache, q.search_field);
      candidates = searchPositions(cache.list, q.search_field, byField, q.search_text.toLowerCase());
      if (byField !== order) {
        const rank = rankOf(order);
        candidates = candidates.map((p) => rank[byField.order[p]]);
      }
    }
    if (only) {
      const { rows } = cache.list;
      if (candidates) candidates = candidates.filter((p) => only(rows[order.order[p]]));
      else {
        const rank = rankOf(order);
        candidates = [];
        for (let row = 0; row < rows.length; row++) if (only(rows[row])) candidates.push(rank[row]);
      }
    }
    return queryIndex(cache.list, order, this.countsFor(cache, q.order_by, order), q, candidates);
  }

  private listCache(side: Side, orgId: string): ListCache {
    const key = `${side}|${orgId}`;
    const rows = side === 'hosts' ? this.ofGuest(orgId) : this.ofHost(orgId);
    let cache = this.lists.get(key);
    // Map order is insertion order: re-inserting keeps the least recently used first.
    this.lists.delete(key);
    if (cache?.list.rows !== rows) {
      const other =
        side === 'hosts'
          ? (c: Connection) => this.data.orgs[c.host_organization_id]
          : (c: Connection) => this.data.orgs[c.guest_organization_id];
      cache = { list: { rows, other }, orders: new Map() };
    }
    this.lists.set(key, cache);
    if (this.lists.size > keptLists) {
      const oldest = this.lists.keys().next();
      if (!oldest.done) this.lists.delete(oldest.value);
    }
    return cache;
  }

  private fieldOrder(cache: ListCache, field: string): FieldOrder {
    const { rows } = cache.list;
    const stamp = isOrgField(field) ? `rows ${rows.length}` : `version ${this.version}`;
    const hit = cache.orders.get(field);
    if (hit?.stamp === stamp) return hit.order;
    if (cache.byId?.length !== rows.length) cache.byId = { length: rows.length, rows: orderById(cache.list) };
    const order = orderBy(cache.list, field, cache.byId.rows);
    cache.orders.set(field, { stamp, order });
    return order;
  }

  private countsFor(cache: ListCache, field: string, order: FieldOrder): Counts {
    const entry = found(cache.orders.get(field), `order by ${field} (fieldOrder makes it first)`);
    if (entry.counts?.version !== this.version)
      entry.counts = { version: this.version, counts: countsOf(cache.list, order) };
    return entry.counts.counts;
  }

  org(id: string): Org | undefined {
    return Object.hasOwn(this.data.orgs, id) ? this.data.orgs[id] : undefined;
  }

  pair(host: string, guest: string): Connection | undefined {
    return this.byPair.get(host)?.get(guest);
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
    const inv: Invitation = {
      id: this.uuid(),
      invitation_token: `inv_${mintHex(this.data.seed, 'mycreditapp-invitation', this.data.counter++, 32)}`,
      ...fields,
    };
    this.data.invitations[inv.id] = inv;
    this.invitationByToken.set(inv.invitation_token, inv);
    return inv;
  }

  /** Changes an invitation's fields in place, its token index following (the page's record editor). */
  changeInvitation(i: Invitation, fields: Invitation): void {
    if (this.invitationByToken.get(i.invitation_token) === i) this.invitationByToken.delete(i.invitation_token);
    replaceFields(i, fields);
    this.invitationByToken.set(i.invitation_token, i);
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
