import type { Faker } from '@faker-js/faker';
import type { components } from '../../../generated/leadconduit.js';
import { farFuture, fakerFor, longAgo, pastDate } from '../../seeded.js';
import { LeadConduitState, type LcAccount, type LcData, type SsoAccount } from './state.js';

type S = components['schemas'];
const permissionPool = ['request_domain_ownership_confirmation', 'view_submission_docs'];

/**
 * Two accounts, `primary` with `size` connections and `other` with a quarter as many; every
 * seventh connection (from the fourth) is SSO-only, so a repair always has work. Each account
 * has a user key, a superuser key and three invitations (one expired).
 */
export function createLeadConduit({ seed, size }: { seed: number; size: number }): LeadConduitState {
  const f = fakerFor(seed, 'leadconduit');
  const data: LcData = { seed, counter: 0, accounts: {}, ssoAccounts: {}, credentials: {}, networkConnections: {}, rows: {}, invitations: {} };
  const oid = () => f.database.mongodbObjectId();
  const accounts: [string, number][] = [
    ['primary', size],
    ['other', Math.max(4, Math.ceil(size / 4))],
  ];
  for (const [label, count] of accounts) {
    const { lc, sso } = account(f, oid);
    data.accounts[lc.id] = lc;
    data.ssoAccounts[sso.sso_id] = sso;
    for (const superuser of [false, true]) {
      const key = f.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' });
      data.credentials[key] = { api_key: key, account_id: lc.id, superuser, label: `${label}${superuser ? '-superuser' : '-user'}` };
    }
    for (let i = 0; i < count; i++) {
      const relationship_type = f.helpers.arrayElement(['seller', 'buyer'] as const);
      const counterpart = { id: oid(), sso_id: oid(), name: f.company.name() };
      const created_at = pastDate(f);
      const nc = {
        id: oid(),
        account_id: lc.id,
        relationship_type,
        invitation_id: oid(),
        counterpart,
        created_at,
        updated_at: created_at,
        created_by: f.internet.email().toLowerCase(),
        permissions: f.helpers.arrayElements(permissionPool),
      };
      data.networkConnections[nc.id] = nc;
      if (i % 7 === 3) continue; // the LC row was never written: sso_only
      const row = {
        id: oid(),
        account_id: lc.id,
        external_id: nc.id,
        invitation_id: nc.invitation_id,
        relationship_type,
        connected_account: counterpart,
        created_at,
        updated_at: created_at,
        created_by: nc.created_by,
        ui_state: { has_setup_buyer_delivery: relationship_type === 'buyer' && f.datatype.boolean() },
        permissions: nc.permissions,
        account_entity: entity(f, oid, counterpart, relationship_type, nc.invitation_id, created_at),
        custom_entities: f.helpers.multiple(
          () => ({ id: oid(), name: `${f.word.adjective()} ${f.word.noun()}`, source: relationship_type === 'seller' ? ('seller' as const) : null, recipient: relationship_type === 'buyer' ? ('buyer' as const) : null }),
          { count: { min: 0, max: 2 } },
        ),
      };
      data.rows[row.id] = row;
    }
    for (const [relationship_type, expired] of [['seller', false], ['buyer', false], ['seller', true]] as const) {
      const id = oid();
      data.invitations[id] = { id, account_id: lc.id, name: f.company.name(), relationship_type, invitation_expires_at: expired ? longAgo(f) : farFuture(f) };
    }
  }
  return new LeadConduitState(data);
}

function account(f: Faker, oid: () => string): { lc: LcAccount; sso: SsoAccount } {
  const created = pastDate(f);
  const sub = (component: string, state: string): S['Subscription'] => ({
    id: oid(),
    state,
    product_offering_id: oid(),
    product_offering_component: component,
    created_at: created,
    updated_at: created,
    active_at: created,
    inactive_at: state === 'active' ? null : longAgo(f),
  });
  const features = (): S['Features'] => ({
    seller_access: true,
    buyer_access: true,
    lead_transactions: true,
    conversion_feedback: f.datatype.boolean(),
    firehose: f.datatype.boolean(),
    third_party_add_on_services: f.datatype.boolean(),
    real_time_bidding: f.datatype.boolean(),
    leadconduit_trustedform_decisions: f.datatype.boolean(),
  });
  const contracted = f.datatype.boolean();
  const sso: SsoAccount = {
    sso_id: oid(),
    name: f.company.name(),
    time_zone: f.helpers.arrayElement(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles']),
    billing_type: contracted ? 'contracted' : 'self_service',
    ...(contracted ? { financial_state: 'paid' as const, financial_state_updated_at: created } : {}),
    product_id: 'lcx',
    state: 'active',
    subscriptions: { base: sub('base', 'active'), pro: sub('pro', 'active'), partner: sub('partner', 'inactive') },
    features: features(),
  };
  // LC's copy is stale until the next sync: an older name and other feature flags.
  const lc: LcAccount = {
    ...structuredClone(sso),
    id: oid(),
    name: `${sso.name} (before sync)`,
    features: features(),
    api_key: f.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' }),
    type: 'standard',
    data_retention_in_days: f.helpers.arrayElement([90, 180, 365]),
    data_truncated_at: null,
    keen_project_id: oid(),
    keen_read_api_key: f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }),
    keen_write_api_key: f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }),
    pricing_components: [],
    lead_ping_enabled: f.datatype.boolean(),
  };
  return { lc, sso };
}

function entity(
  f: Faker,
  oid: () => string,
  counterpart: S['ConnectedAccount'],
  relationship: S['RelationshipType'],
  invitationId: string,
  created: string,
): S['Entity'] {
  return {
    id: oid(),
    name: counterpart.name,
    description: f.company.catchPhrase(),
    standard: false,
    account: true,
    pending: false,
    connected: relationship,
    connected_account_id: counterpart.id,
    deprecated: false,
    see: null,
    field_suffix: f.string.alphanumeric({ length: { min: 3, max: 5 }, casing: 'lower' }),
    invitation_id: invitationId,
    invitation_expires_at: null,
    expired: false,
    flow_ids: [oid()],
    logo_url: null,
    module_ids: [relationship === 'buyer' ? 'leadconduit-custom.outbound.json' : 'leadconduit-default.inbound'],
    source: relationship === 'seller' ? 'seller' : null,
    recipient: relationship === 'buyer' ? 'buyer' : null,
    time_zone: 'America/Chicago',
    trustedform_certified_vendor: f.datatype.boolean(),
    created_at: created,
    updated_at: created,
  };
}
