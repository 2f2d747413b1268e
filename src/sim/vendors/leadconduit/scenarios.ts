import type { ScenarioDef } from '../../scenarios/types.js';

/** What LeadConduit's scenarios switch on for its handlers. */
export interface LcFaults {
  /** LeadConduit's SSO service is unreachable. */
  ssoDown?: boolean;
}

export const scenarios: ScenarioDef<LcFaults>[] = [
  {
    name: 'sso-outage',
    description:
      'LeadConduit cannot reach SSO. GET /connections fails open (200, LC-resident rows only, X-Connections-Degraded: true); ' +
      'GET /connections/{id} finds LC rows only; repair and account sync answer 503 and change nothing.',
    apis: ['leadconduit'],
    params: {},
    apply: () => ({ faults: { ssoDown: true } }),
  },
];
