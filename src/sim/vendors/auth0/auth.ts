import { ApiError } from '../../errors.js';
import { bearer, type JwtClaims } from '../../jwt.js';
import type { ApiModule } from '../../module.js';
import type { Auth0State, Tenant } from './state.js';

export interface Auth0Principal {
  tenant: Tenant;
  scopes: Set<string>;
}

const unauthorized = (message: string, code: string) => new ApiError({ kind: 'unauthenticated', message, code });

// A remembered token's claims are the same object on every request: its scopes are split once.
const scopesOf = new WeakMap<object, Set<string>>();
const scopeSet = (claims: JwtClaims): Set<string> =>
  new Set(
    String(claims.scope ?? '')
      .split(' ')
      .filter(Boolean),
  );

/**
 * A Management API token: a JWT signed by the tenant, its audience naming the tenant's
 * `/api/v2/`. The scope the operation names in `x-connkit-scope` must be granted (403
 * `insufficient_scope` otherwise) — checked before the input, as Auth0 does.
 */
export const authenticate: ApiModule<Auth0State, Auth0Principal>['authenticate'] = ({ req, state, op }) => {
  const token = bearer(req.headers.authorization);
  if (!token) throw unauthorized('Missing authentication', 'invalid_token');
  const result = state.jwt.verify(token);
  if ('error' in result) {
    if (result.error === 'signature')
      throw unauthorized('Invalid signature received for JSON Web Token validation', 'invalid_signature');
    if (result.error === 'expired')
      throw unauthorized('Expired token received for JSON Web Token validation', 'token_expired');
    throw unauthorized('Invalid token', 'invalid_token');
  }
  const tenant = state.tenantForAudience(result.claims.aud);
  if (!tenant) throw unauthorized('Invalid token', 'invalid_token');
  let scopes = scopesOf.get(result.claims);
  if (!scopes) scopesOf.set(result.claims, (scopes = scopeSet(result.claims)));
  const needed = op.ext['x-connkit-scope'];
  if (typeof needed === 'string' && !scopes.has(needed))
    throw new ApiError({
      kind: 'forbidden',
      message: `Insufficient scope, expected any of: ${needed}`,
      code: 'insufficient_scope',
    });
  return { tenant, scopes };
};
