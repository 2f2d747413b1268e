import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keepLast } from './keep-last.js';

export type JwtClaims = Record<string, unknown> & {
  exp?: number;
  nbf?: number;
  aud?: string | string[];
  scope?: string;
};

const encoder = new TextEncoder();

type Hmac = (key: Uint8Array, message: string) => Uint8Array;

/**
 * Node's own HMAC where there is one, the same bytes as @noble/hashes': a cold start signs a
 * dozen tokens, and JavaScript SHA-256 before V8 optimizes it costs a few milliseconds more.
 * A browser has no synchronous HMAC, so there the core hashes in JavaScript.
 */
function pickHmac(): Hmac {
  const nodeCrypto = globalThis.process?.getBuiltinModule?.('node:crypto');
  if (nodeCrypto) return (key, message) => nodeCrypto.createHmac('sha256', key).update(message).digest();
  return (key, message) => hmac(sha256, key, encoder.encode(message));
}
let hmacSha256: Hmac | undefined;

function base64url(bytes: Uint8Array): string {
  // Bytes to a binary string a slice at a time: one native call per slice rather than a
  // string appended per byte, which a cold start (a dozen tokens minted and checked before
  // V8 optimises anything) pays for in full; slices keep the call's argument count bounded.
  let binary = '';
  for (let at = 0; at < bytes.length; at += 8192)
    binary += String.fromCharCode.apply(null, bytes.subarray(at, at + 8192) as unknown as number[]);
  return btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
// Every token's header: encoded once.
let header: string | undefined;

function parseSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  try {
    const bytes = Uint8Array.from(atob(segment.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Bearer JWTs for the APIs that use them (Auth0, MyCreditApp), signed HS256 with a secret
 * derived from the seed: the same seed mints the same tokens on every machine. HS256 is
 * done here over @noble/hashes, synchronously and without Node's crypto, so the core runs in
 * a browser; the bytes are those jsonwebtoken makes (header `{"alg":"HS256","typ":"JWT"}`,
 * claims in the order given). Verified tokens are remembered (bounded), since clients send
 * the same few tokens again and again.
 */
export class JwtIssuer {
  private readonly verified = new Map<string, JwtClaims>();
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = encoder.encode(secret);
  }

  private signature(signingInput: string): string {
    return base64url((hmacSha256 ??= pickHmac())(this.key, signingInput));
  }

  sign(claims: Record<string, unknown>): string {
    header ??= base64url(encoder.encode('{"alg":"HS256","typ":"JWT"}'));
    const input = `${header}.${base64url(encoder.encode(JSON.stringify(claims)))}`;
    return `${input}.${this.signature(input)}`;
  }

  /** The claims, or why the token is refused (the same verdicts jsonwebtoken gives). */
  verify(token: string): { claims: JwtClaims } | { error: 'malformed' | 'signature' | 'expired' } {
    const now = Date.now();
    const cached = this.verified.get(token);
    if (cached) {
      if (typeof cached.exp === 'number' && cached.exp * 1000 <= now) return { error: 'expired' };
      return { claims: cached };
    }
    const parts = token.split('.');
    if (parts.length !== 3) return { error: 'malformed' };
    const header = parseSegment(parts[0]);
    const claims = parseSegment(parts[1]);
    if (!isObject(header) || !isObject(claims)) return { error: 'malformed' };
    if (!parts[2]) return { error: 'signature' };
    if (header.alg !== 'HS256') return { error: 'malformed' };
    if (this.signature(`${parts[0]}.${parts[1]}`) !== parts[2]) return { error: 'signature' };
    const seconds = Math.floor(now / 1000);
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > seconds))
      return { error: 'malformed' };
    if (claims.exp !== undefined) {
      if (typeof claims.exp !== 'number') return { error: 'malformed' };
      if (seconds >= claims.exp) return { error: 'expired' };
    }
    if (this.verified.size >= 1000) this.verified.clear();
    this.verified.set(token, claims);
    return { claims: claims };
  }
}

/**
 * The token of a `Bearer` header. The last header's token is kept (keep-last.ts): the same
 * token object, with the hash V8 computed for its lookups, where the regex made a fresh copy
 * per request.
 */
export const bearer: (header: string | undefined) => string | undefined = keepLast(
  (header) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1],
);
