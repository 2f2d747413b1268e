// The MSW door: request handlers that answer calls to the vendors' real hosts from a simulator,
// in Node (setupServer) and in the browser (setupWorker). It needs only `handle` and `served`
// from the simulator, so it imports nothing from the core at run time and no Node module at all.
import { http, type HttpHandler } from 'msw';
import { isVendorName, type VendorName } from '../contract/names.js';
import { canonicalPath, isOwnPath } from '../sim/own-paths.js';
import { under, vendorPatterns } from './hosts.js';

export { vendorBaseUrls } from './hosts.js';

/** What the door needs of a simulator (a `createSimulator()` result is one). */
export interface HandlesRequests {
  handle(request: Request): Promise<Response>;
  served: readonly { name: string; prefix: string; basePath: string }[];
}

export interface MswHandlerOptions {
  /** An Auth0 custom domain (`login.example.com`); every `*.auth0.com` tenant is answered anyway. */
  tenantDomain?: string;
  /**
   * More base URLs per API (a gateway, a staging host): `{ wingfield: 'https://wf.internal/partner' }`.
   * A request below one has that base stripped and is answered as the same call to the API's base
   * URL would be (`https://wf.internal/partner/x` as `https://dev.wingfield.systems/api/v1/x`).
   */
  baseUrls?: Partial<Record<VendorName, string | string[]>>;
}

/** A request re-addressed to the simulator's path for the API, the user's base path stripped. */
async function rebased(request: Request, base: string, target: string): Promise<Request> {
  const url = new URL(request.url);
  const rest = url.pathname.slice(new URL(base).pathname.replace(/\/+$/, '').length);
  const to = new URL(`${target}${rest}${url.search}`, url.origin);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(to, { method: request.method, headers: request.headers, body, signal: request.signal });
}

const within = (path: string, base: string) => base !== '' && (path === base || path.startsWith(`${base}/`));

/**
 * Whether the core would answer `url` from something else than `api` at its vendor-true path:
 * connkit's own paths, any API under its connkit prefix, another API whose base path is longer
 * (LeadConduit's is the root, so every other base path lies inside it).
 */
function notThisApi(served: HandlesRequests['served'], api: HandlesRequests['served'][number], url: string): boolean {
  const path = canonicalPath(new URL(url).pathname);
  if (isOwnPath(path)) return true;
  return served.some(
    (s) =>
      within(path, s.prefix.toLowerCase()) ||
      (s !== api && s.basePath.length > api.basePath.length && within(path, s.basePath.toLowerCase())),
  );
}

/**
 * MSW handlers for every API the simulator serves: `setupServer(...handlers(sim))`.
 * Calls to hosts it does not know pass through to MSW's `onUnhandledRequest`.
 */
export function handlers(sim: HandlesRequests, options: MswHandlerOptions = {}): HttpHandler[] {
  const out: HttpHandler[] = [];
  for (const api of sim.served) {
    const vendor = api.name;
    if (!isVendorName(vendor)) continue;
    // Extra base URLs first: a user's gateway may sit on a vendor host under a longer path.
    const extra = options.baseUrls?.[vendor];
    for (const base of typeof extra === 'string' ? [extra] : (extra ?? [])) {
      const target = `${api.prefix}${api.basePath}`;
      out.push(http.all(under(base), async ({ request }) => sim.handle(await rebased(request, base, target))));
    }
    // The real hosts: the core answers the vendor-true path whatever the host. What the core
    // would route elsewhere (connkit's own paths, a prefixed API, another API's base path) is
    // no path of this vendor's host: it gets this API's own not-found, as the real host answers.
    const served = sim.served;
    for (const pattern of vendorPatterns(vendor, options.tenantDomain))
      out.push(
        http.all(pattern, async ({ request }) => {
          const origin = new URL(request.url).origin;
          return sim.handle(
            notThisApi(served, api, request.url)
              ? await rebased(request, `${origin}${api.basePath}`, `${api.prefix}${api.basePath}`)
              : request,
          );
        }),
      );
  }
  return out;
}
