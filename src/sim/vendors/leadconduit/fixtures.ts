import type { components } from '../../../generated/leadconduit.js';
import { progressTicker, type BuildInput } from '../../build-progress.js';
import { farFuture, longAgo, pastDate, seededFor, specSchema, wordPairs, type Seeded } from '../../seeded.js';
import { LazyMap } from '../../cow/lazy-map.js';
import { LeadConduitState, type AccountConnectionRow, type LcAccount, type LcData, type SsoAccount } from './state.js';

type S = components['schemas'];
const permissionPool = ['request_domain_ownership_confirmation', 'view_submission_docs'];
// Fields the spec constrains are drawn from their schemas (enums, lengths, patterns).
const schemas = () => ({
  relationship: specSchema('leadconduit', 'RelationshipType'),
  fieldSuffix: specSchema('leadconduit', 'Entity', 'field_suffix'),
});
type Schemas = ReturnType<typeof schemas>;

/**
 * Two accounts, `primary` with `size` connections and `other` with a quarter as many; every
 * seventh connection (from the fourth) is SSO-only, so a repair always has work. Each account
 * has a user key, a superuser key and three invitations (one expired).
 */
export function createLeadConduit({ seed, size, onProgress }: BuildInput): LeadConduitState {
  const f = seededFor(seed, 'leadconduit');
  const sc = schemas();
  // The rows are kept by id once looked up by id (a repair, the page; see LazyMap): the build
  // only lists them. The SSO connections every read by id looks up are kept by id at once.
  const rows: AccountConnectionRow[] = [];
  const data: LcData = {
    seed,
    counter: 0,
    accounts: {},
    ssoAccounts: {},
    credentials: {},
    networkConnections: new Map(),
    rows: new LazyMap(rows, (row) => row.id),
    invitations: {},
  };
  const oid = () => f.objectId();
  const same = sharedValues();
  const accounts: [string, number][] = [
    ['primary', size],
    ['other', Math.max(4, Math.ceil(size / 4))],
  ];
  const tick = progressTicker(
    accounts.reduce((n, [, count]) => n + count, 0),
    onProgress,
  );
  let made = 0;
  for (const [label, count] of accounts) {
    const { lc, sso } = account(f, oid);
    data.accounts[lc.id] = lc;
    data.ssoAccounts[sso.sso_id] = sso;
    for (const superuser of [false, true]) {
      const key = f.hex(40);
      data.credentials[key] = {
        api_key: key,
        account_id: lc.id,
        superuser,
        label: `${label}${superuser ? '-superuser' : '-user'}`,
      };
    }
    for (let i = 0; i < count; i++) {
      const relationship_type = f.ofSchema(sc.relationship) as S['RelationshipType'];
      const counterpart = { id: oid(), sso_id: oid(), name: f.company() };
      const created_at = pastDate(f);
      const nc = {
        id: oid(),
        account_id: lc.id,
        relationship_type,
        invitation_id: oid(),
        counterpart,
        created_at,
        updated_at: created_at,
        created_by: f.email(),
        permissions: same.permissions(f.some(permissionPool)),
      };
      tick(made++);
      data.networkConnections.set(nc.id, nc);
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
        ui_state: same.uiState(relationship_type === 'buyer' && f.bool()),
        permissions: nc.permissions,
        account_entity: entity(f, sc, oid, same, counterpart, relationship_type, nc.invitation_id, created_at),
        custom_entities: customEntities(f, oid, same, relationship_type),
      };
      rows.push(row);
    }
    for (const [relationship_type, expired] of [
      ['seller', false],
      ['buyer', false],
      ['seller', true],
    ] as const) {
      const id = oid();
      data.invitations[id] = {
        id,
        account_id: lc.id,
        name: f.company(),
        relationship_type,
        invitation_expires_at: expired ? longAgo(f) : farFuture(f),
      };
    }
  }
  return new LeadConduitState(data);
}

function account(f: Seeded, oid: () => string): { lc: LcAccount; sso: SsoAccount } {
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
    conversion_feedback: f.bool(),
    firehose: f.bool(),
    third_party_add_on_services: f.bool(),
    real_time_bidding: f.bool(),
    leadconduit_trustedform_decisions: f.bool(),
  });
  const contracted = f.bool();
  const sso: SsoAccount = {
    sso_id: oid(),
    name: f.company(),
    time_zone: f.pick(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles']),
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
    api_key: f.hex(40),
    type: 'standard',
    data_retention_in_days: f.pick([90, 180, 365]),
    data_truncated_at: null,
    keen_project_id: oid(),
    keen_read_api_key: f.hex(32),
    keen_write_api_key: f.hex(32),
    pricing_components: [],
    lead_ping_enabled: f.bool(),
  };
  return { lc, sso };
}

/**
 * The values many records hold alike, made once per world and shared by them (a million rows:
 * millions fewer objects to allocate and collect). Safe because no write reaches into a record:
 * every one replaces whole fields (replaceFields, the repair's new row).
 */
function sharedValues() {
  const permissionSets: string[][] = [];
  const uiStates = [false, true].map((has_setup_buyer_delivery) => ({ has_setup_buyer_delivery }));
  return {
    /** The one array of each subset of the pool (drawn in the pool's order). */
    permissions(drawn: string[]): string[] {
      let mask = 0;
      for (const p of drawn) mask |= 1 << permissionPool.indexOf(p);
      return (permissionSets[mask] ??= drawn);
    },
    uiState: (has: boolean): S['UiState'] => uiStates[has ? 1 : 0],
    moduleIds: {
      buyer: ['leadconduit-custom.outbound.json'],
      seller: ['leadconduit-default.inbound'],
    } satisfies Record<S['RelationshipType'], string[]>,
    noCustomEntities: [] as S['CustomEntity'][],
    customName: wordPairs(' '),
  };
}
type Shared = ReturnType<typeof sharedValues>;

function customEntities(
  f: Seeded,
  oid: () => string,
  same: Shared,
  relationship: S['RelationshipType'],
): S['CustomEntity'][] {
  const count = f.int(0, 2);
  if (count === 0) return same.noCustomEntities;
  const out = new Array<S['CustomEntity']>(count);
  for (let i = 0; i < count; i++)
    out[i] = {
      id: oid(),
      name: same.customName(f.adjective(), f.noun()),
      source: relationship === 'seller' ? 'seller' : null,
      recipient: relationship === 'buyer' ? 'buyer' : null,
    };
  return out;
}

function entity(
  f: Seeded,
  sc: Schemas,
  oid: () => string,
  same: Shared,
  counterpart: S['ConnectedAccount'],
  relationship: S['RelationshipType'],
  invitationId: string,
  created: string,
): S['Entity'] {
  return {
    id: oid(),
    name: counterpart.name,
    description: f.catchPhrase(),
    standard: false,
    account: true,
    pending: false,
    connected: relationship,
    connected_account_id: counterpart.id,
    deprecated: false,
    see: null,
    field_suffix: f.ofSchema(sc.fieldSuffix) as string,
    invitation_id: invitationId,
    invitation_expires_at: null,
    expired: false,
    flow_ids: [oid()],
    logo_url: null,
    module_ids: same.moduleIds[relationship],
    source: relationship === 'seller' ? 'seller' : null,
    recipient: relationship === 'buyer' ? 'buyer' : null,
    time_zone: 'America/Chicago',
    trustedform_certified_vendor: f.bool(),
    created_at: created,
    updated_at: created,
  };
}
