import { replaceFields } from '../../replace-fields.js';
import type { components } from '../../../generated/wingfield.js';
import { mintHex, mintUuid } from '../../seeded.js';
import { found } from '../../found.js';
import { SortedIds } from '../../index/sorted-ids.js';
import { sortByTimestamp } from '../../index/sort.js';

type S = components['schemas'];
export type Relation = S['OrganizationRelation'];
/** A token's record, from the schema an import checks it by (x-connkit.internal.tokens). */
export type ApiToken = S['ApiTokenRecord'];
export type ScopeName = keyof ApiToken['scopes'];
export type Permission = ApiToken['scopes'][ScopeName];
export type ExternalService = S['ExternalServiceRecord'];
export type User = S['UserRecord'];

export type ConnectTokenState = 'open' | 'claimed' | 'cancelled';

export interface ConnectToken {
  token: string;
  label: string;
  organization_id: string;
  external_service_id: string;
  state: ConnectTokenState;
  expires_at: string;
}

export interface Membership {
  organization_id: string;
  user_id: string;
  subscription: S['SubscriptionRequest']['subscription'];
  /** The external service whose PRO seat this membership takes, if any. */
  externally_managed_by: string | null;
}

export interface Organization {
  id: string;
  name: string;
}

/**
 * The state as it is held. The two collections a million records fill are Maps by id: a
 * Map takes a million inserts in a fraction of what a dictionary object does.
 */
export interface WfData {
  seed: number;
  counter: number;
  services: Record<string, ExternalService>;
  tokens: Record<string, ApiToken>;
  organizations: Map<string, Organization>;
  users: Record<string, User>;
  connectTokens: Record<string, ConnectToken>;
  relations: Map<string, Relation>;
  memberships: Record<string, Membership>;
}

/** The state as snapshots hold it: every collection an object by id. */
export type WfJson = Omit<WfData, 'organizations' | 'relations'> & {
  organizations: Record<string, Organization>;
  relations: Record<string, Relation>;
};

export const connectTokenFormat = /^wct_[A-Za-z0-9]{32}$/;
const key = (a: string, b: string) => `${a}|${b}`;

/** Per external service, its relations by one of their fields. */
type ByService = Map<string, Map<string, Relation>>;

/** External services, their tokens, organizations, connect tokens, relations and seats. */
export class WingfieldState {
  private readonly relationByOrg: ByService = new Map();
  private readonly relationByExternalId: ByService = new Map();
  /** Per external service, its relations' ids by (createdAt, id): a write moves one entry. */
  private readonly relationOrder = new Map<string, SortedIds>();

