import type { components } from '../../../generated/mycreditapp.js';
import { countRecords } from '../../cow/cost.js';
import { wantedOf } from '../../index/filter-counts.js';
import { mergedPage } from '../../index/merged-page.js';
import { JwtIssuer } from '../../jwt.js';
import { replaceFields } from '../../replace-fields.js';
import { mintHex, mintUuid, sha256Hex } from '../../seeded.js';
import { GROUPS, compareKeys, orgField, recordGroup, recordKey, rowGroup, rowKey, type Key } from './keys.js';
import { BaseOrders, positionOf, rowAt, type ListOrder } from './orders.js';
import { OverlayOrder, slotRow } from './overlay.js';
import { selection, type ListQuery } from './query.js';
import { McaTables, type Side } from './tables.js';

type S = components['schemas'];
export type HostConnection = S['HostConnection'];
export type GuestConnection = S['GuestConnection'];
export type GuestInvitation = S['GuestInvitation'];
export type { Side } from './tables.js';

export type Org = S['OrgRecord'];

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

export type Client = S['ClientRecord'];

/** The state as plain JSON (a snapshot's `apis.mycreditapp`). */
export interface McaData {
  seed: number;
  counter: number;
  orgs: Record<string, Org>;
  connections: Connection[];
  invitations: Record<string, Invitation>;
  clients: Client[];
}

/** What the state keeps as plain data (small: a session's view of it copies what it writes). */
export type McaCore = Omit<McaData, 'orgs' | 'connections'>;

/** Derived from a state's changes: found again from the maps the first time a state asks. */
interface Overlay {
  /** Added rows by `host\nguest`. */
  pairs: Map<string, number>;
  /** Changed and added rows by list (`side|organization id`). */
  lists: Map<string, number[]>;
  /** Orders of those rows, by list, then field. */
  orders: Map<string, Map<string, OverlayOrder>>;
}
// Keyed by the state's own map of changed rows: a session's fork has its own (a copy-on-write
// view of the base's), so each state finds its own overlay and none writes another's.
const overlays = new WeakMap<object, Overlay>();
const baseOrders = new WeakMap<McaTables, BaseOrders>();
const emptyRows = new Uint32Array(0);

const listKey = (side: Side, org: string) => `${side}|${org}`;

/**
 * MyCreditApp's state: the seeded world as columns (McaTables, shared by every session and
 * never written), and this state's changes over it (changed rows, added rows and
 * organizations), which lists merge into the base's sorted orders without sorting again.
 */
export class MyCreditAppState {
  readonly jwt: JwtIssuer;
  /** Base rows changed, by row. */
  private readonly changed = new Map<number, Connection>();
  /** Rows added, by their order of addition (row tables.n + i). */
  private readonly added = new Map<number, Connection>();
  private readonly addedOrgs = new Map<string, Org>();
  private readonly invitationByToken = new Map<string, Invitation>();

  constructor(
    readonly data: McaCore,
    readonly tables: McaTables,
  ) {
    this.jwt = new JwtIssuer(sha256Hex(`connkit-mycreditapp:${data.seed}`));
    for (const i of Object.values(data.invitations)) this.invitationByToken.set(i.invitation_token, i);
    // With the world: the long lists' orders are built here, not in a first request.
    void this.orders;
  }

  /** A state read from its plain JSON (`own`: the JSON is held by no one else, so it is not copied). */
  static fromData(json: McaData, own = false): MyCreditAppState {
    const t = new McaTables();
    const known = new Map<string, number>();
    for (const o of Object.values(json.orgs))
      known.set(o.id, t.addOrg(o.id, o.name, o.email, o.owner_email, o.parent_organization_id));
    // A connection naming no organization of the snapshot still gets one (its strings empty).
    const orgIndex = (id: string) => {
      let i = known.get(id);
      if (i === undefined) known.set(id, (i = t.addOrg(id, '', '', '', null)));
      return i;
    };
    for (const c of json.connections)
      t.addConnection(
        orgIndex(c.host_organization_id),
        orgIndex(c.guest_organization_id),
        c.status,
        c.archived,
        c.active_action_type,
        c.total_score,
        c,
      );
    const { seed, counter, invitations, clients } = json;
    const core: McaCore = own
      ? { seed, counter, invitations, clients }
      : (JSON.parse(JSON.stringify({ seed, counter, invitations, clients })) as McaCore);
    return new MyCreditAppState(core, t.finish());
  }

