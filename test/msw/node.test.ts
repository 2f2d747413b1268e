// The MSW door in Node: fetch to the vendors' real hosts, answered by a stateful simulator
// in this process, through `setupServer`.
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createClient } from '../../src/client/index.js';
import { handlers, vendorBaseUrls } from '../../src/msw/index.js';
import { vendorPatterns } from '../../src/msw/hosts.js';
import { specPath } from '../../src/paths.js';
import { vendorNames } from '../../src/contract/names.js';
import { createSimulator } from '../../src/sim/core.js';

const sim = createSimulator({ validateResponses: true });
const server = setupServer(
  ...handlers(sim, {
    tenantDomain: 'login.acme.test',
    baseUrls: { wingfield: 'https://gateway.acme.test/partners/wingfield' },
  }),
);
let fx: Awaited<ReturnType<typeof sim.control.fixtures>>['apis'];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  fx = (await sim.control.fixtures()).apis;
});
afterAll(() => server.close());

const basic = (key: string) => ({ Authorization: `Basic ${btoa(`API:${key}`)}` });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const json = { 'Content-Type': 'application/json' };

describe('MSW handlers in Node (setupServer)', () => {
  it('LeadConduit at app.leadconduit.com: a repair turns an sso_only connection completed', async () => {
    const lc = fx.leadconduit;
    const list = async () =>
      (await fetch('https://app.leadconduit.com/connections', { headers: basic(lc.credentials.user) })).json();
    const id = lc.connections.sso_only[0];
    expect((await list()).find((c: any) => c.id === id).status).toBe('sso_only');
    const repaired = await fetch('https://app.leadconduit.com/connections/repair', {
      method: 'POST',
      headers: { ...basic(lc.credentials.superuser), ...json },
      body: JSON.stringify({ connection_id: id }),
    });
    expect(repaired.status).toBe(201);
    expect((await list()).find((c: any) => c.id === id).status).toBe('completed');
  });

  it("Auth0 at the tenant's *.auth0.com host and at a custom domain: an added link is listed", async () => {
    const a0 = fx.auth0;
    const org = a0.organizations.empty.id;
    const cid = a0.unlinked_connection_ids[0];
    const ids = async (host: string) =>
      (
        await (
          await fetch(`https://${host}/api/v2/organizations/${org}/connections`, { headers: bearer(a0.tokens.full) })
        ).json()
      ).map((l: any) => l.connection_id);
    expect(await ids('connkit.auth0.com')).not.toContain(cid);
    const added = await fetch(`https://connkit.eu.auth0.com/api/v2/organizations/${org}/connections`, {
      method: 'POST',
      headers: { ...bearer(a0.tokens.full), ...json },
      body: JSON.stringify({ connection_id: cid }),
    });
    expect(added.status).toBe(201);
    expect(await ids('login.acme.test')).toContain(cid);
  });

  it('MyCreditApp at api.mycreditapp.ai with the typed client: an invitation connects once', async () => {
    const m = fx.mycreditapp;
    const invitee = m.organizations.invitee;
    const mca = createClient('mycreditapp', {
      baseUrl: 'https://api.mycreditapp.ai/v1-beta',
      token: invitee.access_token,
    });
    const header = { 'Requester-Organization-ID': invitee.id, 'Target-Organization-ID': invitee.id };
    const body = { host_organization_id: m.organizations.host.id, invitation_token: m.invitations.sent[0] };
    const first = await mca.POST('/host-connections', { params: { header }, body });
    expect(first.response.status).toBe(200);
    expect(first.data).toMatchObject({ guest_organization_id: invitee.id, status: 'connected' });
    const second = await mca.POST('/host-connections', { params: { header }, body });
    expect(second.response.status).toBe(409);
  });

  it('Wingfield at dev.wingfield.systems, and below a base URL the user passes: a token claims once', async () => {
    const w = fx.wingfield;
    const claim = (base: string) =>
      fetch(`${base}/external-services/${w.external_service_id}/organization-relations/claim`, {
        method: 'POST',
        headers: { ...bearer(w.tokens.write), ...json },
        body: JSON.stringify({ connectToken: w.connect_tokens.open[0], externalOrganizationId: 'ext-msw-1' }),
      });
    expect((await claim('https://dev.wingfield.systems/api/v1')).status).toBe(200);
    const again = await claim('https://gateway.acme.test/partners/wingfield');
    expect(again.status).toBe(409);
    expect((await again.json()).error.type).toBe('connect_token_unusable');
  });

  it('a scenario switched through sim.control: sso-outage degrades the LeadConduit list, and off again', async () => {
    const headers = basic(fx.leadconduit.credentials.user);
    await sim.control.scenarios.enable('sso-outage');
    try {
      const degraded = await fetch('https://app.leadconduit.com/connections', { headers });
      expect(degraded.status).toBe(200);
      expect(degraded.headers.get('X-Connections-Degraded')).toBe('true');
    } finally {
      await sim.control.scenarios.disable('sso-outage');
    }
    const normal = await fetch('https://app.leadconduit.com/connections', { headers });
    expect(normal.headers.get('X-Connections-Degraded')).toBeNull();
  });

  it("the journal holds the calls: the vendor-true path as sent, a user base URL rebased on the API's", async () => {
    const { entries } = await sim.control.journal.list({ limit: 1000 });
    const claims = entries
      .filter((e) => e.url.includes('/organization-relations/claim'))
      .map((e) => [new URL(e.url, 'http://x').pathname.split('/external-services/')[0], e.status]);
    expect(claims).toEqual(
      expect.arrayContaining([
        ['/api/v1', 200],
        ['/wingfield/api/v1', 409],
      ]),
    );
  });
});

describe('the hosts the handlers answer for', () => {
  it("are the specs' servers", () => {
    for (const v of vendorNames)
      expect(vendorBaseUrls[v], v).toBe(parse(readFileSync(specPath(v), 'utf8')).servers[0].url);
  });

  it("match the vendor's base URL and below it, not look-alike hosts or paths", () => {
    const hit = (v: (typeof vendorNames)[number], url: string) =>
      vendorPatterns(v, 'login.acme.test').some((p) => p.test(url));
    expect(hit('leadconduit', 'https://app.leadconduit.com/connections')).toBe(true);
    expect(hit('leadconduit', 'https://app.leadconduit.com.evil.test/connections')).toBe(false);
    expect(hit('auth0', 'https://acme.us.auth0.com/api/v2/organizations/o/connections')).toBe(true);
    expect(hit('auth0', 'https://login.acme.test/api/v2/organizations')).toBe(true);
    expect(hit('auth0', 'https://acme.auth0.com/api/v1/organizations')).toBe(false);
    expect(hit('auth0', 'https://auth0.com.evil.test/api/v2/x')).toBe(false);
    expect(hit('mycreditapp', 'https://api.mycreditapp.ai/v1-beta')).toBe(true);
    expect(hit('mycreditapp', 'https://api.mycreditapp.ai/v1-betamax/x')).toBe(false);
    expect(hit('wingfield', 'http://dev.wingfield.systems/api/v1/x')).toBe(false);
  });
});
