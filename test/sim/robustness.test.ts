import { describe, expect, it } from 'vitest';
import { a0, lc, mca, wf } from '../helpers/fixtures.js';
import { freshSession, testSimulator, useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let fx: any;
useSimulator(
  (sim, fixtures) => {
    t = sim;
    fx = fixtures;
  },
  { journalSize: 5 },
);

const state = async (session: string) => (await t.call({ path: '/__control/state', session })).body;

/** A body-taking operation of each API, with its credentials and the status validation gives. */
const targets = () => [
  {
    api: 'leadconduit',
    path: '/leadconduit/connections/repair',
    headers: lc(fx).superuser,
    status: 400,
    envelope: (b: any) => typeof b.error === 'string',
  },
  {
    api: 'auth0',
    path: `/auth0/api/v2/organizations/${a0(fx).empty.id}/connections`,
    headers: a0(fx).full,
    status: 400,
    envelope: (b: any) => b.statusCode === 400 && b.errorCode === 'invalid_body',
  },
  {
    api: 'mycreditapp',
    path: '/mycreditapp/v1-beta/guest-invitations',
    headers: mca(fx).headers('host'),
    status: 422,
    envelope: (b: any) => Array.isArray(b.detail),
  },
  {
    api: 'wingfield',
    path: `/wingfield/api/v1/external-services/${wf(fx).service}/organization-relations/claim`,
    headers: wf(fx).write,
    status: 400,
    envelope: (b: any) => b.error?.type === 'invalid_schema',
  },
];

describe('bad input', () => {
  it.each(['{"connection_id": ', '[1,2', 'not json at all', '{"a":1}}'])(
    "malformed JSON %j gets each vendor's validation error",
    async (raw) => {
      for (const target of targets()) {
        const s = freshSession();
        const before = await state(s);
        const res = await t.call({ method: 'POST', path: target.path, headers: target.headers, raw, session: s });
        expect(res.status, `${target.api} ${res.text}`).toBe(target.status);
        expect(target.envelope(res.body), `${target.api} ${res.text}`).toBe(true);
        expect(await state(s)).toEqual(before);
      }
    },
  );

  it("a body over 1 MB gets the vendor's error, not a 500 or a 413 page", async () => {
    const raw = JSON.stringify({ connection_id: 'x'.repeat(1_100_000) });
    for (const target of targets()) {
      const res = await t.call({
        method: 'POST',
        path: target.path,
        headers: target.headers,
        raw,
        session: freshSession(),
      });
      expect(res.status, target.api).toBe(target.status);
      expect(target.envelope(res.body), `${target.api} ${res.text.slice(0, 200)}`).toBe(true);
    }
  });

  it('JSON that is not an object, __proto__ members and odd types are refused cleanly', async () => {
    for (const raw of [
      '"just a string"',
      '42',
      'null',
      '{"__proto__": {"polluted": true}, "connection_id": 1}',
      '{"constructor": {"prototype": {"x": 1}}}',
    ]) {
      for (const target of targets()) {
        const res = await t.call({
          method: 'POST',
          path: target.path,
          headers: target.headers,
          raw,
          session: freshSession(),
        });
        expect(res.status, `${target.api} ${raw} ${res.text}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${target.api} ${raw}`).toBeLessThan(500);
        expect(target.envelope(res.body), `${target.api} ${raw} ${res.text}`).toBe(true);
      }
    }
    expect(({} as any).polluted).toBeUndefined();
  });

  it('bad percent-encoding in a path and unknown routes answer in the vendor envelope', async () => {
    const bad = await t.call({ path: '/leadconduit/connections/%E0%A4%A', headers: lc(fx).user });
    expect(bad.status).toBe(400);
    expect(typeof bad.body.error).toBe('string');
    const unknown = await t.call({ path: '/auth0/api/v2/tenants/settings', headers: a0(fx).full });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const outside = await t.call({ path: '/nowhere' });
    expect(outside.status).toBe(404);
    expect(outside.body.apis).toContain('/leadconduit');
  });
});

describe('response validation (test mode)', () => {
  it('turns an answer that breaks the spec into a 500 naming the violation', async () => {
    const broken = await testSimulator();
    try {
      const mod = broken.sim.modules.get('leadconduit')!;
      const original = mod.handlers.syncAccountFromSso;
      mod.handlers.syncAccountFromSso = async (ctx) => {
        const reply: any = await original(ctx);
        delete reply.body.account.features;
        return reply;
      };
      const res = await broken.call({ method: 'POST', path: '/leadconduit/account_sso_sync', headers: lc(fx).user });
      expect(res.status).toBe(500);
      expect(res.body.connkit).toBe('response-violation');
      expect(res.body.violations.join(' ')).toMatch(/features/);
      expect(broken.sim.journal.list(1)[0].violations?.length).toBeGreaterThan(0);
      mod.handlers.syncAccountFromSso = original;
    } finally {
      await broken.close();
    }
  });
});

describe('serving', () => {
  it('sends permissive CORS headers, exposing the vendor headers', async () => {
    const res = await fetch(`${t.sim.url}/leadconduit/connections`, {
      headers: { Origin: 'http://localhost:3000', ...lc(fx).user },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/X-Connections-Degraded/);
    const preflight = await fetch(`${t.sim.url}/auth0/api/v2/organizations/x/connections`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PATCH' },
    });
    expect(preflight.status).toBe(204);
  });

  it('sends none with cors off', async () => {
    const quiet = await testSimulator({ cors: false });
    try {
      const res = await fetch(`${quiet.sim.url}/leadconduit/connections`, {
        headers: { Origin: 'http://localhost:3000' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await quiet.close();
    }
  });

  it('keeps the journal to its capacity, newest last', async () => {
    for (let i = 0; i < 8; i++) await t.call({ path: `/leadconduit/connections?i=${i}`, headers: lc(fx).user });
    const j = (await t.call({ path: '/__control/journal?limit=100' })).body;
    expect(j.capacity).toBe(5);
    expect(j.entries).toHaveLength(5);
    expect(j.total).toBeGreaterThanOrEqual(9);
    expect(j.entries.at(-1).url).toBe('/leadconduit/connections?i=7');
    expect(Math.abs(Date.parse(j.entries.at(-1).at) - Date.now())).toBeLessThan(60_000);
  });

  it('serves only the APIs asked for', async () => {
    const one = await testSimulator({ apis: ['wingfield'] });
    try {
      expect((await one.call({ path: '/leadconduit/connections' })).status).toBe(404);
      const fixtures = await one.fixtures();
      expect(Object.keys(fixtures)).toEqual(['wingfield']);
      expect(fixtures.wingfield.api).toBe('wingfield');
      const sso = await one.call({ method: 'POST', path: '/__control/leadconduit/sso-only-connections', body: {} });
      expect(sso.status).toBe(404);
    } finally {
      await one.close();
    }
  });
});
