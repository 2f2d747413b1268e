import type { components } from '../../../generated/leadconduit.js';
import type { components as control } from '../../../generated/control.js';
import type { ObservedRead, Observer } from '../../module.js';
import { answersOf, itemsOf, schemaGuard } from '../../observe.js';
import {
  LeadConduitState,
  type AccountConnectionRow,
  type Credential,
  type LcData,
  type NetworkConnection,
} from './state.js';

type Profile = control['schemas']['LeadConduitProfile'];
type S = components['schemas'];
const isEntry = schemaGuard<S['ConnectionListEntry']>('leadconduit', 'ConnectionListEntry');
const isDetail = schemaGuard<S['ConnectionDetail']>('leadconduit', 'ConnectionDetail');

// Accounts have no id a read shows; the model names the two the profile's keys belong to.
const primary = '0'.repeat(24);
const other = '1'.repeat(24);
const basic = (key: string) => ({ Authorization: `Basic ${btoa(`API:${key}`)}` });

/** Each API key of the profile: its account, and whether it is a superuser's. */
function keys(p: Profile): Credential[] {
  const c = p.credentials;
  const out: Credential[] = [{ api_key: c.user, account_id: primary, superuser: false, label: 'user' }];
  if (c.superuser) out.push({ api_key: c.superuser, account_id: primary, superuser: true, label: 'superuser' });
  if (c.other_account_user)
    out.push({ api_key: c.other_account_user, account_id: other, superuser: false, label: 'other' });
  return out;
}
const readers = (p: Profile) => keys(p).filter((k) => !k.superuser);
const accountOf = (p: Profile, read: ObservedRead) =>
  readers(p).find((k) => basic(k.api_key).Authorization === read.headers.Authorization)?.account_id;

/**
 * LeadConduit as a target shows it: each account's reconciled list (one page: the operation
 * has none) through its own user key, then each completed connection by id, for the SSO
 * connection id (`external_id`) the list leaves out. What SSO holds of the account itself
 * shows only in the answer of the sync, a write: that operation is unknown to the model.
 */
export const leadconduitObserver: Observer<LeadConduitState, Profile> = {
  reads(p, seen) {
    if (!seen.length) return readers(p).map((k) => ({ operationId: 'listConnections', headers: basic(k.api_key) }));
    const got = new Set(answersOf(seen, 'getConnection').map((o) => o.read.path?.id));
    return answersOf(seen, 'listConnections').flatMap((o) =>
      itemsOf(o.body, 'connections')
        .filter(isEntry)
        .filter((e) => e.status === 'completed' && !got.has(e.id))
        .map((e): ObservedRead => ({ operationId: 'getConnection', path: { id: e.id }, headers: o.read.headers })),
    );
  },
  next: () => undefined,
  fromObserved(seen, p) {
    const data: LcData = {
      seed: 0,
      counter: 0,
      accounts: {},
      ssoAccounts: {},
      credentials: Object.fromEntries(keys(p).map((k) => [k.api_key, k])),
      networkConnections: new Map(),
      rows: new Map(),
      invitations: {},
    };
    const details = new Map(
      answersOf(seen, 'getConnection').flatMap((o) => (isDetail(o.body) ? [[o.body.id, o.body] as const] : [])),
    );
    for (const answer of answersOf(seen, 'listConnections')) {
      const account_id = accountOf(p, answer.read);
      if (!account_id) continue;
      for (const e of itemsOf(answer.body, 'connections').filter(isEntry)) {
        const detail = details.get(e.id);
        const sso = e.status === 'sso_only' ? e.id : detail?.external_id;
        if (!sso) continue;
        // A completed entry shows the LC row; its SSO connection shows only as existing, with the same counterpart.
        const nc: NetworkConnection = {
          id: sso,
          account_id,
          relationship_type: e.relationship_type,
          invitation_id: e.invitation_id ?? '',
          counterpart: e.connected_account,
          created_at: e.created_at,
          updated_at: e.updated_at,
          created_by: e.created_by ?? '',
          permissions: e.permissions,
        };
        data.networkConnections.set(sso, nc);
        if (e.status !== 'completed') continue;
        const row: AccountConnectionRow = {
          id: e.id,
          account_id,
          external_id: sso,
          invitation_id: e.invitation_id ?? '',
          relationship_type: e.relationship_type,
          connected_account: e.connected_account,
          created_at: e.created_at,
          updated_at: e.updated_at,
          created_by: e.created_by ?? '',
          ui_state: e.ui_state ?? detail?.ui_state ?? { has_setup_buyer_delivery: false },
          permissions: e.permissions,
          account_entity: e.account_entity ?? null,
          custom_entities: e.custom_entities,
        };
        data.rows.set(row.id, row);
      }
    }
    return {
      state: new LeadConduitState(data),
      credentials: {},
      unknown: [],
      unknownOperations: ['syncAccountFromSso'],
    };
  },
};
