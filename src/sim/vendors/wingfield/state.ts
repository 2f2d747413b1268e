import { replaceFields } from '../../replace-fields.js';
import type { components } from '../../../generated/wingfield.js';
import { mintHex, mintUuid } from '../../seeded.js';

type S = components['schemas'];
export type Relation = S['OrganizationRelation'];
export type Permission = 'none' | 'read' | 'write';
export type ScopeName = 'user' | 'organization' | 'court-booking';

export interface ApiToken {
  token: string;
  label: string;
  external_service_id: string;
  scopes: Record<ScopeName, Permission>;
  expires_at: string | null;
}

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

export interface WfData {
  seed: number;
  counter: number;
  services: Record<string, { id: string; name: string; pro_quota: number }>;
  tokens: Record<string, ApiToken>;
  organizations: Record<string, { id: string; name: string }>;
  users: Record<string, { id: string; email: string }>;
  connectTokens: Record<string, ConnectToken>;
  relations: Record<string, Relation>;
  memberships: Record<string, Membership>;
}

export const connectTokenFormat = /^wct_[A-Za-z0-9]{32}$/;
const key = (a: string, b: string) => `${a}|${b}`;

/** External services, their tokens, organizations, connect tokens, relations and seats. */
export class WingfieldState {
  private readonly relationByOrg = new Map<string, Relation>();
  private readonly relationByExternalId = new Map<string, Relation>();

  constructor(readonly data: WfData) {
    for (const r of Object.values(data.relations)) this.index(r);
  }

  private index(r: Relation) {
    this.relationByOrg.set(key(r.externalServiceId, r.organizationId), r);
    this.relationByExternalId.set(key(r.externalServiceId, r.externalOrganizationId), r);
  }

  token(value: string): ApiToken | undefined {
    return Object.hasOwn(this.data.tokens, value) ? this.data.tokens[value] : undefined;
  }

  connectToken(value: string): ConnectToken | undefined {
    return Object.hasOwn(this.data.connectTokens, value) ? this.data.connectTokens[value] : undefined;
  }

  relation(serviceId: string, orgId: string): Relation | undefined {
    return this.relationByOrg.get(key(serviceId, orgId));
  }

  relationByExternal(serviceId: string, externalId: string): Relation | undefined {
    return this.relationByExternalId.get(key(serviceId, externalId));
  }

  relationsOf(serviceId: string): Relation[] {
    return Object.values(this.data.relations)
      .filter((r) => r.externalServiceId === serviceId)
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
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
    this.data.relations[r.id] = r;
    this.index(r);
    return r;
  }

  /** Changes a relation's fields in place, its indexes following (the page's record editor). */
  changeRelation(r: Relation, fields: Relation): void {
    this.relationByOrg.delete(key(r.externalServiceId, r.organizationId));
    this.relationByExternalId.delete(key(r.externalServiceId, r.externalOrganizationId));
    replaceFields(r, fields);
    this.index(r);
  }

  deleteRelation(r: Relation): void {
    delete this.data.relations[r.id];
    this.relationByOrg.delete(key(r.externalServiceId, r.organizationId));
    this.relationByExternalId.delete(key(r.externalServiceId, r.externalOrganizationId));
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
