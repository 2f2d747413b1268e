// JwtIssuer signs with Node's HMAC where there is one and with @noble/hashes in a browser: the
// tokens (pinned by the seeded worlds' digests) must be the bytes the JavaScript hash gives.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { JwtIssuer } from '../../src/sim/jwt.js';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('HS256 tokens', () => {
  it('carry the signature @noble/hashes computes, and verify', () => {
    const secret = 'connkit-test-secret';
    const issuer = new JwtIssuer(secret);
    const token = issuer.sign({ sub: 'client_1@clients', scope: 'read:things', exp: 4102444800 });
    const [header, claims, signature] = token.split('.');
    const expected = hmac(sha256, new TextEncoder().encode(secret), new TextEncoder().encode(`${header}.${claims}`));
    expect(signature).toBe(b64url(expected));
    expect(issuer.verify(token)).toEqual({
      claims: { sub: 'client_1@clients', scope: 'read:things', exp: 4102444800 },
    });
    expect(new JwtIssuer('another secret').verify(token)).toEqual({ error: 'signature' });
  });
});
