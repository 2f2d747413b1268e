import type { ApiModule } from '../../module.js';
import { authenticate, type LcPrincipal } from './auth.js';
import { controlFixtures } from './control.js';
import { formatError } from './errors.js';
import { createLeadConduit } from './fixtures.js';
import { handlers } from './handlers.js';
import { LeadConduitState, type LcData } from './state.js';

const basic = (key: string) => `Basic ${Buffer.from(`API:${key}`).toString('base64')}`;

export const leadconduit: ApiModule<LeadConduitState, LcPrincipal> = {
  name: 'leadconduit',
  state: {
    create: createLeadConduit,
    toJSON: (s) => s.data,
    fromJSON: (json) => new LeadConduitState(structuredClone(json) as LcData),
  },
  authenticate,
  formatError,
  handlers,
  controlFixtures,
  fixtures(state) {
    const credentials = Object.values(state.data.credentials);
    const accounts = Object.values(state.data.accounts).map((a) => {
      const own = credentials.filter((c) => c.account_id === a.id);
      const sso = state.ssoConnections(a.id);
      const rows = state.rows(a.id);
      const withRow = new Set(rows.map((r) => r.external_id));
      return {
        id: a.id,
        sso_id: a.sso_id,
        name: a.name,
        credentials: own.map((c) => ({ label: c.label, api_key: c.api_key, superuser: c.superuser, authorization: basic(c.api_key) })),
        completed: rows.map((r) => ({ id: r.id, external_id: r.external_id, invitation_id: r.invitation_id, relationship_type: r.relationship_type })),
        sso_only: sso.filter((n) => !withRow.has(n.id)).map((n) => ({ id: n.id, invitation_id: n.invitation_id, relationship_type: n.relationship_type })),
      };
    });
    return { accounts };
  },
  exampleCurl(state, baseUrl) {
    const key = Object.values(state.data.credentials)[0].api_key;
    return `curl -u API:${key} ${baseUrl}/connections`;
  },
};
