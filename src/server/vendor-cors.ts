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
