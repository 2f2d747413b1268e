import { replaceFields } from '../../replace-fields.js';
import type { components } from '../../../generated/leadconduit.js';
import { sortByTimestamp } from '../../index/sort.js';
import { mintHex } from '../../seeded.js';
import { LazyMap } from '../../cow/lazy-map.js';
import { found } from '../../found.js';
import { SortedIds } from '../../index/sorted-ids.js';

type S = components['schemas'];
export type ListEntry = S['ConnectionListEntry'];
export type Detail = S['ConnectionDetail'];
export type Account = S['Account'];
type Derived = 'connected_buyers' | 'connected_sellers' | 'pending_buyers' | 'pending_sellers';
/** The LC-side account; its connection arrays are derived, never stored. */
export type LcAccount = Omit<Account, Derived>;
/** What SSO holds of an account and sync copies over. */
export type SsoAccount = Pick<
  Account,
  | 'sso_id'
  | 'name'
  | 'time_zone'
  | 'billing_type'
  | 'financial_state'
  | 'financial_state_updated_at'
  | 'product_id'
  | 'state'
  | 'subscriptions'
  | 'features'
>;

export type Credential = S['CredentialRecord'];

/** SSO's record of a connection: the source of truth. */
export interface NetworkConnection {
  id: string;
  account_id: string;
  relationship_type: S['RelationshipType'];
  invitation_id: string;
  counterpart: S['ConnectedAccount'];
  created_at: string;
  updated_at: string;
  created_by: string;
  permissions: string[];
}

/** LeadConduit's `account_connections` row; `external_id` is the SSO connection's id. */
export interface AccountConnectionRow {
  id: string;
  account_id: string;
  external_id: string;
  invitation_id: string;
  relationship_type: S['RelationshipType'];
  connected_account: S['ConnectedAccount'];
  created_at: string;
  updated_at: string;
  created_by: string;
  ui_state: S['UiState'];
  permissions: string[];
  account_entity: S['Entity'] | null;
  custom_entities: S['CustomEntity'][];
}

export type Invitation = S['InvitationRecord'];

/**
 * The state as it is held. The two collections a million records fill are Maps by id: a
 * Map takes a million inserts in a fraction of what a dictionary object does.
 */
export interface LcData {
  seed: number;
  counter: number;
  accounts: Record<string, LcAccount>;
  ssoAccounts: Record<string, SsoAccount>;
  credentials: Record<string, Credential>;
  networkConnections: Map<string, NetworkConnection>;
  rows: Map<string, AccountConnectionRow>;
  invitations: Record<string, Invitation>;
}

