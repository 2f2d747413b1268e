import type { DocsEntry } from '../../module.js';
import { profile } from './profile.js';
import type { WingfieldState } from './state.js';

/** The page's docs of Wingfield: the partner's service and a related organization, with the write token. */
export function docs(state: WingfieldState): DocsEntry {
  const f = profile(state, '');
  return {
    tryIt: {
      externalServiceId: f.external_service_id,
      organizationId: f.organizations?.related?.[0]?.id,
      userId: f.users?.[0],
    },
    signIn: { label: 'the partner token with write access', scheme: 'bearerAuth', token: f.tokens.write },
    extra: [['externalServiceId', f.external_service_id]],
  };
}
