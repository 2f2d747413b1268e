import { ApiError } from '../../errors.js';
import { bearer } from '../../jwt.js';
import type { ApiModule } from '../../module.js';
import type { ApiToken, Permission, ScopeName, WingfieldState } from './state.js';

export interface WfPrincipal {
  serviceId: string;
  token: ApiToken;
}

const rank: Record<Permission, number> = { none: 0, read: 1, write: 2 };
const fail = (kind: 'unauthenticated' | 'forbidden', code: string, message: string) =>
  new ApiError({ kind, code, message });

/**
 * Layer one of Wingfield's authorization: a known, unexpired partner token; the path's
 * external service must be the token's own; the token's permission for the operation's
 * scope (`x-connkit-scope: organization:write`) must reach it, `write` covering `read`.
 */
export const authenticate: ApiModule<WingfieldState, WfPrincipal>['authenticate'] = ({ req, state, op, path }) => {
  const value = bearer(req.headers.authorization);
  if (!value) throw fail('unauthenticated', 'missing_api_token', 'No authentication token provided.');
  const token = state.token(value);
  if (!token || (token.expires_at && new Date(token.expires_at) <= new Date()))
    throw fail('unauthenticated', 'invalid_api_token', 'Invalid or expired authentication token.');
  const pathService = path.externalServiceId;
  if (pathService !== undefined && String(pathService).toLowerCase() !== token.external_service_id)
    throw fail('forbidden', 'external_service_access_denied', 'Token does not match the requested external service.');
  const needed = op.ext['x-connkit-scope'];
  if (typeof needed === 'string') {
    const [scope, permission] = needed.split(':') as [ScopeName, Permission];
    if (rank[token.scopes[scope] ?? 'none'] < rank[permission])
      throw fail(
        'forbidden',
        'scope_permission_denied',
        `Insufficient permissions for this operation: requires ${needed}`,
      );
  }
  return { serviceId: token.external_service_id, token };
};
