import type { components as control } from '../../../generated/control.js';
import type { Observation, ObservedRead, Observer } from '../../module.js';
import { answersOf, isObject, itemsOf, numberOf } from '../../observe.js';
import {
  WingfieldState,
  type ApiToken,
  type ConnectToken,
  type Permission,
  type Relation,
  type WfData,
} from './state.js';

type Profile = control['schemas']['WingfieldProfile'];
const limit = 50;
const all = (p: Permission): ApiToken['scopes'] => ({ user: p, organization: p, 'court-booking': p });
const future = '2999-01-01T00:00:00.000Z';
const past = '2000-01-01T00:00:00.000Z';

/** Each external service of the profile with its writing token. */
function services(p: Profile): { id: string; token: string }[] {
  const other = p.other_external_service_id;
  const otherToken = p.tokens.other_service;
  return [
    { id: p.external_service_id, token: p.tokens.write },
    ...(other && otherToken ? [{ id: other, token: otherToken }] : []),
  ];
}

function relationOf(v: unknown): Relation | undefined {
  if (!isObject(v)) return undefined;
  const { id, externalServiceId, organizationId, externalOrganizationId, createdAt, updatedAt } = v;
  if (
    typeof id !== 'string' ||
    typeof externalServiceId !== 'string' ||
    typeof organizationId !== 'string' ||
    typeof externalOrganizationId !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof updatedAt !== 'string'
  )
    return undefined;
  return { id, externalServiceId, organizationId, externalOrganizationId, createdAt, updatedAt };
}

/**
 * Wingfield as a target shows it: each service's relations through its own list (every page,
 * offset and limit), with the related organizations' names. Seats and memberships, and the
 * organization an open connect token would link, no read shows: those users and tokens are
 * unknown, and so is any connect token an earlier run used (its state no read shows).
 */
export const wingfieldObserver: Observer<WingfieldState, Profile> = {
  reads: (p, seen) =>
    seen.length
      ? []
      : services(p).map((s): ObservedRead => ({
          operationId: 'listExternalServiceOrganizations',
          path: { externalServiceId: s.id },
          query: { offset: 0, limit },
          headers: { Authorization: `Bearer ${s.token}` },
        })),
  next(read, answer: Observation) {
    const offset = Number(read.query?.offset ?? 0);
    const total = isObject(answer.body) ? numberOf(answer.body.totalCount) : undefined;
    if (answer.status !== 200 || total === undefined || offset + limit >= total) return undefined;
    return { ...read, query: { ...read.query, offset: offset + limit } };
  },
  fromObserved(seen, p, changed) {
    const data: WfData = {
      seed: 0,
      counter: 0,
      services: {},
      tokens: {},
      organizations: new Map(),
      users: {},
      connectTokens: {},
      relations: new Map(),
      memberships: {},
    };
    const partner = p.external_service_id;
    const other = p.other_external_service_id;
    for (const s of services(p)) data.services[s.id] = { id: s.id, name: s.id, pro_quota: 0 };
    for (const answer of answersOf(seen, 'listExternalServiceOrganizations'))
      for (const item of itemsOf(answer.body, 'items')) {
        const r = relationOf(item.relation);
        if (!r || !data.services[r.externalServiceId]) continue;
        data.relations.set(r.id, r);
        data.organizations.set(r.organizationId, {
          id: r.organizationId,
          name: typeof item.name === 'string' ? item.name : r.organizationId,
        });
      }
    // Organizations the profile names exist (a relation an earlier run removed leaves its organization);
    // a name shows only while related, and no step can relate one again with a known name.
    const named = [...(p.organizations?.unrelated ?? []), ...(p.organizations?.related ?? []).map((o) => o.id)];
    for (const id of named) if (!data.organizations.has(id)) data.organizations.set(id, { id, name: id });
    // The profile names each token by what it grants (x-connkit-assumption).
    const tokens: [string | undefined, string | undefined, Permission, string | null][] = [
      [p.tokens.write, partner, 'write', null],
      [p.tokens.read, partner, 'read', null],
      [p.tokens.none, partner, 'none', null],
      [p.tokens.other_service, other, 'write', null],
      [p.tokens.expired, partner, 'write', past],
    ];
    for (const [token, service, permission, expires] of tokens)
      if (token && service)
        data.tokens[token] = {
          token,
          label: token,
          external_service_id: service,
          scopes: all(permission),
          expires_at: expires,
        };
    const ct = p.connect_tokens;
    const noOrganization = '00000000-0000-0000-0000-000000000000';
    const expired = new Set(ct?.expired ?? []);
    const connect = (token: string, state: ConnectToken['state'], organization_id: string) => {
      data.connectTokens[token] = {
        token,
        label: token,
        organization_id,
        external_service_id: partner,
        state,
        expires_at: expired.has(token) ? past : future,
      };
    };
    // A used, cancelled or expired token is refused before its organization is read, and no read
    // shows that organization: the nil UUID stands for it (a valid id that names no organization).
    for (const t of ct?.claimed ?? []) connect(t, 'claimed', noOrganization);
    for (const t of ct?.cancelled ?? []) connect(t, 'cancelled', noOrganization);
    for (const t of ct?.expired ?? []) if (!data.connectTokens[t]) connect(t, 'open', noOrganization);
    const byExternal = new Map(
      Array.from(data.relations.values())
        .filter((r) => r.externalServiceId === partner)
        .map((r) => [r.externalOrganizationId, r.organizationId]),
    );
    const unknown = [...(ct?.open ?? []), ...(ct?.other_service ?? []), ...(p.users ?? [])];
    for (const c of ct?.confirm ?? []) {
      const org = byExternal.get(c.external_organization_id);
      if (org) connect(c.token, 'open', org);
      else unknown.push(c.token);
    }
    // A token an earlier run claimed is no longer what the profile says; no read shows its state.
    for (const token of Object.keys(data.connectTokens)) if (changed.has(token)) unknown.push(token);
    return { state: new WingfieldState(data), credentials: {}, unknown };
  },
};
