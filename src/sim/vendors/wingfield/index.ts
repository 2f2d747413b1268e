import type { ApiModule } from '../../module.js';
import { authenticate, type WfPrincipal } from './auth.js';
import { controlFixtures } from './control.js';
import { formatError } from './errors.js';
import { createWingfield } from './fixtures.js';
import { handlers } from './handlers.js';
import { WingfieldState, type WfData } from './state.js';

export const wingfield: ApiModule<WingfieldState, WfPrincipal> = {
  name: 'wingfield',
  state: {
    create: createWingfield,
    toJSON: (s) => s.data,
    fromJSON: (json) => new WingfieldState(structuredClone(json) as WfData),
  },
  authenticate,
  formatError,
  handlers,
  controlFixtures,
  fixtures(state) {
    const services = Object.values(state.data.services).map((s) => ({
      ...s,
      pro_seats_used: state.proSeatsUsed(s.id),
      related_organization_ids: state.relationsOf(s.id).map((r) => r.organizationId),
      relations: state.relationsOf(s.id),
    }));
    const related = new Set(Object.values(state.data.relations).map((r) => r.organizationId));
    return {
      services,
      tokens: Object.values(state.data.tokens).map(({ token, label, external_service_id, scopes, expires_at }) => ({ token, label, external_service_id, scopes, expires_at })),
      connect_tokens: Object.values(state.data.connectTokens).map((c) => ({ ...c, expired: new Date(c.expires_at) <= new Date() })),
      malformed_connect_token: 'not-a-connect-token',
      unknown_connect_token: 'wct_00000000000000000000000000000000',
      organizations: Object.values(state.data.organizations).map((o) => ({ ...o, related: related.has(o.id) })),
      users: Object.values(state.data.users),
      memberships: Object.values(state.data.memberships),
    };
  },
  exampleCurl(state, baseUrl) {
    const t = Object.values(state.data.tokens).find((x) => x.label === 'write')!;
    return `curl -H 'Authorization: Bearer ${t.token}' '${baseUrl}/external-services/${t.external_service_id}/organizations'`;
  },
};
