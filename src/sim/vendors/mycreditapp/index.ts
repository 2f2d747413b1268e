import { mycreditappEdits } from './edits.js';
import { scenarios } from './scenarios.js';
import type { ApiModule, StateFactory } from '../../module.js';
import { authenticate, authorize, type McaPrincipal } from './auth.js';
import { mycreditappBrowser } from './browse.js';
import { controlFixtures } from './control.js';
import { docs } from './docs.js';
import { errorTypes, formatError } from './errors.js';
import { createMyCreditApp } from './fixtures.js';
import { handlers } from './handlers.js';
import { profile } from './profile.js';
import { mycreditappObserver } from './observed.js';
import { forProfile } from '../../observe.js';
import { providerStates } from './provider-states.js';
import { MyCreditAppState, type McaData } from './state.js';
import { found } from '../../found.js';

/** Columns inside, plain JSON outside: export and import see the records they always saw. */
const state: StateFactory<MyCreditAppState> = {
  create: createMyCreditApp,
  toJSON: (s) => s.toJSON(),
  fromJSON: (json) => MyCreditAppState.fromData(json as McaData),
  adopt: (json) => MyCreditAppState.fromData(json as McaData, true),
  undone: (s) => s.forgetOverlay(),
};

export const mycreditapp: ApiModule<MyCreditAppState, McaPrincipal> = {
  name: 'mycreditapp',
  state,
  // The size of toJSON()'s answer in records, without making them (a million organizations and connections).
  countRecords: (s) => s.countRecords(),
  authenticate,
  authorize,
  formatError,
  errorTypes,
  handlers,
  controlFixtures,
  // Not getGuestInvitations: its `expired` flags move with the clock.
  cacheable: new Set(['getHostConnections', 'getHostConnection', 'getGuestConnections', 'getGuestConnection']),
  // Who asks, and on whose behalf: the client's token and the two organization headers.
  cacheKey: (req) =>
    [req.headers.authorization, req.headers['requester-organization-id'], req.headers['target-organization-id']].join(
      '\n',
    ),
  scenarios,
  fixtures: profile,
  observe: forProfile('mycreditapp', mycreditappObserver),
  collections: mycreditappBrowser,
  edits: mycreditappEdits,
  providerStates,
  docs,
  checkPrefix: 'mca',
  exampleCurl(state, baseUrl) {
    const c = found(
      state.data.clients.find((x) => x.label === 'guest'),
      "client labelled 'guest'",
    );
    const org = c.organization_id;
    return `curl -H 'Authorization: Bearer ${c.access_token}' -H 'Requester-Organization-ID: ${org}' -H 'Target-Organization-ID: ${org}' '${baseUrl}/host-connections?statuses=connected&limit=10&offset=0'`;
  },
};
