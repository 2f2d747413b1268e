import type { RequestHandler } from 'express';
import { isGuarded } from './boundary.js';

/**
 * What the page may load and who may frame it. No page of another origin may put the
 * dashboard in a frame (one click in a disguised frame would switch a scenario on), and the
 * page runs only its own scripts and styles: the bundle, the stylesheet, Swagger UI, all
 * served from /__page/assets. Swagger UI's icons are inline SVG and `data:` images; its
 * "try it" calls this origin. (Two fixed headers: helmet's defaults, HSTS above all, would
 * pin `localhost` to HTTPS on every port of the developer's machine.)
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The frame policy and the CSP on every own path (the page and what it fetches). */
export function framePolicy(): RequestHandler {
  return (req, res, next) => {
    if (isGuarded(req.originalUrl))
      res.set({ 'X-Frame-Options': 'DENY', 'Content-Security-Policy': contentSecurityPolicy });
    next();
  };
}
