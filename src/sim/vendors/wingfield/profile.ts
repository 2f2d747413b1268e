import type { components } from '../../../generated/control.js';
import type { WingfieldState } from './state.js';
import { found } from '../../found.js';

export function profile(state: WingfieldState, baseUrl: string): components['schemas']['WingfieldProfile'] {
  const [partner, other] = Object.keys(state.data.services);
  const token = (label: string) => Object.values(state.data.tokens).find((t) => t.label === label)?.token;
  const now = new Date();
  const cts = Object.values(state.data.connectTokens);
  const usable = (c: (typeof cts)[number]) => c.state === 'open' && new Date(c.expires_at) > now;
  const related = state.relationsOf(partner).relations;
  const relatedIds = new Set(related.map((r) => r.organizationId));
  const mine = cts.filter((c) => c.external_service_id === partner);
  return {
    api: 'wingfield',
    base_url: baseUrl,
    external_service_id: partner,
    other_external_service_id: other,
    tokens: {
      write: found(token('write'), "token labelled 'write'"),
      read: token('read'),
      none: token('none'),
      other_service: token('other-service'),
      expired: token('expired'),
    },
    connect_tokens: {
      open: mine.filter((c) => usable(c) && !relatedIds.has(c.organization_id)).map((c) => c.token),
      claimed: mine.filter((c) => c.state === 'claimed').map((c) => c.token),
      cancelled: mine.filter((c) => c.state === 'cancelled').map((c) => c.token),
      expired: mine.filter((c) => new Date(c.expires_at) <= now).map((c) => c.token),
      other_service: cts.filter((c) => c.external_service_id !== partner && usable(c)).map((c) => c.token),
      confirm: mine
        .filter((c) => usable(c) && relatedIds.has(c.organization_id))
        .map((c) => ({
          token: c.token,
          external_organization_id: found(
            state.relation(partner, c.organization_id),
            `relation of ${c.organization_id}`,
          ).externalOrganizationId,
        })),
      malformed: 'not-a-connect-token',
      unknown: 'wct_00000000000000000000000000000000',
    },
    organizations: {
      related: related.map((r) => ({ id: r.organizationId, external_organization_id: r.externalOrganizationId })),
      unrelated: Array.from(state.data.organizations.keys()).filter((id) => !relatedIds.has(id)),
    },
    users: Object.keys(state.data.users).filter(
      (u) => !Object.values(state.data.memberships).some((m) => m.user_id === u && m.externally_managed_by === partner),
    ),
    pro_seats_left: state.data.services[partner].pro_quota - state.proSeatsUsed(partner),
  };
}
