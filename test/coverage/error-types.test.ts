import { describe, expect, it } from 'vitest';
import { vendorNames, type VendorName } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { coverageHtml, coverageTable } from '../../src/sim/coverage-format.js';
import { computeCoverage } from '../../src/sim/coverage.js';
import { createSimulator } from '../../src/sim/core.js';
import { documentedErrorTypes, envelopeMap } from '../../src/sim/error-types.js';
import { vendorModules } from '../../src/sim/vendors/index.js';

// Coverage lists, per API, which documented error types the requests met: the vendor module
// reads them off each error answer (errorTypes hook), the spec's x-connkit-error-types is the
// denominator, and a type the spec does not list shows as undocumented.

const sim = createSimulator({ seed: 3 });
const fx = (await sim.control.fixtures()).apis;
const basic = (key: string) => `Basic ${btoa(`API:${key}`)}`;
const send = (url: string, init: RequestInit = {}) => sim.handle(new Request(url, init));
const lc = fx.leadconduit.base_url;
const a0 = fx.auth0.base_url;
const mca = fx.mycreditapp.base_url;
const wf = fx.wingfield.base_url;
const guest = fx.mycreditapp.organizations.guest;
const orgHeaders = { 'Requester-Organization-ID': guest.id, 'Target-Organization-ID': guest.id };

await send(`${lc}/connections`);
await send(`${lc}/connections?relationship_type=cousin`, { headers: { Authorization: basic(fx.leadconduit.credentials.user) } });
await send(`${lc}/connections/${'f'.repeat(24)}`, { headers: { Authorization: basic(fx.leadconduit.credentials.user) } });
await send(`${a0}/organizations/${fx.auth0.organizations.main.id}/connections`, { headers: { Authorization: `Bearer ${fx.auth0.tokens.no_scope}` } });
await send(`${a0}/organizations/org_nope/connections`, { headers: { Authorization: `Bearer ${fx.auth0.tokens.full}` } });
await send(`${mca}/host-connections?limit=ten&offset=0`, { headers: { Authorization: `Bearer ${guest.access_token}`, ...orgHeaders } });
await send(`${mca}/host-connections?statuses=connected`, { headers: { Authorization: 'Bearer nope', ...orgHeaders } });
await send(`${wf}/external-services/${fx.wingfield.external_service_id}/organizations`);
await send(`${wf}/external-services/${fx.wingfield.external_service_id}/organizations?limit=-4`, { headers: { Authorization: `Bearer ${fx.wingfield.tokens.read}` } });

const report = sim.coverage();
const of = (api: VendorName) => {
  const found = report.apis.find((a) => a.api === api);
  if (!found) throw new Error(`no coverage of ${api}`);
  return found;
};
const met = (api: VendorName) => of(api).errorTypes.filter((t) => t.requests > 0).map((t) => `${t.type}×${t.requests}`);

describe('coverage: the documented error types the requests met', () => {
  it('reads each vendor’s own error type off its answers', () => {
    expect(met('leadconduit')).toEqual(['invalid_field×1', 'authentication_failed×1', 'connection_not_found×1']);
    expect(met('auth0')).toEqual(['insufficient_scope×1', 'inexistent_organization×1']);
    // One MyCreditApp answer carries a type per problem: the missing `statuses` and the bad `limit`.
    expect(met('mycreditapp')).toEqual(['missing×1', 'int_parsing×1', 'oauth×1']);
    expect(met('wingfield')).toEqual(['invalid_schema×1', 'missing_api_token×1']);
  });

  it('the spec is the denominator: every documented type listed, those never met at zero', () => {
    for (const api of vendorNames) {
      const documented = documentedErrorTypes(specIndex(api));
      expect(documented.length, api).toBeGreaterThan(0);
      expect(of(api).errorTypes.map((t) => t.type)).toEqual(documented);
      expect(of(api).totals.errorTypes).toEqual({ covered: met(api).length, of: documented.length });
      expect(of(api).undocumentedErrorTypes).toEqual([]);
    }
  });

  it('a type the spec does not list is shown as undocumented, not dropped', () => {
    const index = specIndex('leadconduit');
    const entry = (body: string) => ({
      seq: 1,
      at: '2026-01-01T00:00:00.000Z',
      session: 'default',
      method: 'GET',
      url: '/connections',
      status: 400,
      durationMs: 1,
      api: 'leadconduit',
      operationId: 'listConnections',
      response: { headers: {}, body },
    });
    const r = computeCoverage([entry('{"error":"the moon is made of cheese"}'), entry('not json')], [index], [], new Map(Object.entries(vendorModules)));
    expect(r.apis[0]?.undocumentedErrorTypes).toEqual(['unclassified']);
    expect(r.apis[0]?.totals.errorTypes.covered).toBe(0);
  });

  it('the table and the HTML report show them', () => {
    expect(coverageTable(report)).toMatch(/^auth0: .*error types 2\/\d+ /m);
    expect(coverageTable(report)).toMatch(/^ {2}error types met: missing×1 int_parsing×1 oauth×1 {2}never: .*maintenance/m);
    const html = coverageHtml(report);
    expect(html).toContain('<h3>Error types</h3>');
    expect(html).toContain('<li class="met">missing_api_token: 1</li>');
    expect(html).toContain('<li class="never">expired_connect_token: 0</li>');
  });

  it('GET /__control/coverage carries them too', async () => {
    const body: unknown = await (await send('http://127.0.0.1/__control/coverage')).json();
    expect(body).toMatchObject({ apis: expect.arrayContaining([expect.objectContaining({ api: 'wingfield', undocumentedErrorTypes: [] })]) });
    expect(JSON.stringify(body)).toContain('"type":"insufficient_scope","requests":1');
  });
});

