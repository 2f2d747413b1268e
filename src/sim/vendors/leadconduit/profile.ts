import type { components } from '../../../generated/control.js';
import type { LeadConduitState } from './state.js';
import { found } from '../../found.js';

/** The state as a verify profile (GET /__control/fixtures). */
export function profile(state: LeadConduitState, baseUrl: string): components['schemas']['LeadConduitProfile'] {
  const [primary, other] = Object.keys(state.data.accounts);
  const creds = Object.values(state.data.credentials);
  const key = (account: string, superuser: boolean) =>
    creds.find((c) => c.account_id === account && c.superuser === superuser)?.api_key;
  const ssoOnly = (account: string) => {
    const withRow = new Set(state.rows(account).map((r) => r.external_id));
    return state
      .ssoConnections(account)
      .filter((n) => !withRow.has(n.id))
      .map((n) => n.id);
  };
  const live = (account: string) => state.rows(account).filter((r) => state.data.networkConnections.has(r.external_id));
  return {
    api: 'leadconduit',
    base_url: baseUrl,
    credentials: {
      user: found(key(primary, false), 'user credential of the primary account'),
      superuser: key(primary, true),
      other_account_user: key(other, false),
    },
    connections: {
      completed: live(primary).map((r) => ({
        id: r.id,
        external_id: r.external_id,
        invitation_id: r.invitation_id,
        relationship_type: r.relationship_type,
      })),
      sso_only: ssoOnly(primary),
      other_account: [...live(other).map((r) => r.id), ...ssoOnly(other)],
      other_account_sso_only: ssoOnly(other),
    },
  };
}
