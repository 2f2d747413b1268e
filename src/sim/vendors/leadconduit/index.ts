import { leadconduitEdits } from './edits.js';
import { scenarios, type LcFaults } from './scenarios.js';
import { plainCopy, type ApiModule } from '../../module.js';
import { authenticate, type LcPrincipal } from './auth.js';
import { leadconduitBrowser } from './browse.js';
import { controlFixtures } from './control.js';
import { docs } from './docs.js';
import { errorTypes, formatError } from './errors.js';
import { createLeadConduit } from './fixtures.js';
import { handlers } from './handlers.js';
import { profile } from './profile.js';
import { leadconduitObserver } from './observed.js';
import { forProfile } from '../../observe.js';
import { providerStates } from './provider-states.js';
import { LeadConduitState, type LcJson } from './state.js';
import { countRecords } from './count.js';

export const leadconduit: ApiModule<LeadConduitState, LcPrincipal, LcFaults> = {
  name: 'leadconduit',
  state: {
    create: createLeadConduit,
    toJSON: (s) => s.toJSON(),
    fromJSON: (json) => LeadConduitState.fromJSON(plainCopy(json) as LcJson),
    adopt: (json) => LeadConduitState.fromJSON(json as LcJson),
  },
  countRecords,
  authenticate,
  formatError,
  errorTypes,
  handlers,
  controlFixtures,
  cacheable: new Set(['listConnections', 'getConnection']),
  // The API key says which account's connections an answer holds.
  cacheKey: (req) => req.headers.authorization ?? '',
  scenarios,
  exposedHeaders: ['X-Connections-Degraded'],
  fixtures: profile,
  observe: forProfile('leadconduit', leadconduitObserver),
  collections: leadconduitBrowser,
  edits: leadconduitEdits,
  providerStates,
  docs,
  exampleCurl(state, baseUrl) {
    const key = Object.values(state.data.credentials)[0].api_key;
    return `curl -u API:${key} ${baseUrl}/connections`;
  },
};
