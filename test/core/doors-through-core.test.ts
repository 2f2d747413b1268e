// The page's own endpoints go through the core's public operations: sessions by the rule
// every request follows, the docs' credentials from the vendor modules' `docs` hook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/server/index.js';
import { isOwnPath } from '../../src/sim/own-paths.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, host: '127.0.0.1', logLevel: 'silent' });
});
afterAll(() => sim?.close());

const examples = (session?: string) =>
  fetch(`${sim.url}/__page/examples`, { headers: session === undefined ? {} : { 'X-Connkit-Session': session } });

describe('the page through the core', () => {
  it('refuses a session name the pipeline refuses, and makes none for it', async () => {
    const res = await examples('bad name!');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/X-Connkit-Session/);
    expect(sim.sessionNames()).not.toContain('bad name!');
  });

  it('shows the named session, and each served API signed in from its module', async () => {
    const res = await examples('page-view');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.session).toBe('page-view');
    expect(sim.sessionNames()).toContain('page-view');
    for (const api of body.apis) {
      expect(api.sign_in?.token, api.name).toMatch(/\S{8,}/);
      expect(typeof api.sign_in.scheme).toBe('string');
    }
    expect(body.apis.map((a: { name: string }) => a.name)).toEqual(sim.served.map((s) => s.name));
  });

  it("and the journal they read is the core's", async () => {
    const before = sim.journal.total;
    await fetch(`${sim.url}/leadconduit/connections`);
    expect(sim.journal.total).toBe(before + 1);
    expect(sim.journal.list(1)[0].url).toBe('/leadconduit/connections');
  });
});

describe("connkit's own paths", () => {
  it('are the index and everything under /__, never a vendor path', () => {
    expect(['/', '/__control/health', '/__page/assets/x.js', '/__specs/auth0.yaml'].every(isOwnPath)).toBe(true);
    expect(['/connections', '/api/v2/organizations', '/v1-beta', '/_x'].some(isOwnPath)).toBe(false);
    for (const index of sim.served) expect(isOwnPath(index.basePath || '/connections'), index.name).toBe(false);
  });
});