  private get orders(): BaseOrders {
    let o = baseOrders.get(this.tables);
    if (!o) baseOrders.set(this.tables, (o = new BaseOrders(this.tables)));
    return o;
  }

  private overlay(): Overlay {
    let o = overlays.get(this.changed);
    if (o) return o;
    o = { pairs: new Map(), lists: new Map(), orders: new Map() };
    overlays.set(this.changed, o);
    for (const [row, c] of this.changed) this.enlist(o, row, c);
    const n = this.tables.n;
    for (const [i, c] of this.added) {
      o.pairs.set(`${c.host_organization_id}\n${c.guest_organization_id}`, n + i);
      this.enlist(o, n + i, c);
    }
    return o;
  }

  /**
   * Drops the overlay's lists and orders (a failed request's writes were taken back): the next
   * read finds them again from the maps of changed and added rows, as after an import.
   */
  forgetOverlay(): void {
    overlays.delete(this.changed);
  }

  private enlist(o: Overlay, row: number, c: Connection) {
    for (const key of [listKey('hosts', c.guest_organization_id), listKey('guests', c.host_organization_id)]) {
      const rows = o.lists.get(key);
      if (rows) rows.push(row);
      else o.lists.set(key, [row]);
    }
  }

  /** The connection of a row as this state holds it (a fresh object for an unchanged base row). */
  private record(row: number): Connection {
    const n = this.tables.n;
    if (row >= n) return this.added.get(row - n) as Connection;
    return this.changed.get(row) ?? this.tables.connection(row);
  }

  private inOverlay(row: number): boolean {
    const n = this.tables.n;
    return row >= n ? true : this.changed.has(row);
  }

  private rowOf(host: string, guest: string): number {
    const t = this.tables;
    const h = t.orgIndex.get(host);
    const g = t.orgIndex.get(guest);
    if (h !== undefined && g !== undefined) {
      const row = t.pairs.get(h, g);
      if (row >= 0) return row;
    }
    if (!this.added.size) return -1;
    return this.overlay().pairs.get(`${host}\n${guest}`) ?? -1;
  }

  // A method, not an arrow field: a session's fork shares the base's own fields that are functions.
  private orgOf(id: string): Org {
    return this.org(id) as Org;
  }

  private baseOrder(side: Side, orgId: string, field: string): ListOrder {
    const org = this.tables.orgIndex.get(orgId);
    return org === undefined ? emptyOrder() : this.orders.get(side, org, field);
  }

  private overlayOrder(side: Side, orgId: string, field: string, base: ListOrder): OverlayOrder | undefined {
    if (!this.changed.size && !this.added.size) return undefined;
    const o = this.overlay();
    const key = listKey(side, orgId);
    const rows = o.lists.get(key);
    if (!rows) return undefined;
    let byField = o.orders.get(key);
    if (!byField) o.orders.set(key, (byField = new Map<string, OverlayOrder>()));
    let order = byField.get(field);
    if (!order) {
      const t = this.tables;
      order = new OverlayOrder(
        {
          base,
          baseRows: t.n,
          key: (row) => recordKey(this.record(row), side, field, (id) => this.orgOf(id)),
          group: (row) => recordGroup(this.record(row)),
          baseKey: (p) => rowKey(t, side, field, rowAt(base, p)),
        },
        rows,
      );
      byField.set(field, order);
    }
    return order;
  }

