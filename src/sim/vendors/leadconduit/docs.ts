import type { DocsEntry } from '../../module.js';
import { profile } from './profile.js';
import type { LeadConduitState } from './state.js';

/** The page's docs of LeadConduit: a live connection to look up, signed in as the account's user. */
export function docs(state: LeadConduitState): DocsEntry {
  const f = profile(state, '');
  return {
    tryIt: { id: f.connections.completed[0]?.id },
    signIn: {
      label: 'the user API key (HTTP Basic, user "API")',
      scheme: 'APIKey',
      user: 'API',
      token: f.credentials.user,
    },
  };
}
