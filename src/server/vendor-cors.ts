import cors, { type CorsRequest } from 'cors';

/** An Origin whose host is this machine (a frontend under test on localhost, any port). */
const loopbackOrigin = /^https?:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/i;

/**
 * The vendor APIs' CORS: open to every origin (frontend apps on any host need it; the APIs hold
 * only seeded fixture data), except that only loopback origins may send `X-Connkit-Session`.
 * A session costs memory within --max-memory, so a foreign page cannot exhaust it, but it could
 * push a developer's test sessions out; without the header in the preflight's answer a browser
 * never sends it.
 */
export function vendorCors(exposedHeaders: string[]) {
  return cors((req: CorsRequest, done) => {
    const origin = req.headers.origin ?? '';
    const asked = req.headers['access-control-request-headers'];
    const requested = (Array.isArray(asked) ? asked.join(',') : (asked ?? ''))
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const allowedHeaders = loopbackOrigin.test(origin)
      ? requested
      : requested.filter((h) => h.toLowerCase() !== 'x-connkit-session');
    done(null, { origin: '*', exposedHeaders, allowedHeaders });
  });
}

/**
 * What `vendorCors` adds to every answer but a preflight's, as a flat header list: it depends
 * on nothing in the request (any origin, the same exposed headers), so the vendor APIs' door
 * writes it from this one list instead of running the middleware per request. A test holds
 * the two to the same headers.
 */
export function vendorCorsHeaders(exposedHeaders: string[]): readonly string[] {
  const head = ['Access-Control-Allow-Origin', '*'];
  if (exposedHeaders.length) head.push('Access-Control-Expose-Headers', exposedHeaders.join(','));
  return Object.freeze(head);
}
