import { auth0Edits } from './edits.js';
import { scenarios, type Auth0Faults } from './scenarios.js';
import { plainCopy, type ApiModule } from '../../module.js';
import { authenticate, type Auth0Principal } from './auth.js';
import { auth0Browser } from './browse.js';
import { controlFixtures } from './control.js';
import { docs } from './docs.js';
import { errorTypes, formatError } from './errors.js';
import { createAuth0 } from './fixtures.js';
import { handlers } from './handlers.js';
import { profile } from './profile.js';
import { auth0Observer } from './observed.js';
import { forProfile } from '../../observe.js';
import { providerStates } from './provider-states.js';
import { Auth0State, type Auth0Json } from './state.js';
import { countRecords } from './count.js';
import { found } from '../../found.js';

/** Sent on every answer; a full bucket unless the rate-limited scenario counts. */
const idleBucket = 50;

export const auth0: ApiModule<Auth0State, Auth0Principal, Auth0Faults> = {
  name: 'auth0',
  state: {
    create: createAuth0,
    toJSON: (s) => s.toJSON(),
    fromJSON: (json) => Auth0State.fromJSON(plainCopy(json) as Auth0Json),
    adopt: (json) => Auth0State.fromJSON(json as Auth0Json),
  },
  countRecords,
  authenticate,
  formatError,
  errorTypes,
  handlers,
  controlFixtures,
  cacheable: new Set([
    'get_organization_connections',
    'get_organization_connection',
    'get_enabled_connections',
    'get_enabled_connections_by_connectionId',
  ]),
  rejectUnknownQuery: true,
  // The token says which tenant's organizations an answer holds.
  cacheKey: (req) => req.headers.authorization ?? '',
  scenarios,
  exposedHeaders: ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
  responseHeaders({ faults }) {
    const rl = faults.rateLimit ?? {
      limit: idleBucket,
      remaining: idleBucket,
      reset: Math.ceil(Date.now() / 1000) + 1,
    };
    return {
      'X-RateLimit-Limit': String(rl.limit),
      'X-RateLimit-Remaining': String(rl.remaining),
      'X-RateLimit-Reset': String(rl.reset),
    };
  },
  fixtures: profile,
  observe: forProfile('auth0', auth0Observer),
  collections: auth0Browser,
  edits: auth0Edits,
  providerStates,
  docs,
  exampleCurl(state, baseUrl) {
    const token = found(
      state.data.tokens.find((t) => t.label === 'full'),
      "token labelled 'full'",
    ).token;
    const org = Object.values(state.data.tenants.connkit.organizations)[0].id;
    return `curl -H 'Authorization: Bearer ${token}' '${baseUrl}/organizations/${org}/connections?include_totals=true'`;
  },
};
