// Every own route (enumerated from the Express app's router, the built page's files and the
// control spec, never a hand list), in every spelling a router could resolve to it, answers
// a DNS-rebound Host or a foreign Origin 403 and changes nothing.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageDir } from '../../src/server/page.js';
import { canonicalPath, isOwnPath } from '../../src/sim/own-paths.js';
import { specIndex } from '../../src/contract/registry.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

describe('canonicalPath', () => {
  it.each([
    ['/__CONTROL/journal/stream', '/__control/journal/stream'],
    ['/%5F%5fcontrol/health', '/__control/health'],
    ['/__control%2Fhealth', '/__control/health'],
    ['//__control///health', '/__control/health'],
    ['/x/../__control/./health', '/__control/health'],
    ['/%2e%2e/__page/examples', '/__page/examples'],
    ['\\__control\\reset', '/__control/reset'],
    ['/__control/health/?a=/b', '/__control/health/'],
    ['/leadconduit/..', '/'],
    ['/auth0/api/v2/organizations/%E2%82%AC', '/auth0/api/v2/organizations/%e2%82%ac'],
  ])('%s → %s', (raw, canonical) => expect(canonicalPath(raw)).toBe(canonical));

  it('calls / and /__* own, vendor paths not', () => {
    expect(['/', '/__control', '/__page/x', '/__specs/a.yaml', '/__anything'].every(isOwnPath)).toBe(true);
    expect(['/connections', '/api/v2/organizations', '/v1-beta/x', '/_x'].some(isOwnPath)).toBe(false);
  });
});

interface Raw {
  status: number;
  code?: string;
}

