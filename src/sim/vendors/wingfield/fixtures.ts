import { progressTicker, type BuildInput } from '../../build-progress.js';
import { farFuture, longAgo, mintUuid, pastDate, seededFor } from '../../seeded.js';
import {
  WingfieldState,
  type ConnectTokenState,
  type Organization,
  type Permission,
  type Relation,
  type WfData,
} from './state.js';

const all = (p: Permission) => ({ user: p, organization: p, 'court-booking': p });
const clubKinds = ['Padel Club', 'Tennis Club', 'Squash Center'];

/**
 * Two external services: `partner` (2 PRO seats, one taken) related to the first half of
 * `size` organizations, `other` related to two of the rest. Tokens: write, read, none, the
 * other service, expired. Connect tokens of `partner` in every state: open for an unrelated
 * organization, open for a related one (confirm), claimed, cancelled, expired, and one
 * issued to `other`.
 */
export function createWingfield({ seed, size, onProgress }: BuildInput): WingfieldState {
  const f = seededFor(seed, 'wingfield');
  const orgs: Organization[] = [];
  const data: WfData = {
    seed,
    counter: 0,
    services: {},
    tokens: {},
    organizations: new Map(),
    users: {},
    connectTokens: {},
    relations: new Map(),
    memberships: {},
  };
  const service = (name: string, pro_quota: number) => {
    const s = { id: f.uuid(), name, pro_quota };
    data.services[s.id] = s;
    return s;
  };
  const partner = service('Court Partner', 2);
  const other = service('Other Partner', 5);
  const orgCount = Math.max(size, 6);
  // The organizations, then the relations of the first half of them.
  const tick = progressTicker(orgCount + Math.ceil(orgCount / 2), onProgress);
  for (let i = 0; i < orgCount; i++) {
    tick(i);
    const o = { id: f.uuid(), name: `${f.city()} ${f.pick(clubKinds)} ${i + 1}` };
    orgs.push(o);
    data.organizations.set(o.id, o);
  }
  const users = Array.from({ length: 6 }, () => {
    const u = { id: f.uuid(), email: f.email() };
    data.users[u.id] = u;
    return u;
  });

  // The relations are stored before the state indexes them, with the ids createRelation mints.
  const relate = (serviceId: string, organizationId: string, externalOrganizationId: string, at: string) => {
    const r: Relation = {
      id: mintUuid(seed, 'wingfield', data.counter++),
      externalServiceId: serviceId,
      organizationId,
      externalOrganizationId,
      createdAt: at,
      updatedAt: at,
    };
    data.relations.set(r.id, r);
  };
  const half = Math.ceil(orgs.length / 2);
  for (let i = 0; i < half; i++) {
    tick(orgCount + i);
    relate(partner.id, orgs[i].id, `club-${1000 + i}`, pastDate(f));
  }
  for (let i = 0; i < 2; i++) relate(other.id, orgs[half + i].id, `other-${i}`, pastDate(f));
  const state = new WingfieldState(data);
  const related = orgs[0];
  for (const u of users.slice(0, 3))
    state.setMembership({
      organization_id: related.id,
      user_id: u.id,
      subscription: 'FREE',
      externally_managed_by: null,
    });
  state.setMembership({
    organization_id: related.id,
    user_id: users[3].id,
    subscription: 'PRO',
    externally_managed_by: partner.id,
  });

  state.addToken({ label: 'write', external_service_id: partner.id, scopes: all('write'), expires_at: null });
  state.addToken({
    label: 'read',
    external_service_id: partner.id,
    scopes: { user: 'read', organization: 'read', 'court-booking': 'read' },
    expires_at: null,
  });
  state.addToken({ label: 'none', external_service_id: partner.id, scopes: all('none'), expires_at: null });
  state.addToken({ label: 'other-service', external_service_id: other.id, scopes: all('write'), expires_at: null });
  state.addToken({ label: 'expired', external_service_id: partner.id, scopes: all('write'), expires_at: longAgo(f) });

  const unrelated = orgs.slice(half + 2);
  const ct = (
    label: string,
    organization_id: string,
    st: ConnectTokenState,
    expired = false,
    service_id = partner.id,
  ) =>
    state.addConnectToken({
      label,
      organization_id,
      external_service_id: service_id,
      state: st,
      expires_at: expired ? longAgo(f) : farFuture(f),
    });
  ct('open', unrelated[0].id, 'open');
  ct('open-confirm', related.id, 'open');
  ct('claimed', orgs[1].id, 'claimed');
  // Small worlds (size < 10) have fewer than three unrelated organizations: tokens share them.
  ct('cancelled', unrelated[1 % unrelated.length].id, 'cancelled');
  ct('expired', unrelated[2 % unrelated.length].id, 'open', true);
  ct('other-service', unrelated[0].id, 'open', false, other.id);
  return state;
}
