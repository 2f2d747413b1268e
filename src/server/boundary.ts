import type { Request, RequestHandler } from 'express';
import { controlTokenMatches } from '../sim/control/auth.js';
import { canonicalPath, isOwnPath } from '../sim/own-paths.js';

export interface BoundaryOptions {
  /** The address given with --host: a name the simulator may be reached by besides loopback. */
  host?: string;
  controlToken?: string;
}

/**
 * connkit's own paths (the page, the control API, the specs, the journal stream: `/` and
 * `/__*`), judged on the canonical spelling of the raw request target, never on what some
 * router made of it: every spelling a router could serve is guarded.
 */
export function isGuarded(target: string): boolean {
  return isOwnPath(canonicalPath(target));
}

const loopbackName = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/**
 * `Host: 127.0.0.1:4010` → `127.0.0.1`; `[::1]:4010` → `[::1]`. A bracketed name followed by
 * anything but a port (`[::1]evil.example`) is kept whole, so it matches no name.
 */
function hostname(host: string): string {
  const h = host.toLowerCase();
  return h.startsWith('[') ? (/^(\[[^\]]*\])(?::\d+)?$/.exec(h)?.[1] ?? h) : h.replace(/:\d+$/, '');
}

/**
 * The Sec-Fetch-Site values that say the request comes from this very origin or from the user
 * (typed, bookmarked). Anything else is refused: `cross-site`, `same-site`, and also a value no
 * browser sends, such as two headers joined (`cross-site, same-origin`).
 */
const ownSite = new Set(['same-origin', 'none']);

function tokenMatches(req: Request, token: string | undefined): boolean {
  const given = req.headers['x-connkit-control-token'];
  return controlTokenMatches(typeof given === 'string' ? given : undefined, token);
}

/**
 * A browser is a loopback caller, so without this any web page the developer opens could
 * reset, read or overwrite the mock. Guarded paths answer only:
 * - requests whose Host is a loopback name or the configured --host (a DNS-rebound name is
 *   neither), and
 * - requests with no Origin or this very origin, and no cross-site Sec-Fetch-Site (opening
 *   the page from a link is allowed: a navigation runs nothing of the other site's).
 * A caller with the right --control-token passes: no foreign page can know it.
 */
export function boundary(options: BoundaryOptions = {}): RequestHandler {
  const allowedHosts = new Set<string>();
  if (options.host && !['0.0.0.0', '::', '[::]'].includes(options.host))
    allowedHosts.add(
      hostname(options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host),
    );
  return (req, res, next) => {
    if (!isGuarded(req.originalUrl) || tokenMatches(req, options.controlToken)) return next();
    const refuse = (code: string, message: string) =>
      void res.status(403).set('Vary', 'Origin').json({ error: { code, message } });

    const host = hostname(req.headers.host ?? '');
    if (!loopbackName.test(host) && !allowedHosts.has(host))
      return refuse(
        'foreign_host',
        `Host ${req.headers.host ?? '(none)'} is not this machine: the control API and the page answer loopback names${allowedHosts.size ? ` and ${[...allowedHosts].join(', ')}` : ''} only`,
      );

    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `${req.protocol}://${req.headers.host}`)
      return refuse('foreign_origin', `requests from ${origin} may not use the control API or the page`);

    const site = req.headers['sec-fetch-site'];
    const navigation = req.method === 'GET' && req.headers['sec-fetch-mode'] === 'navigate';
    if (site !== undefined && !ownSite.has(site) && !navigation)
      return refuse('foreign_origin', `${site} requests may not use the control API or the page`);
    next();
  };
}

/** `middleware` (permissive CORS) for the vendor APIs only: never on guarded paths. */
export function vendorOnly(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (isGuarded(req.originalUrl) ? next() : middleware(req, res, next));
}