/** A request with a Host of our choosing and the target sent byte for byte. */
function raw(port: number, method: string, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: body ? { ...headers, 'Content-Type': 'application/json' } : headers,
      },
      (res) => {
        if (String(res.headers['content-type']).includes('event-stream')) {
          res.destroy();
          return resolve({ status: res.statusCode ?? 0 });
        }
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          let code: string | undefined;
          try {
            code = JSON.parse(text).error?.code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode ?? 0, code });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Route {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** The Express app's own routes, nested routers included. */
function appRoutes(app: Express): Route[] {
  const out: Route[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route)
        for (const method of Object.keys(layer.route.methods))
          out.push({ method: method.toUpperCase(), path: layer.route.path });
      if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

/** A concrete target for a route template: any value fits, the guard must refuse before routing. */
const fill = (path: string) =>
  path
    .replace(/:name/g, 'control')
    .replace(/\{api\}/g, 'auth0')
    .replace(/\{collection\}/g, 'organizations')
    .replace(/\{name\}/g, 'latency');

/** Every way of writing `path` that the canonical rule (and so some router) resolves to it. */
function spellings(path: string): string[] {
  const body = path.slice(1);
  return [
    path,
    path.toUpperCase(),
    path.replace(/[a-z]/, (c) => c.toUpperCase()),
    path.replace('_', '%5F'),
    path.replace(/_/g, '%5f'),
    path.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`),
    body.includes('/') ? `/${body.replace('/', '%2F')}` : `${path}%2F`,
    `/x/..${path}`,
    `/%2e%2e${path}`,
    `/.${path}`,
    `/${path}`,
    path.replace(/\//g, '//'),
    `${path}/`,
    `/${body.replace(/\//g, '\\')}`,
  ];
}

describe('the boundary over every own route', () => {
  let t: TestSim;
  let routes: Route[];
  beforeAll(async () => {
    t = await testSimulator();
    const control = specIndex('control');
    routes = [
      // The public type of `app` is the plain listener; the object is the Express app it routes with.
      ...appRoutes(t.sim.app as unknown as Parameters<typeof appRoutes>[0]),
      ...readdirSync(pageDir)
        .filter((f) => f.includes('.'))
        .map((f) => ({ method: 'GET', path: `/__page/assets/${f}` })),
      ...control.operations.map((op) => ({
        method: op.method.toUpperCase(),
        path: control.prefix + control.basePath + op.path,
      })),
    ].map((r) => ({ ...r, path: fill(r.path) }));
  });
  afterAll(() => t?.close());

  const observed = ['/__control/state', '/__control/scenarios', '/__control/sessions', '/__control/journal'];
  /** What a request that got through could have changed (hashed: a failure prints a line, not the world). */
  const observe = async () => {
    const [state, scenarios, sessions, journal] = await Promise.all(observed.map((path) => t.call({ path })));
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    // Only the observing calls themselves may have reached the journal.
    const foreign = (journal.body.entries as { url: string }[]).filter(
      (e) => !observed.some((p) => e.url.endsWith(p)),
    ).length;
    return { state: hash(state.text), scenarios: hash(scenarios.text), sessions: hash(sessions.text), foreign };
  };

  it('finds the routes of the app and of the control spec', () => {
    const paths = routes.map((r) => r.path);
    expect(paths).toContain('/__control/journal/stream');
    expect(paths).toContain('/__page/examples');
    expect(paths).toContain('/__specs/control.yaml');
    expect(paths).toContain('/__control/reset');
    expect(paths.some((p) => p.startsWith('/__page/assets/'))).toBe(true);
    expect(routes.length).toBeGreaterThan(20);
  });

  it('serves each route in its own spelling to a loopback Host (the enumeration is real)', async () => {
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const res = await raw(t.sim.port, r.method, r.path, {
        Host: `127.0.0.1:${t.sim.port}`,
        Accept: 'application/json',
      });
      expect(res.status, r.path).not.toBe(403);
      expect(res.status, r.path).not.toBe(404);
    }
  });

  it.each([
    [
      'a DNS-rebound Host',
      'foreign_host',
      (port: number): Record<string, string> => ({ Host: `evil.example:${port}` }),
    ],
    [
      'a foreign Origin',
      'foreign_origin',
      (port: number): Record<string, string> => ({ Host: `127.0.0.1:${port}`, Origin: 'https://evil.example' }),
    ],
  ])('refuses %s on every route in every spelling, and nothing changes', async (_what, code, headers) => {
    const before = await observe();
    let tried = 0;
    for (const r of routes)
      for (const target of spellings(r.path)) {
        const res = await raw(t.sim.port, r.method, target, { ...headers(t.sim.port), Accept: 'text/html' });
        expect({ method: r.method, target, status: res.status, code: res.code }).toEqual({
          method: r.method,
          target,
          status: 403,
          code,
        });
        tried++;
      }
    expect(tried).toBe(routes.length * spellings('/x').length);
    const after = await observe();
    expect(after).toEqual(before);
  });

  it('does not serve another spelling of an own route at all, even to loopback', async () => {
    const host = { Host: `127.0.0.1:${t.sim.port}` };
    expect((await raw(t.sim.port, 'GET', '/__CONTROL/health', host)).status).toBe(404);
    expect((await raw(t.sim.port, 'GET', '/__Page/examples', host)).status).toBe(404);
    expect((await raw(t.sim.port, 'GET', '/__control/journal/stream/', host)).status).toBe(404);
    expect((await raw(t.sim.port, 'GET', '/%5F_control/journal/stream', host)).status).toBe(404);
  });

  it.each([
    ['/__page/assets/APP.CSS', 404],
    ['/__page/assets/nothing-here.js', 404],
    ['/__page/assets/swagger/none.css', 404],
    ['/__specs/%ff.yaml', 400],
    ['/__specs/nope.yaml', 404],
    ['/__page/specs/%ff.json', 400],
  ])('answers %s what it cannot serve with %i, never 500', async (path, status) => {
    const res = await raw(t.sim.port, 'GET', path, { Host: `127.0.0.1:${t.sim.port}` });
    expect(res.status).toBe(status);
    expect(res.code).toBe(status === 404 ? 'not_found' : 'bad_request');
  });
});
