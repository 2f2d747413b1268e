import { wingfieldEdits } from './edits.js';
import { plainCopy, type ApiModule } from '../../module.js';
import { authenticate, type WfPrincipal } from './auth.js';
import { wingfieldBrowser } from './browse.js';
import { controlFixtures } from './control.js';
import { docs } from './docs.js';
import { errorTypes, formatError } from './errors.js';
import { createWingfield } from './fixtures.js';
import { handlers } from './handlers.js';
import { profile } from './profile.js';
import { wingfieldObserver } from './observed.js';
import { forProfile } from '../../observe.js';
import { providerStates } from './provider-states.js';
import { WingfieldState, type WfJson } from './state.js';
import { countRecords } from './count.js';
import { found } from '../../found.js';

export const wingfield: ApiModule<WingfieldState, WfPrincipal> = {
  name: 'wingfield',
  state: {
    create: createWingfield,
    toJSON: (s) => s.toJSON(),
    fromJSON: (json) => WingfieldState.fromJSON(plainCopy(json) as WfJson),
    adopt: (json) => WingfieldState.fromJSON(json as WfJson),
  },
  countRecords,
  authenticate,
  formatError,
  errorTypes,
  handlers,
  controlFixtures,
  cacheable: new Set(['listExternalServiceOrganizations']),
  // The partner token says which service's organizations an answer holds.
  cacheKey: (req) => req.headers.authorization ?? '',
  fixtures: profile,
  observe: forProfile('wingfield', wingfieldObserver),
  collections: wingfieldBrowser,
  edits: wingfieldEdits,
  providerStates,
  docs,
  checkPrefix: 'wf',
  exampleCurl(state, baseUrl) {
    const t = found(
      Object.values(state.data.tokens).find((x) => x.label === 'write'),
      "token labelled 'write'",
    );
    return `curl -H 'Authorization: Bearer ${t.token}' '${baseUrl}/external-services/${t.external_service_id}/organizations'`;
  },
};
