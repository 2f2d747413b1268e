import { ApiError } from '../../errors.js';
import type { Auth0State } from './state.js';

export const controlFixtures = {
  createAuth0Token(state: Auth0State, body: { tenant?: string; scopes: string[]; expired?: boolean }) {
    const tenant = body.tenant ?? 'connkit';
    if (!Object.hasOwn(state.data.tenants, tenant))
      throw new ApiError({ kind: 'not_found', code: 'not_found', message: `no tenant ${tenant}` });
    return state.mintToken('control', tenant, body.scopes, { expired: body.expired });
  },
};