  constructor(readonly data: WfData) {
    const byService = new Map<string, Relation[]>();
    for (const r of data.relations.values()) {
      const list = byService.get(r.externalServiceId);
      if (list) list.push(r);
      else byService.set(r.externalServiceId, [r]);
    }
    for (const [service, list] of byService) {
      const byOrg = new Map<string, Relation>();
      const byExternal = new Map<string, Relation>();
      for (const r of list) {
        byOrg.set(r.organizationId, r);
        byExternal.set(r.externalOrganizationId, r);
      }
      this.relationByOrg.set(service, byOrg);
      this.relationByExternalId.set(service, byExternal);
      const sorted = sortByTimestamp(
        list,
        (r) => r.createdAt,
        (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      this.relationOrder.set(
        service,
        SortedIds.ofSorted(
          sorted,
          (r) => r.createdAt,
          (r) => r.id,
        ),
      );
    }
  }

  /** A snapshot's state (its collections turned into Maps, in the order the snapshot has them). */
  static fromJSON(json: WfJson): WingfieldState {
    return new WingfieldState({
      ...json,
      organizations: new Map(Object.entries(json.organizations)),
      relations: new Map(Object.entries(json.relations)),
    });
  }

  /** The state as snapshots hold it; a Map's order is its insertion order, as an object's keys are. */
  toJSON(): WfJson {
    return {
      ...this.data,
      organizations: Object.fromEntries(this.data.organizations),
      relations: Object.fromEntries(this.data.relations),
    };
  }

  private index(r: Relation) {
    inService(this.relationByOrg, r.externalServiceId).set(r.organizationId, r);
    inService(this.relationByExternalId, r.externalServiceId).set(r.externalOrganizationId, r);
    const order = this.relationOrder.get(r.externalServiceId) ?? SortedIds.empty;
    this.relationOrder.set(r.externalServiceId, order.with(r.createdAt, r.id));
  }

  private unindex(r: Relation) {
    this.relationByOrg.get(r.externalServiceId)?.delete(r.organizationId);
    this.relationByExternalId.get(r.externalServiceId)?.delete(r.externalOrganizationId);
    const order = this.relationOrder.get(r.externalServiceId);
    if (order) this.relationOrder.set(r.externalServiceId, order.without(r.createdAt, r.id));
  }

  token(value: string): ApiToken | undefined {
    return Object.hasOwn(this.data.tokens, value) ? this.data.tokens[value] : undefined;
  }

  connectToken(value: string): ConnectToken | undefined {
    return Object.hasOwn(this.data.connectTokens, value) ? this.data.connectTokens[value] : undefined;
  }

  relation(serviceId: string, orgId: string): Relation | undefined {
    return this.relationByOrg.get(serviceId)?.get(orgId);
  }

  relationByExternal(serviceId: string, externalId: string): Relation | undefined {
    return this.relationByExternalId.get(serviceId)?.get(externalId);
  }

  /** The service's relations by (createdAt, id), `limit` of them from `offset`, and how many it has. */
  relationsOf(serviceId: string, offset = 0, limit = Infinity): { relations: Relation[]; total: number } {
    const order = this.relationOrder.get(serviceId) ?? SortedIds.empty;
    const relations = order
      .slice(offset, limit)
      .map((id) => found(this.data.relations.get(id), 'relation of a service'));
    return { relations, total: order.size };
  }

  createRelation(serviceId: string, orgId: string, externalId: string, now: string): Relation {
    const r: Relation = {
      id: this.uuid(),
      externalServiceId: serviceId,
      organizationId: orgId,
      externalOrganizationId: externalId,
      createdAt: now,
      updatedAt: now,
    };
    this.data.relations.set(r.id, r);
    this.index(r);
    return r;
  }

  /** Changes a relation's fields in place, its indexes following (the page's record editor). */
  changeRelation(r: Relation, fields: Relation): void {
    this.unindex(r);
    replaceFields(r, fields);
    this.index(r);
  }

  deleteRelation(r: Relation): void {
    this.data.relations.delete(r.id);
    this.unindex(r);
    for (const m of Object.values(this.data.memberships))
      if (m.organization_id === r.organizationId && m.externally_managed_by === r.externalServiceId)
        Object.assign(m, { subscription: 'FREE', externally_managed_by: null });
  }

  membership(orgId: string, userId: string): Membership | undefined {
    return this.data.memberships[key(orgId, userId)];
  }

  setMembership(m: Membership): void {
    this.data.memberships[key(m.organization_id, m.user_id)] = m;
  }

  proSeatsUsed(serviceId: string): number {
    return Object.values(this.data.memberships).filter((m) => m.externally_managed_by === serviceId).length;
  }

  addConnectToken(fields: Omit<ConnectToken, 'token'>): ConnectToken {
    const token = `wct_${mintHex(this.data.seed, 'wingfield-connect', this.data.counter++, 32)}`;
    const ct = { token, ...fields };
    this.data.connectTokens[token] = ct;
    return ct;
  }

  addToken(fields: Omit<ApiToken, 'token'>): ApiToken {
    const n = this.data.counter++;
    const token = `tok_ext_v1_${mintHex(this.data.seed, 'wingfield-token-id', n, 12)}.${mintHex(this.data.seed, 'wingfield-token-secret', n, 32)}`;
    const t = { token, ...fields };
    this.data.tokens[token] = t;
    return t;
  }

  uuid(): string {
    return mintUuid(this.data.seed, 'wingfield', this.data.counter++);
  }
}

function inService(index: ByService, serviceId: string): Map<string, Relation> {
  let byField = index.get(serviceId);
  if (!byField) index.set(serviceId, (byField = new Map<string, Relation>()));
  return byField;
}