  /** The page of `orgId`'s list (its hosts, or its guests) that `q` asks for; `only`: the one other organization a caller may see. */
  list(side: Side, orgId: string, q: ListQuery, only?: string): { items: Connection[]; total_items: number } {
    const base = this.baseOrder(side, orgId, q.order_by);
    const over = this.overlayOrder(side, orgId, q.order_by, base);
    const wanted = wantedOf(selection(q));
    const desc = q.order_dir === 'desc';
    if (!q.search_text && only === undefined) {
      const { slots, total } = mergedPage(base, over, wanted, desc, q.offset, q.limit);
      return { items: slots.map((s) => this.record(slotRow(base, over, s))), total_items: total };
    }
    let rows: number[];
    if (only !== undefined) {
      const row = side === 'hosts' ? this.rowOf(only, orgId) : this.rowOf(orgId, only);
      rows = row >= 0 ? [row] : [];
      if (q.search_text) rows = rows.filter((r) => this.matches(side, q.search_field, r, q.search_text as string));
    } else rows = this.search(side, orgId, q.search_field, (q.search_text as string).toLowerCase());
    // Unchanged base rows by their base position; the overlay's rows placed among them.
    const t = this.tables;
    const keyed: number[] = [];
    const atEnd: number[] = [];
    const fromBase: number[] = [];
    const fromOverlay: { row: number; at: number; key: Key }[] = [];
    for (const row of rows) {
      if (this.inOverlay(row)) {
        const c = this.record(row);
        if (!wanted.flags[recordGroup(c)]) continue;
        const key = recordKey(c, side, q.order_by, (id) => this.orgOf(id));
        let lo = 0;
        let hi = base.n;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (compareKeys(rowKey(t, side, q.order_by, rowAt(base, mid)), key) < 0) lo = mid + 1;
          else hi = mid;
        }
        fromOverlay.push({ row, at: lo, key });
      } else if (wanted.flags[rowGroup(t, row)]) fromBase.push(positionOf(base, row));
    }
    const positions = Float64Array.from(fromBase).sort();
    fromOverlay.sort((a, b) => a.at - b.at || compareKeys(a.key, b.key));
    let oi = 0;
    const push = (row: number, nul: boolean) => (nul ? atEnd : keyed).push(row);
    for (const p of positions) {
      while (oi < fromOverlay.length && fromOverlay[oi].at <= p) push(fromOverlay[oi].row, fromOverlay[oi++].key.nul);
      push(rowAt(base, p), p >= base.firstNull);
    }
    while (oi < fromOverlay.length) push(fromOverlay[oi].row, fromOverlay[oi++].key.nul);
    const ordered = desc ? [...keyed.reverse(), ...atEnd] : [...keyed, ...atEnd];
    return {
      items: ordered.slice(q.offset, q.offset + q.limit).map((r) => this.record(r)),
      total_items: ordered.length,
    };
  }

  private otherText(side: Side, field: string, row: number): string {
    const c = this.inOverlay(row) ? this.record(row) : undefined;
    const text = orgField[field];
    if (!text) return '';
    if (!c) return this.tables.orgText[text][this.tables.otherOf(side)[row]];
    return this.orgOf(side === 'hosts' ? c.host_organization_id : c.guest_organization_id)[text];
  }

  private matches(side: Side, field: string, row: number, needle: string): boolean {
    return this.otherText(side, field, row).toLowerCase().includes(needle.toLowerCase());
  }

  /** Rows of the list whose `field` (an organization's text) contains `needle` (lower case). */
  private search(side: Side, orgId: string, field: string, needle: string): number[] {
    const t = this.tables;
    const text = orgField[field];
    const found: number[] = [];
    const org = t.orgIndex.get(orgId);
    const rows = org === undefined ? emptyRows : t.rowsOf(side, org);
    if (text && org !== undefined) {
      if (rows.length * 16 >= t.orgIds.length) {
        // A list of a good part of all organizations: their search text, then each hit's row.
        for (const other of t.search[text].find(needle)) {
          const row = side === 'hosts' ? t.pairs.get(other, org) : t.pairs.get(org, other);
          if (row >= 0) found.push(row);
        }
      } else {
        const other = t.otherOf(side);
        const values = t.orgText[text];
        for (const row of rows) if (values[other[row]].toLowerCase().includes(needle)) found.push(row);
      }
    }
    if (this.added.size) {
      const mine = this.overlay().lists.get(listKey(side, orgId)) ?? [];
      for (const row of mine) if (row >= t.n && text && this.matches(side, field, row, needle)) found.push(row);
    }
    return found;
  }

  /** Changes a connection (status, archive, action): its row moves in every order kept of its lists. */
  update(c: Connection, fields: Partial<Connection>): Connection {
    Object.assign(c, fields);
    this.store(c);
    return c;
  }

  /** Gives a connection exactly the fields of `record` (the page's record editor); its pair stays. */
  replace(c: Connection, record: object): Connection {
    const { host_organization_id: host, guest_organization_id: guest } = c;
    const row = this.rowOf(host, guest);
    replaceFields(c, record);
    // The pair is what finds a connection in both lists: it stays.
    c.host_organization_id = host;
    c.guest_organization_id = guest;
    this.store(c, row);
    return c;
  }

  private store(c: Connection, row = this.rowOf(c.host_organization_id, c.guest_organization_id)): void {
    if (row < 0) return;
    const o = this.overlay();
    const fresh = !this.inOverlay(row);
    if (row < this.tables.n) this.changed.set(row, c);
    else this.added.set(row - this.tables.n, c);
    if (fresh) this.enlist(o, row, c);
    for (const key of [listKey('hosts', c.guest_organization_id), listKey('guests', c.host_organization_id)])
      for (const order of o.orders.get(key)?.values() ?? []) order.place(row, fresh);
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
    const o = this.overlay();
    const row = this.tables.n + this.added.size;
    this.added.set(row - this.tables.n, c);
    o.pairs.set(`${host}\n${guest}`, row);
    this.enlist(o, row, c);
    for (const key of [listKey('hosts', guest), listKey('guests', host)])
      for (const order of o.orders.get(key)?.values() ?? []) order.place(row, true);
    return c;
  }

  org(id: string): Org | undefined {
    const i = this.tables.orgIndex.get(id);
    if (i !== undefined) return this.tables.org(i);
    return this.addedOrgs.get(id);
  }

  pair(host: string, guest: string): Connection | undefined {
    const row = this.rowOf(host, guest);
    return row < 0 ? undefined : this.record(row);
  }

  /** Every row of a list, in the order the connections were made (small lists: tests, a profile's first ids). */
  private rowsOfList(side: Side, orgId: string): number[] {
    const org = this.tables.orgIndex.get(orgId);
    const rows = org === undefined ? [] : Array.from(this.tables.rowsOf(side, org));
    if (this.added.size)
      for (const row of this.overlay().lists.get(listKey(side, orgId)) ?? []) if (row >= this.tables.n) rows.push(row);
    return rows;
  }

  /** The ids of the first `limit` organizations of a list, in the order the connections were made. */
  firstOf(side: Side, orgId: string, limit: number): string[] {
    const org = this.tables.orgIndex.get(orgId);
    const t = this.tables;
    const out: string[] = [];
    if (org !== undefined)
      for (const row of t.rowsOf(side, org).subarray(0, limit)) out.push(t.orgIds[t.otherOf(side)[row]]);
    if (out.length < limit)
      for (const row of this.rowsOfList(side, orgId))
        if (row >= t.n && out.length < limit) {
          const c = this.record(row);
          out.push(side === 'hosts' ? c.host_organization_id : c.guest_organization_id);
        }
    return out;
  }

  /** A list's connections, all of them, in the order they were made. */
  connectionsOf(side: Side, orgId: string): Connection[] {
    return this.rowsOfList(side, orgId).map((r) => this.record(r));
  }

  connectionCount(): number {
    return this.tables.n + this.added.size;
  }

  /** The i-th connection in the order they were made. */
  connectionAt(i: number): Connection {
    return this.record(i);
  }

  orgCount(): number {
    return this.tables.orgIds.length + this.addedOrgs.size;
  }

  orgIds(): string[] {
    return this.addedOrgs.size ? [...this.tables.orgIds, ...this.addedOrgs.keys()] : this.tables.orgIds;
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
    const host = this.orgOf(c.host_organization_id);
    return { ...this.common(c), host_name: host.name, host_email: host.email, owner_email: host.owner_email };
  }

  guestView(c: Connection): GuestConnection {
    const guest = this.orgOf(c.guest_organization_id);
    const parent = guest.parent_organization_id ? this.org(guest.parent_organization_id) : undefined;
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
    const parent = i.parent_organization_id ? this.org(i.parent_organization_id) : undefined;
    return { ...i, status: expired ? 'expired' : i.status, expired, parent_organization_name: parent?.name ?? null };
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
    this.addedOrgs.set(org.id, org);
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

  /**
   * The state as plain JSON, as it was kept before the columns: organizations and connections
   * are views that make each record when it is read (a snapshot streams them one by one).
   */
  toJSON(): McaData {
    const { seed, counter, invitations, clients } = this.data;
    return { seed, counter, orgs: this.orgsView(), connections: this.connectionsView(), invitations, clients };
  }

  private orgsView(): Record<string, Org> {
    const ids = () => this.orgIds();
    const t = this.tables;
    // An export reads the organizations in order: the one after the last found is tried first.
    let next = 0;
    const find = (k: string | symbol): Org | undefined => {
      if (typeof k !== 'string') return undefined;
      if (t.orgIds[next] === k) return t.org(next++);
      const i = t.orgIndex.get(k);
      if (i !== undefined) next = i + 1;
      return i === undefined ? this.addedOrgs.get(k) : t.org(i);
    };
    return new Proxy<Record<string, Org>>(
      {},
      {
        ownKeys: () => ids(),
        has: (_, k) => find(k) !== undefined,
        get: (_, k) => find(k),
        getOwnPropertyDescriptor: (_, k) => {
          const value = find(k);
          return value && { value, writable: true, enumerable: true, configurable: true };
        },
      },
    );
  }

  private connectionsView(): Connection[] {
    const count = () => this.connectionCount();
    const index = (k: string | symbol) => {
      if (typeof k !== 'string') return -1;
      const i = Number(k);
      return Number.isInteger(i) && i >= 0 && i < count() && String(i) === k ? i : -1;
    };
    return new Proxy([] as Connection[], {
      get: (target, k) => {
        if (k === 'length') return count();
        const i = index(k);
        return i >= 0 ? this.record(i) : (Reflect.get(target, k) as unknown);
      },
      has: (target, k) => index(k) >= 0 || Reflect.has(target, k),
      ownKeys: () => [...Array.from({ length: count() }, (_, i) => String(i)), 'length'],
      getOwnPropertyDescriptor: (target, k) => {
        if (k === 'length') return { value: count(), writable: true, enumerable: false, configurable: false };
        const i = index(k);
        return i >= 0 ? { value: this.record(i), writable: true, enumerable: true, configurable: true } : undefined;
      },
    });
  }

  /** Objects and arrays of toJSON()'s answer (what a base world costs), counted without making them. */
  countRecords(): number {
    const { invitations, clients } = this.data;
    // The root, the organizations' object and each organization, the connections' array and each connection.
    return 1 + 1 + this.orgCount() + 1 + this.connectionCount() + countRecords(invitations) + countRecords(clients);
  }
}

const emptyOrder = (): ListOrder => ({
  n: 0,
  firstNull: 0,
  rows: emptyRows,
  local: emptyRows,
  byId: emptyRows,
  counts: { groups: new Uint8Array(0), groupCount: GROUPS, cum: new Uint32Array(GROUPS) },
});
