import { encodeBase64 } from '../../base64.js';
import { ApiError } from '../../errors.js';
import type { LeadConduitState } from './state.js';

const basic = (key: string) => `Basic ${encodeBase64(`API:${key}`)}`;

function account(state: LeadConduitState, id: string | undefined) {
  const accountId = id?.toLowerCase() ?? Object.keys(state.data.accounts)[0];
  if (!Object.hasOwn(state.data.accounts, accountId))
    throw new ApiError({ kind: 'not_found', code: 'not_found', message: `no account ${id}` });
  return accountId;
}

/** Fixtures LeadConduit's own API cannot create (control API). */
export const controlFixtures = {
  createSsoOnlyConnection(
    state: LeadConduitState,
    body: { account_id?: string; relationship_type?: 'seller' | 'buyer' },
  ) {
    const accountId = account(state, body.account_id);
    const now = new Date().toISOString();
    const nc = state.addSsoOnly(accountId, {
      relationship_type: body.relationship_type ?? 'seller',
      invitation_id: state.mint(),
      counterpart: { id: state.mint(), sso_id: state.mint(), name: `Control Partner ${state.data.counter}` },
      created_at: now,
      updated_at: now,
      created_by: 'control@connkit.test',
      permissions: ['view_submission_docs'],
    });
    return {
      id: nc.id,
      account_id: accountId,
      invitation_id: nc.invitation_id,
      relationship_type: nc.relationship_type,
    };
  },

  createLeadConduitCredential(state: LeadConduitState, body: { account_id?: string; superuser?: boolean }) {
    const c = state.addCredential(account(state, body.account_id), body.superuser === true, 'control');
    return { api_key: c.api_key, account_id: c.account_id, superuser: c.superuser, authorization: basic(c.api_key) };
  },
};
