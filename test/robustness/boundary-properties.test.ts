import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specIndex } from '../../src/contract/registry.js';
import { startSimulator, type RunningSimulator } from '../../src/server/index.js';

/**
 * The boundary as a rule over every header a browser or a rebound name can bring: connkit's
 * own routes (every control operation from its spec, the page, the specs) answer only a
 * loopback Host, no foreign Origin, and no cross-site or same-site fetch but a navigation.
 * What is refused is a 403 in connkit's envelope with no CORS header, and changes nothing.
 * The vendor APIs' preflights grant `X-Connkit-Session` to loopback origins alone.
 */
let sim: RunningSimulator;
let port = 0;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, host: '127.0.0.1', logLevel: 'silent' });
  port = sim.port;
});
afterAll(() => sim?.close());

const control = specIndex('control');
const fill = (path: string) =>
  path
    .replace('{api}', 'auth0')
    .replace('{collection}', 'organizations')
    .replace('{name}', 'latency')
    .replace('{id}', 'x')
    .replace('{preset}', 'x');
const routes = [
  ...control.operations
    .filter((op) => op.path !== '/journal/stream')
    .map((op) => ({ method: op.method.toUpperCase(), path: `/__control${fill(op.path)}` })),
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/__page/examples' },
  { method: 'GET', path: '/__specs/control.yaml' },
];

/** Host values: the loopback names the boundary knows, and names that only look like this machine. */
const loopbackHosts = ['127.0.0.1', 'localhost', 'LOCALHOST', '127.0.0.2', '[::1]'];
const foreignHosts = [
  'evil.example',
  'localhost.evil.example',
  '127.0.0.1.nip.io',
  'localhost.',
  '127.1',
  '2130706433',
  '0.0.0.0',
  '[::ffff:127.0.0.1]',
  '[::]',
  'localhost@evil.example',
  '[::1]evil.example',
  '[::1].evil.example',
  '',
];

interface Probe {
  route: { method: string; path: string };
  host: string;
  withPort: boolean;
  origin: 'none' | 'same' | 'null' | 'foreign' | 'https-same' | 'other-port' | 'other-loopback';
  /** `joined`: two Sec-Fetch-Site headers, `cross-site` then `same-origin` (read as one joined value). */
  site: 'none' | 'absent' | 'same-origin' | 'same-site' | 'cross-site' | 'joined' | 'unknown';
  mode: 'absent' | 'navigate' | 'cors' | 'no-cors';
  /** Sent as a CORS preflight (OPTIONS asking for the route's method) instead of the route's own method. */
  preflight: boolean;
}

const probe = fc.record<Probe>({
  route: fc.constantFrom(...routes),
  host: fc.oneof(fc.constantFrom(...loopbackHosts), fc.constantFrom(...foreignHosts)),
  withPort: fc.boolean(),
  origin: fc.constantFrom('none', 'same', 'null', 'foreign', 'https-same', 'other-port', 'other-loopback'),
  site: fc.constantFrom('none', 'absent', 'same-origin', 'same-site', 'cross-site', 'joined', 'unknown'),
  mode: fc.constantFrom('absent', 'navigate', 'cors', 'no-cors'),
  preflight: fc.boolean(),
});

const methodOf = (p: Probe) => (p.preflight ? 'OPTIONS' : p.route.method);

function headersOf(p: Probe): Record<string, string | string[]> {
  const host = p.withPort ? `${p.host}:${port}` : p.host;
  const origins: Record<Probe['origin'], string | undefined> = {
    none: undefined,
    same: `http://${host}`,
    null: 'null',
    foreign: 'https://evil.example',
    'https-same': `https://${host}`,
    'other-port': `http://${p.host}:${port + 1}`,
    'other-loopback': `http://${p.host === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`,
  };
  const h: Record<string, string | string[]> = { Host: host, Accept: 'application/json' };
  const origin = origins[p.origin];
  if (origin !== undefined) h.Origin = origin;
  if (p.site === 'joined') h['Sec-Fetch-Site'] = ['cross-site', 'same-origin'];
  else if (p.site === 'unknown') h['Sec-Fetch-Site'] = 'cross-origin';
  else if (p.site !== 'absent') h['Sec-Fetch-Site'] = p.site;
  if (p.mode !== 'absent') h['Sec-Fetch-Mode'] = p.mode;
  if (p.route.method !== 'GET' && !p.preflight) h['Content-Type'] = 'application/json';
  if (p.preflight) {
    h['Access-Control-Request-Method'] = p.route.method;
    h['Access-Control-Request-Headers'] = 'content-type, x-connkit-session';
  }
  return h;
}

/** The rule, as the README and the boundary state it. */
function allowed(p: Probe, h: Record<string, string | string[]>): boolean {
  if (!loopbackHosts.includes(p.host)) return false;
  if (h.Origin !== undefined && h.Origin !== `http://${String(h.Host)}`) return false;
  const navigation = methodOf(p) === 'GET' && p.mode === 'navigate';
  return ['absent', 'none', 'same-origin'].includes(p.site) || navigation;
}

