import { ApiError } from '../../errors.js';
import { bearer } from '../../jwt.js';
import type { ApiModule } from '../../module.js';
import type { MyCreditAppState } from './state.js';

export type Scenario = 'self' | 'host' | 'guest';

export interface McaPrincipal {
  orgId: string;
  /** Set by authorize: who acts on whom. */
  access?: { scenario: Scenario; requester: string; target: string };
}

type Module = ApiModule<MyCreditAppState, McaPrincipal>;

const unauthorized = (msg: string) =>
  new ApiError({
    kind: 'unauthenticated',
    message: msg,
    code: 'oauth_invalid_token',
    field: ['header', 'Authorization'],
  });
const denied = (msg: string, field: string, code = 'organization_access_denied') =>
  new ApiError({ kind: 'forbidden', message: msg, code, field: ['header', field] });

/** The bearer token of an API client; the client's organization is its `org_id` claim. */
export const authenticate: Module['authenticate'] = ({ req, state }) => {
  const token = bearer(req.headers.authorization);
  if (!token) throw unauthorized('Not authenticated');
  const result = state.jwt.verify(token);
  if ('error' in result) throw unauthorized('Invalid or expired access token');
  const claim = result.claims.org_id;
  // Any other claim type names no organization, as its '[object Object]' never did.
  const orgId = typeof claim === 'string' || typeof claim === 'number' ? String(claim) : '';
  if (!state.org(orgId)) throw unauthorized('Invalid or expired access token');
  return { orgId };
};

/**
 * The organization headers, once validated: the requester is the client's own organization;
 * a target other than the requester needs a connected record between the two (Host: the
 * requester hosts the target; Guest: the target hosts the requester), and the operation must
 * allow that scenario (`x-mycreditapp-scenarios`).
 */
export const authorize: NonNullable<Module['authorize']> = ({ principal, params, state, op }) => {
  const requester = String(params.header['Requester-Organization-ID']).toLowerCase();
  const target = String(params.header['Target-Organization-ID']).toLowerCase();
  if (requester !== principal.orgId)
    throw denied('Requester-Organization-ID is not the organization of the API client', 'Requester-Organization-ID');
  let scenario: Scenario = 'self';
  if (target !== requester) {
    if (state.pair(requester, target)?.status === 'connected') scenario = 'host';
    else if (state.pair(target, requester)?.status === 'connected') scenario = 'guest';
    else
      throw denied('Requester organization has no connection with the target organization', 'Target-Organization-ID');
  }
  const allowed = (op.ext['x-mycreditapp-scenarios'] as string[] | undefined) ?? ['self'];
  if (!allowed.includes(scenario))
    throw denied(
      `This operation is not available in the ${scenario} scenario (allowed: ${allowed.join(', ')})`,
      'Target-Organization-ID',
      'scenario_not_allowed',
    );
  principal.access = { scenario, requester, target };
};
