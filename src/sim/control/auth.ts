import type { SimRequest } from '../request.js';
import { ApiError } from '../errors.js';

const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** In-process callers (no address: MSW, `handle()`) are this machine's own code. */
export function isLoopback(req: Pick<SimRequest, 'remoteAddress'>): boolean {
  return req.remoteAddress === undefined || loopback.test(req.remoteAddress);
}

/**
 * Whether `given` is the control token: the one compare every door uses, in time that does
 * not depend on where the strings differ (no node:crypto here: the core runs in browsers).
 */
export function controlTokenMatches(given: string | undefined, token: string | undefined): boolean {
  if (!token || typeof given !== 'string') return false;
  return sameSecret(given, token);
}

function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/**
 * The control API can reset and rewrite everything, so by default only this machine may
 * call it; with --control-token, a remote caller must present that token.
 */
export function checkControlAccess(
  req: Pick<SimRequest, 'headers' | 'remoteAddress'>,
  token: string | undefined,
): void {
  if (isLoopback(req)) return;
  if (!token)
    throw new ApiError({
      kind: 'forbidden',
      code: 'control_forbidden',
      message: 'the control API answers loopback callers only',
    });
  const given = req.headers['x-connkit-control-token'];
  if (typeof given !== 'string')
    throw new ApiError({
      kind: 'forbidden',
      code: 'control_forbidden',
      message: 'X-Connkit-Control-Token is required from outside loopback',
    });
  if (!controlTokenMatches(given, token))
    throw new ApiError({
      kind: 'unauthenticated',
      code: 'invalid_control_token',
      message: 'X-Connkit-Control-Token is wrong',
    });
}
