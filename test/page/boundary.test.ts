// The control API and the page belong to this machine's user: a page of another origin, a
// DNS-rebound name, or a foreign Origin header gets nothing done; the vendor APIs stay open
// to frontend apps (permissive CORS).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundary } from '../../src/server/boundary.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';
import { contentSecurityPolicy } from '../../src/server/frame-policy.js';
import { buildPage, hasChromium, openBrowser, type Opened } from './browser.js';

/** A request with headers fetch will not let one set (Host). */
function raw(
  url: string,
  init: { method?: string; headers: Record<string, string> },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the control boundary', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await testSimulator();
  });
  afterAll(() => t?.close());

  const state = async () => (await t.call({ path: '/__control/state' })).text;

  it('refuses a foreign Origin on /__control with 403, no CORS, and changes nothing', async () => {
    const before = await state();
    const res = await fetch(`${t.sim.url}/__control/reset`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: '{"seed":7}',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await res.json()).error.code).toBe('foreign_origin');
    const preflight = await fetch(`${t.sim.url}/__control/state`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(await state()).toBe(before);
  });

  it('sends no permissive CORS on the control API even to its own callers', async () => {
    const res = await fetch(`${t.sim.url}/__control/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a Host that is not a loopback name (DNS rebinding)', async () => {
    for (const path of ['/__control/health', '/__control/journal/stream', '/']) {
      const res = await raw(`${t.sim.url}${path}`, {
        headers: { Host: `evil.example:${t.sim.port}`, Accept: 'text/html' },
      });
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('foreign_host');
    }
    for (const host of [
      `localhost:${t.sim.port}`,
      `127.0.0.1:${t.sim.port}`,
      `127.1.2.3:${t.sim.port}`,
      `[::1]:${t.sim.port}`,
    ]) {
      expect((await raw(`${t.sim.url}/__control/health`, { headers: { Host: host } })).status, host).toBe(200);
    }
  });

  it('keeps permissive CORS on the vendor APIs for any origin', async () => {
    const res = await fetch(`${t.sim.url}/leadconduit/connections`, { headers: { Origin: 'https://app.example' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${t.sim.url}/auth0/api/v2/organizations/org_x/enabled_connections`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lets a caller with the --control-token through from a name that is not loopback', async () => {
    const remote = await testSimulator({ controlToken: 'sesame' });
    try {
      const headers = { Host: `mock.internal:${remote.sim.port}` };
      expect((await raw(`${remote.sim.url}/__control/health`, { headers })).status).toBe(403);
      expect(
        (
          await raw(`${remote.sim.url}/__control/health`, {
            headers: { ...headers, 'X-Connkit-Control-Token': 'sesame' },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await raw(`${remote.sim.url}/__control/health`, {
            headers: { ...headers, 'X-Connkit-Control-Token': 'wrong' },
          })
        ).status,
      ).toBe(403);
    } finally {
      await remote.close();
    }
  });

  it('answers the configured --host name as well as loopback names', async () => {
    const app = express().use(boundary({ host: 'mock.lan' }), (_req, res) => void res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__control/health`;
    try {
      expect((await raw(url, { headers: { Host: 'mock.lan:4010' } })).status).toBe(200);
      expect((await raw(url, { headers: { Host: 'other.lan:4010' } })).status).toBe(403);
      expect((await raw(url, { headers: { Host: 'localhost:4010' } })).status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  describe.runIf(hasChromium)('a page of another origin in the browser', () => {
    let b: Opened;
    let other: Server;
    let otherUrl: string;
    beforeAll(async () => {
      other = createServer((_req, res) =>
        res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end('<!doctype html><title>elsewhere</title><p>another site</p>'),
      );
      await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
      otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      b = await openBrowser();
    });
    afterAll(async () => {
      await b?.browser.close();
      await new Promise((r) => other?.close(r));
    });

    it('cannot reset or import a state, and the state stays byte-identical', async () => {
      // A state a reset would change: one Auth0 link removed.
      const a0 = (await t.fixtures()).auth0;
      const removed = await fetch(
        `${t.sim.url}/auth0/api/v2/organizations/${a0.organizations.main.id}/enabled_connections/${a0.organizations.main.connection_ids[0]}`,
        {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${a0.tokens.full}` },
        },
      );
      expect(removed.status).toBe(204);
      const before = await state();
      const snapshot = JSON.parse(before);
      snapshot.seed = 7;
      snapshot.apis = {};
      await b.page.goto(`${otherUrl}/`);
      const outcome = await b.page.evaluate(
        async ({ target, body }) => {
          const attempt = async (url: string, init: RequestInit) => {
            try {
              const r = await fetch(url, init);
              return `answered ${r.status} (${r.type})`;
            } catch (e) {
              return `refused: ${(e as Error).name}`;
            }
          };
          return {
            reset: await attempt(`${target}/__control/reset`, { method: 'POST' }),
            resetNoCors: await attempt(`${target}/__control/reset`, { method: 'POST', mode: 'no-cors' }),
            importState: await attempt(`${target}/__control/state`, {
              method: 'PUT',
              headers: { 'Content-Type': 'application/json' },
              body,
            }),
            importNoCors: await attempt(`${target}/__control/state`, { method: 'PUT', mode: 'no-cors', body }),
            read: await attempt(`${target}/__control/fixtures`, {}),
          };
        },
        { target: t.sim.url.replace('localhost', '127.0.0.1'), body: JSON.stringify(snapshot) },
      );
      expect(outcome.reset).toBe('refused: TypeError');
      expect(outcome.importState).toBe('refused: TypeError');
      expect(outcome.read).toBe('refused: TypeError');
      // An opaque answer is all a no-cors request gets; what matters is that nothing changed.
      expect(outcome.resetNoCors).toMatch(/refused|answered 0 \(opaque\)/);
      expect(await state()).toBe(before);
    });
  });

  describe.runIf(hasChromium)('the frame policy and the content security policy', () => {
    let b: Opened;
    let framer: Server;
    let framerUrl: string;
    beforeAll(async () => {
      buildPage();
      framer = createServer((_req, res) =>
        res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end(
            `<!doctype html><title>framer</title><iframe id="f" src="${t.sim.url}/#scenarios" width="1200" height="800"></iframe>`,
          ),
      );
      await new Promise<void>((r) => framer.listen(0, '127.0.0.1', r));
      framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
      b = await openBrowser();
      // Every violation the page would cause, as the browser reports it.
      await b.context.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { cspViolations: seen });
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
    });
    afterAll(async () => {
      await b?.browser.close();
      await new Promise((r) => framer?.close(r));
    });

    const violations = () => b.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

    it('sends X-Frame-Options DENY and a CSP with frame-ancestors none on the page and the control API', async () => {
      for (const path of ['/', '/__page/assets/app.js', '/__control/health', '/__specs/control.yaml']) {
        const res = await fetch(`${t.sim.url}${path}`, { headers: { Accept: 'text/html' } });
        expect(res.headers.get('x-frame-options'), path).toBe('DENY');
        expect(res.headers.get('content-security-policy'), path).toBe(contentSecurityPolicy);
      }
      expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
      // The vendor APIs are not the page: their answers carry no page policy.
      expect((await fetch(`${t.sim.url}/leadconduit/connections`)).headers.get('x-frame-options')).toBeNull();
    });

    it('runs the page and Swagger UI under that policy with no violation', async () => {
      await b.page.goto(`${t.sim.url}/`);
      await b.page.getByTestId('api-leadconduit').waitFor();
      await b.page.goto(`${t.sim.url}/#docs`);
      for (const spec of ['leadconduit', 'control']) {
        await b.page.getByTestId(`docs-${spec}`).click();
        await b.page.locator('.swagger .opblock').first().waitFor({ timeout: 30_000 });
        const block = b.page.locator('.opblock.opblock-get').first();
        await block.locator('.opblock-summary').click();
        await block.locator('.execute').click();
        await block.locator('.live-responses-table tbody .response-col_status').first().waitFor();
      }
      await b.page.goto(`${t.sim.url}/#journal`);
      await b.page.waitForTimeout(200);
      expect(await violations()).toEqual([]);
      expect(b.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    });

    it('shows a foreign page a blocked frame that cannot switch anything on', async () => {
      const before = (await t.call({ path: '/__control/scenarios' })).body.active;
      const page = await b.context.newPage();
      await page.goto(framerUrl);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      if (!frame) throw new Error('no frame');
      await frame.waitForLoadState();
      // Blocked: the frame shows the browser's error page, never the dashboard's switches.
      expect(await frame.locator('[data-testid="switch-sso-outage"]').count()).toBe(0);
      expect(await frame.evaluate(() => document.querySelector('#app'))).toBeNull();
      // A click where the switch would be reaches nothing.
      await page.mouse.click(300, 300);
      await page.mouse.click(600, 200);
      expect((await t.call({ path: '/__control/scenarios' })).body.active).toEqual(before);
      await page.close();
    });
  });
});
