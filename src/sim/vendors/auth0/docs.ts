import type { DocsEntry } from '../../module.js';
import { profile } from './profile.js';
import type { Auth0State } from './state.js';

/** The page's docs of Auth0: the main organization and its first link, with a token of every scope. */
export function docs(state: Auth0State): DocsEntry {
  const main = profile(state, '').organizations.main;
  const connection = main.connection_ids[0];
  return {
    tryIt: { id: main.id, connection_id: connection, connectionId: connection },
    signIn: {
      label: 'a token with every organization-connection scope',
      scheme: 'bearerAuth',
      token: profile(state, '').tokens.full,
    },
    extra: [['organization id', main.id]],
  };
}
