import { ApiError } from '../../errors.js';
import type { ScenarioDef } from '../../scenarios/types.js';

export const scenarios: ScenarioDef[] = [
  {
    name: 'maintenance',
    description: 'MyCreditApp is under maintenance: every request answers 503 with code service_under_maintenance.',
    apis: ['mycreditapp'],
    params: {},
    apply: () => ({
      fail: new ApiError({
        kind: 'maintenance',
        message: 'Service is under maintenance',
        code: 'service_under_maintenance',
        injected: true,
      }),
    }),
  },
];