function send(
  method: string,
  path: string,
  headers: Record<string, string | string[]>,
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const loopback = { Host: '127.0.0.1' };
const digest = async () => {
  const parts = await Promise.all(
    ['/__control/state', '/__control/scenarios', '/__control/sessions'].map((p) => send('GET', p, loopback)),
  );
  return createHash('sha256')
    .update(parts.map((p) => p.text).join('\n'))
    .digest('hex');
};

describe('the boundary of connkit’s own routes', () => {
  it('answers every Host, Origin and Sec-Fetch combination by the rule', async () => {
    await fc.assert(
      fc.asyncProperty(probe, async (p) => {
        const h = headersOf(p);
        // A body that would change something: a reset to another seed, a scenario on.
        const body = methodOf(p) === 'GET' || p.preflight ? undefined : '{"seed":7}';
        const res = await send(methodOf(p), p.route.path, h, body);
        const what = `${methodOf(p)} ${p.route.path} ${JSON.stringify(h)} → ${res.status} ${res.text.slice(0, 200)}`;
        // connkit's own routes never send CORS grants, to any origin: the page is same-origin.
        expect(res.headers['access-control-allow-origin'], what).toBeUndefined();
        expect(res.headers['access-control-allow-headers'], what).toBeUndefined();
        if (allowed(p, h)) {
          expect(res.status, what).not.toBe(403);
          return;
        }
        expect(res.status, what).toBe(403);
        const parsed: unknown = JSON.parse(res.text);
        expect(parsed, what).toMatchObject({ error: { code: expect.stringMatching(/^foreign_(host|origin)$/) } });
      }),
      // Allowed writes change the state: the next test compares the state over refusals only.
      { numRuns: 200, seed: 20261202 },
    );
  });

  it('reads a bracketed Host only as an address and port, and two Sec-Fetch-Site headers as foreign', async () => {
    const before = await digest();
    for (const host of ['[::1]evil.example', `[::1]evil.example:${port}`, '[::1].evil.example'])
      expect((await send('GET', '/__control/fixtures', { Host: host })).status, host).toBe(403);
    expect((await send('GET', '/__control/fixtures', { Host: `[::1]:${port}` })).status).toBe(200);
    for (const site of [['cross-site', 'same-origin'], ['same-site', 'none'], 'cross-origin']) {
      const res = await send(
        'POST',
        '/__control/reset',
        { Host: '127.0.0.1', 'Content-Type': 'application/json', 'Sec-Fetch-Site': site },
        '{"seed":7}',
      );
      expect(res.status, String(site)).toBe(403);
    }
    expect(await digest()).toBe(before);
  });

  it('changes nothing through any refused write', async () => {
    const writes = routes.filter((r) => r.method !== 'GET');
    const refused = probe
      .filter((p) => writes.some((w) => w.path === p.route.path && w.method === p.route.method))
      .filter((p) => !allowed(p, headersOf(p)));
    const before = await digest();
    await fc.assert(
      fc.asyncProperty(refused, async (p) => {
        const res = await send(methodOf(p), p.route.path, headersOf(p), p.preflight ? undefined : '{"seed":7}');
        expect(res.status).toBe(403);
      }),
      { numRuns: 100, seed: 20261203 },
    );
    expect(await digest()).toBe(before);
  });

  it('grants X-Connkit-Session in a vendor preflight to loopback origins only', async () => {
    const vendorPaths = ['/leadconduit/connections', '/auth0/api/v2/organizations/x/enabled_connections', '/api/v1/x'];
    const origins = fc.oneof(
      fc
        .constantFrom('http://localhost:3000', 'http://127.0.0.1:5173', 'http://[::1]:8080')
        .map((o) => [o, true] as const),
      fc
        .constantFrom(
          'https://evil.example',
          'http://localhost.evil.example',
          'http://127.0.0.1.nip.io',
          'null',
          'http://localhost:3000.evil.example',
          'http://evil.example/http://localhost',
        )
        .map((o) => [o, false] as const),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...vendorPaths),
        origins,
        fc.constantFrom('x-connkit-session', 'X-Connkit-Session, authorization', 'authorization,x-connkit-session'),
        async (path, [origin, local], asked) => {
          const res = await send('OPTIONS', path, {
            Host: `127.0.0.1:${port}`,
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': asked,
          });
          const allow = res.headers['access-control-allow-headers'];
          const granted = (typeof allow === 'string' ? allow : '')
            .toLowerCase()
            .split(',')
            .map((s) => s.trim());
          expect(res.status).toBeLessThan(300);
          expect(granted.includes('x-connkit-session'), `${origin} ${asked}: ${granted.join(',')}`).toBe(local);
          if (asked.includes('authorization')) expect(granted).toContain('authorization');
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