describe('every error the simulator answers is of a documented type', () => {
  it('each operation of each API, called without credentials, with bad ones and with junk input', async () => {
    const probe = createSimulator({ seed: 5 });
    const bad: Record<VendorName, string> = {
      leadconduit: basic('nope'),
      auth0: 'Bearer nope',
      mycreditapp: 'Bearer nope',
      wingfield: 'Bearer tok_ext_v1_nope',
    };
    const good: Record<VendorName, string> = {
      leadconduit: basic(fx.leadconduit.credentials.user),
      auth0: `Bearer ${fx.auth0.tokens.read_only}`,
      mycreditapp: `Bearer ${guest.access_token}`,
      wingfield: `Bearer ${fx.wingfield.tokens.read}`,
    };
    for (const api of vendorNames) {
      for (const op of specIndex(api).operations) {
        const url = `${fx[api].base_url}${op.path.replace(/\{[^}]+\}/g, 'x')}?limit=-1&per_page=x`;
        for (const authorization of [undefined, bad[api], good[api]]) {
          const headers: Record<string, string> = { 'Content-Type': 'application/json', ...orgHeaders };
          if (authorization) headers.Authorization = authorization;
          const body = ['post', 'put', 'patch'].includes(op.method) ? '{"junk":' : undefined;
          await probe.handle(new Request(url, { method: op.method.toUpperCase(), headers, body }));
        }
      }
      await probe.handle(new Request(`${fx[api].base_url}/no/such/path`, { headers: { Authorization: good[api] } }));
      // A method the path does not have, and the server-error scenario on a real operation.
      const first = specIndex(api).operations[0];
      if (!first) throw new Error(`${api} has no operations`);
      const path = `${fx[api].base_url}${first.path.replace(/\{[^}]+\}/g, 'x')}`;
      await probe.handle(new Request(path, { method: first.method === 'patch' ? 'PUT' : 'PATCH', headers: { Authorization: good[api] } }));
      await probe.handle(new Request(path, { method: first.method.toUpperCase(), headers: { Authorization: good[api], Prefer: 'scenario=server-error' } }));
    }
    const r = probe.coverage();
    expect(r.apis.map((a) => [a.api, a.undocumentedErrorTypes])).toEqual(vendorNames.map((v) => [v, []]));
    for (const a of r.apis) expect(a.totals.errorTypes.covered, a.api).toBeGreaterThan(1);
  });
});

describe('the spec lists', () => {
  it('Wingfield: every error.type its Error* schemas give', () => {
    const schemas = Object.entries(specIndex('wingfield').doc.components ?? {});
    const text = JSON.stringify(schemas);
    const consts = [...text.matchAll(/"type":\{"(?:const":"([a-z_]+)"|enum":\[([^\]]+)\])/g)].flatMap((m) =>
      m[1] ? [m[1]] : (m[2] ?? '').split(',').map((s) => s.replaceAll('"', '')),
    );
    expect(consts.length).toBeGreaterThan(10);
    expect(documentedErrorTypes(specIndex('wingfield'))).toEqual(expect.arrayContaining(consts));
  });

  it('Auth0: every errorCode its examples show', () => {
    const codes = [...JSON.stringify(specIndex('auth0').doc).matchAll(/"errorCode":"([a-z_]+)"/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    expect(documentedErrorTypes(specIndex('auth0'))).toEqual(expect.arrayContaining(codes));
  });

  it('LeadConduit: one sentence class per listed type, and every example sentence in one of them', () => {
    const index = specIndex('leadconduit');
    const classes = envelopeMap(index, 'x-connkit-error-sentences');
    expect(classes.map(([name]) => name)).toEqual(documentedErrorTypes(index));
    const sentences = [...JSON.stringify(index.doc.components).matchAll(/"value":\{"error":"([^"]+)"\}/g)].map((m) => m[1] ?? '');
    expect(sentences.length).toBeGreaterThan(5);
    for (const s of sentences) expect(vendorModules.leadconduit.errorTypes?.({ error: s }), s).not.toEqual(['unclassified']);
  });
});
