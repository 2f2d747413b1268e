import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ApiError } from '../errors.js';

const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function isLoopback(req: Request): boolean {
  return loopback.test(req.socket.remoteAddress ?? '');
}

/**
 * The control API can reset and rewrite everything, so by default only this machine may
 * call it; with --control-token, a remote caller must present that token.
 */
export function checkControlAccess(req: Request, token: string | undefined): void {
  if (isLoopback(req)) return;
  if (!token) throw new ApiError({ kind: 'forbidden', code: 'control_forbidden', message: 'the control API answers loopback callers only' });
  const given = req.headers['x-connkit-control-token'];
  if (typeof given !== 'string') throw new ApiError({ kind: 'forbidden', code: 'control_forbidden', message: 'X-Connkit-Control-Token is required from outside loopback' });
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new ApiError({ kind: 'unauthenticated', code: 'invalid_control_token', message: 'X-Connkit-Control-Token is wrong' });
}
