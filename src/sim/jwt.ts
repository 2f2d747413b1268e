import type jwtModule from 'jsonwebtoken';
import { createRequire } from 'node:module';

type JwtPayload = jwtModule.JwtPayload;
let loaded: typeof jwtModule | undefined;
// Loaded on the first token, not at start-up (a third of the start-up time otherwise went to it).
const jwt = () => (loaded ??= createRequire(import.meta.url)('jsonwebtoken') as typeof jwtModule);

/**
 * Bearer JWTs for the APIs that use them (Auth0, MyCreditApp), signed HS256 with a secret
 * derived from the seed: the same seed mints the same tokens on every machine. Verified
 * tokens are remembered (bounded), since clients send the same few tokens again and again.
 */
export class JwtIssuer {
  private readonly verified = new Map<string, JwtPayload>();

  constructor(private readonly secret: string) {}

  sign(claims: Record<string, unknown>): string {
    return jwt().sign(claims, this.secret, { algorithm: 'HS256', noTimestamp: true });
  }

  /** The claims, or why the token is refused. */
  verify(token: string): { claims: JwtPayload } | { error: 'malformed' | 'signature' | 'expired' } {
    const cached = this.verified.get(token);
    if (cached) {
      if (typeof cached.exp === 'number' && cached.exp * 1000 <= Date.now()) return { error: 'expired' };
      return { claims: cached };
    }
    try {
      const claims = jwt().verify(token, this.secret, { algorithms: ['HS256'] }) as JwtPayload;
      if (this.verified.size >= 1000) this.verified.clear();
      this.verified.set(token, claims);
      return { claims };
    } catch (e) {
      if (e instanceof jwt().TokenExpiredError) return { error: 'expired' };
      if (e instanceof jwt().JsonWebTokenError && /signature/.test(e.message)) return { error: 'signature' };
      return { error: 'malformed' };
    }
  }
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}