/** The state as snapshots hold it: every collection an object by id. */
export type LcJson = Omit<LcData, 'networkConnections' | 'rows'> & {
  networkConnections: Record<string, NetworkConnection>;
  rows: Record<string, AccountConnectionRow>;
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
type Dated = { created_at: string; id: string };

/**
 * Two stores per account, as LeadConduit has them: SSO's NetworkConnections (the truth) and
 * LC's account_connections rows. Reads merge them; the only write is the repair.
 */
export class LeadConduitState {
  /** Per account, its SSO connections' and its rows' ids by (created_at, id): a write moves one entry. */
  private readonly ssoByAccount: Map<string, SortedIds>;
  private readonly rowsByAccount: Map<string, SortedIds>;
  private readonly rowByExternal: Map<string, AccountConnectionRow>;

  constructor(readonly data: LcData) {
    this.ssoByAccount = ordersOf(data.networkConnections.values());
    const rows = Array.from(data.rows.values());
    this.rowsByAccount = ordersOf(rows);
    // Made on the first lookup by SSO connection (a list, a repair), not with the world.
    this.rowByExternal = new LazyMap(rows, (row) => row.external_id);
  }

  /** A snapshot's state (its collections turned into Maps, in the order the snapshot has them). */
  static fromJSON(json: LcJson): LeadConduitState {
    return new LeadConduitState({
      ...json,
      networkConnections: new Map(Object.entries(json.networkConnections)),
      rows: new Map(Object.entries(json.rows)),
    });
  }

  /** The state as snapshots hold it; a Map's order is its insertion order, as an object's keys are. */
  toJSON(): LcJson {
    return {
      ...this.data,
      networkConnections: Object.fromEntries(this.data.networkConnections),
      rows: Object.fromEntries(this.data.rows),
    };
  }

  private indexRow(row: AccountConnectionRow): void {
    placed(this.rowsByAccount, row);
    this.rowByExternal.set(row.external_id, row);
  }

  credential(apiKey: string): Credential | undefined {
    return Object.hasOwn(this.data.credentials, apiKey) ? this.data.credentials[apiKey] : undefined;
  }

  /** The reconciled list; with SSO down, LC rows only. */
  list(accountId: string, ssoDown: boolean): ListEntry[] {
    if (ssoDown) return this.rows(accountId).map((row) => completed(row));
    return this.ssoConnections(accountId).map((nc) => {
      const row = this.rowByExternal.get(nc.id);
      return row ? completed(row, nc) : ssoOnly(nc);
    });
  }

  /** One connection by its id, SSO connection id or invitation id. */
  find(accountId: string, id: string, ssoDown: boolean): Detail | undefined {
    const lower = id.toLowerCase();
    const row = this.rows(accountId).find((r) => [r.id, r.external_id, r.invitation_id].includes(lower));
    if (row && (ssoDown || this.data.networkConnections.has(row.external_id))) return detailOfRow(row);
    if (ssoDown) return undefined;
    const nc = this.ssoConnections(accountId).find((n) => n.id === lower || n.invitation_id === lower);
    return nc && !this.rowByExternal.has(nc.id) ? detailOfSso(nc) : undefined;
  }

  hasRow(accountId: string, connectionId: string): boolean {
    return this.rowByExternal.get(connectionId.toLowerCase())?.account_id === accountId;
  }

  /** Inserts the missing LC row for the caller's SSO connection; false when SSO has none for it. */
  repair(accountId: string, connectionId: string, now: string): AccountConnectionRow | undefined {
    const nc = this.data.networkConnections.get(connectionId.toLowerCase());
    if (!nc || nc.account_id !== accountId || this.rowByExternal.has(nc.id)) return undefined;
    const row: AccountConnectionRow = {
      id: nc.id,
      account_id: accountId,
      external_id: nc.id,
      invitation_id: nc.invitation_id,
      relationship_type: nc.relationship_type,
      connected_account: nc.counterpart,
      created_at: now,
      updated_at: now,
      created_by: nc.created_by,
      ui_state: { has_setup_buyer_delivery: false },
      permissions: nc.permissions,
      // The repair creates no entity and touches no flow.
      account_entity: null,
      custom_entities: [],
    };
    this.data.rows.set(row.id, row);
    this.indexRow(row);
    return row;
  }

  /** Copies SSO's values into the LC account and returns it with its derived arrays. */
  sync(accountId: string, now: Date): Account {
    const account = this.data.accounts[accountId];
    Object.assign(account, this.data.ssoAccounts[account.sso_id]);
    const conns = this.ssoConnections(accountId);
    const invites = Object.values(this.data.invitations)
      .filter((i) => i.account_id === accountId)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const ref = (nc: NetworkConnection) => ({
      id: nc.counterpart.id,
      name: nc.counterpart.name,
      sso_id: nc.counterpart.sso_id,
    });
    const pending = (i: Invitation) => ({
      id: i.id,
      name: i.name,
      expired: new Date(i.invitation_expires_at) <= now,
      invitation_expires_at: i.invitation_expires_at,
    });
    return {
      ...account,
      connected_buyers: conns.filter((c) => c.relationship_type === 'buyer').map(ref),
      connected_sellers: conns.filter((c) => c.relationship_type === 'seller').map(ref),
      pending_buyers: invites.filter((i) => i.relationship_type === 'buyer').map(pending),
      pending_sellers: invites.filter((i) => i.relationship_type === 'seller').map(pending),
    };
  }

  /** Test and control helper: an SSO connection with no LC row (the missed Kafka message). */
  addSsoOnly(accountId: string, fields: Omit<NetworkConnection, 'id' | 'account_id'>): NetworkConnection {
    const nc: NetworkConnection = { id: this.mint(), account_id: accountId, ...fields };
    this.data.networkConnections.set(nc.id, nc);
    placed(this.ssoByAccount, nc);
    return nc;
  }

  addCredential(accountId: string, superuser: boolean, label: string): Credential {
    const c: Credential = {
      api_key: mintHex(this.data.seed, 'leadconduit-key', this.data.counter++, 40),
      account_id: accountId,
      superuser,
      label,
    };
    this.data.credentials[c.api_key] = c;
    return c;
  }

  mint(): string {
    return mintHex(this.data.seed, 'leadconduit', this.data.counter++, 24);
  }

  /** The account's SSO connections by (created_at, id), as this state sees them. */
  ssoConnections(accountId: string): NetworkConnection[] {
    const ids = this.ssoByAccount.get(accountId)?.slice(0) ?? [];
    const byId = this.data.networkConnections;
    return ids.map((id) => found(byId.get(id), 'SSO connection of an account'));
  }

  /** The account's rows by (created_at, id), as this state sees them. */
  rows(accountId: string): AccountConnectionRow[] {
    const ids = this.rowsByAccount.get(accountId)?.slice(0) ?? [];
    const byId = this.data.rows;
    return ids.map((id) => found(byId.get(id), 'row of an account'));
  }

  /** Changes a row's fields in place, every index following (the page's record editor). */
  changeRow(row: AccountConnectionRow, fields: AccountConnectionRow): void {
    this.unindexRow(row);
    replaceFields(row, fields);
    this.indexRow(row);
  }

  /** Changes an SSO connection's fields in place, its index following (the page's record editor). */
  changeSsoConnection(nc: NetworkConnection, fields: NetworkConnection): void {
    this.unindexSso(nc);
    replaceFields(nc, fields);
    placed(this.ssoByAccount, nc);
  }

  /** Takes a row out of the store and every index (the page's "Make SSO-only" and "Disconnect"). */
  removeRow(row: AccountConnectionRow): void {
    this.data.rows.delete(row.id);
    this.unindexRow(row);
  }

  /** Takes an SSO connection out of the store and its index (the page's "Disconnect"). */
  removeSsoConnection(nc: NetworkConnection): void {
    this.data.networkConnections.delete(nc.id);
    this.unindexSso(nc);
  }

  private unindexRow(row: AccountConnectionRow): void {
    if (this.rowByExternal.get(row.external_id) === row) this.rowByExternal.delete(row.external_id);
    displaced(this.rowsByAccount, row);
  }

  private unindexSso(nc: NetworkConnection): void {
    displaced(this.ssoByAccount, nc);
  }
}

/** Per account, its records' order. At a million connections a comparator sort is most of the build: sort by packed keys. */
function ordersOf<T extends Dated & { account_id: string }>(records: Iterable<T>): Map<string, SortedIds> {
  const lists = new Map<string, T[]>();
  for (const r of records) {
    const list = lists.get(r.account_id);
    if (list) list.push(r);
    else lists.set(r.account_id, [r]);
  }
  const orders = new Map<string, SortedIds>();
  for (const [account, list] of lists) {
    const sorted = sortByTimestamp(list, (r) => r.created_at, byId);
    orders.set(
      account,
      SortedIds.ofSorted(
        sorted,
        (r) => r.created_at,
        (r) => r.id,
      ),
    );
  }
  return orders;
}

function placed(orders: Map<string, SortedIds>, r: Dated & { account_id: string }): void {
  orders.set(r.account_id, (orders.get(r.account_id) ?? SortedIds.empty).with(r.created_at, r.id));
}

function displaced(orders: Map<string, SortedIds>, r: Dated & { account_id: string }): void {
  const order = orders.get(r.account_id);
  if (order) orders.set(r.account_id, order.without(r.created_at, r.id));
}

function completed(row: AccountConnectionRow, nc?: NetworkConnection): ListEntry {
  return {
    id: row.id,
    status: 'completed',
    relationship_type: row.relationship_type,
    invitation_id: row.invitation_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    created_by: row.created_by,
    ui_state: row.ui_state,
    permissions: nc?.permissions ?? row.permissions,
    connected_account: row.connected_account,
    account_entity: row.account_entity,
    custom_entities: row.custom_entities,
  };
}

function ssoOnly(nc: NetworkConnection): ListEntry {
  return {
    id: nc.id,
    status: 'sso_only',
    relationship_type: nc.relationship_type,
    invitation_id: nc.invitation_id,
    created_at: nc.created_at,
    updated_at: nc.updated_at,
    created_by: nc.created_by,
    permissions: nc.permissions,
    connected_account: nc.counterpart,
    account_entity: null,
    custom_entities: [],
  };
}

function detailOfRow(row: AccountConnectionRow): Detail {
  return {
    id: row.id,
    connected_account: row.connected_account,
    external_id: row.external_id,
    invitation_id: row.invitation_id,
    relationship_type: row.relationship_type,
    created_at: row.created_at,
    updated_at: row.updated_at,
    created_by: row.created_by,
    ui_state: row.ui_state,
  };
}

function detailOfSso(nc: NetworkConnection): Detail {
  return {
    id: nc.id,
    connected_account: nc.counterpart,
    external_id: nc.id,
    invitation_id: nc.invitation_id,
    relationship_type: nc.relationship_type,
    created_at: nc.created_at,
    updated_at: nc.updated_at,
    created_by: nc.created_by,
  };
}
