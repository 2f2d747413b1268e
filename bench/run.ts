// npm run bench: the simulator beside Prism (static and dynamic mocks of the same spec) and a
// bare node:http server answering the same bytes, measured in one run on this machine, printed
// as ratios; then cold start, scale and verify run times. Writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { freePort, load, prismBin, root, simArgs, startProcess, timed, type Load } from './harness.js';

const quick = process.argv.includes('--quick');
const duration = quick ? 2 : 5;
const mcaSizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
const auth0Size = quick ? 10_000 : 100_000;
const basic = (key: string) => `Basic ${Buffer.from(`API:${key}`).toString('base64')}`;
const log = (...a: unknown[]) => console.log(...a);
const results: Record<string, any> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, quick };

log('building…');
if (spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' }).status !== 0) throw new Error('npm run build failed');

// ── throughput: simulator vs Prism static / dynamic vs bare node:http ───────────────────────
const simPort = await freePort();
const sim = await startProcess('node', simArgs(simPort), simPort, { path: '/__control/health' });
const fx = (await (await fetch(`${sim.url}/__control/fixtures`)).json()).apis;
const guest = fx.mycreditapp.organizations.guest;
const mcaHeaders = { authorization: `Bearer ${guest.access_token}`, 'requester-organization-id': guest.id, 'target-organization-id': guest.id };

interface Endpoint {
  api: string;
  label: string;
  prefix: string;
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: (i: number) => string;
}
const endpoints: Endpoint[] = [
  { api: 'leadconduit', label: 'LeadConduit GET /connections (20)', prefix: '/leadconduit', path: '/connections', method: 'GET', headers: { authorization: basic(fx.leadconduit.credentials.user) } },
  { api: 'auth0', label: 'Auth0 GET …/connections?include_totals=true', prefix: '/auth0/api/v2', path: `/organizations/${fx.auth0.organizations.main.id}/connections?include_totals=true`, method: 'GET', headers: { authorization: `Bearer ${fx.auth0.tokens.full}` } },
  { api: 'mycreditapp', label: 'MyCreditApp GET /host-connections (filtered, sorted, limit 50)', prefix: '/mycreditapp/v1-beta', path: '/host-connections?statuses=connected&statuses=disconnected&archived=false&order_by=created_at&order_dir=desc&limit=50&offset=0', method: 'GET', headers: mcaHeaders },
];

// Wingfield claims each need a fresh connect token: made beforehand through the control API.
const claims = quick ? 3000 : 15000;
const tokens: string[] = [];
log(`minting ${claims} connect tokens…`);
for (let i = 0; i < claims; i += 50)
  tokens.push(
    ...(await Promise.all(
      Array.from({ length: 50 }, async () => (await (await fetch(`${sim.url}/__control/wingfield/connect-tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"state":"open"}' })).json()).connectToken),
    )),
  );
const claimPath = `/external-services/${fx.wingfield.external_service_id}/organization-relations/claim`;
endpoints.push({
  api: 'wingfield',
  label: 'Wingfield POST …/claim (fresh token each)',
  prefix: '/wingfield/api/v1',
  path: claimPath,
  method: 'POST',
  headers: { authorization: `Bearer ${fx.wingfield.tokens.write}`, 'content-type': 'application/json' },
  body: (i) => JSON.stringify({ connectToken: tokens[i % tokens.length], externalOrganizationId: `bench-${i}` }),
});

const run = (base: string, e: Endpoint, perRequestBody: boolean): Promise<Load> => {
  let i = 0;
  return load({
    url: base + e.path,
    method: e.method,
    headers: e.headers,
    ...(perRequestBody ? { amount: claims } : { duration }),
    ...(e.body ? { requests: [{ setupRequest: (req: any) => ({ ...req, body: e.body!(i++) }) }] } : { body: undefined }),
  });
};

results.throughput = {};
for (const e of endpoints) {
  log(`\n${e.label}`);
  const row: Record<string, any> = {};
  if (!e.body) await load({ url: sim.url + e.prefix + e.path, headers: e.headers, duration: 1 }); // warm-up, discarded
  row.simulator = await run(sim.url + e.prefix, e, Boolean(e.body));
  // The bare server answers what the simulator answers to one more such request (a claim with
  // a token of its own).
  const extra = e.body ? (await (await fetch(`${sim.url}/__control/wingfield/connect-tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"state":"open"}' })).json()).connectToken : undefined;
  const sample = await fetch(sim.url + e.prefix + e.path, { method: e.method, headers: e.headers, body: extra && JSON.stringify({ connectToken: extra, externalOrganizationId: 'bench-sample' }) });
  const bytes = Buffer.from(await sample.arrayBuffer());
  row.responseBytes = bytes.length;
  for (const [mode, flags] of [['prismStatic', []], ['prismDynamic', ['-d']]] as const) {
    const port = await freePort();
    const prism = await startProcess(prismBin, ['mock', join(root, 'specs', `${e.api}.yaml`), '--host', '127.0.0.1', '--port', String(port), ...flags], port, { line: 'Prism is listening' });
    await load({ url: prism.url + e.path, method: e.method, headers: e.headers, duration: 1 }); // warm-up, discarded
    row[mode] = await run(prism.url, e, false);
    await prism.stop();
  }
  const barePort = await freePort();
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(sample.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length }).end(bytes));
  });
  await new Promise<void>((r) => bare.listen(barePort, '127.0.0.1', r));
  await load({ url: `http://127.0.0.1:${barePort}${e.path}`, method: e.method, duration: 1 }); // warm-up, discarded
  row.bare = await run(`http://127.0.0.1:${barePort}`, { ...e, body: undefined }, false);
  await new Promise((r) => bare.close(r));
  row.ratios = {
    simulatorOverPrismStatic: +(row.simulator.rps / row.prismStatic.rps).toFixed(2),
    simulatorOverPrismDynamic: +(row.simulator.rps / row.prismDynamic.rps).toFixed(2),
    simulatorOverBare: +(row.simulator.rps / row.bare.rps).toFixed(3),
  };
  for (const k of ['simulator', 'prismStatic', 'prismDynamic', 'bare']) log(`  ${k.padEnd(13)} ${String(row[k].rps).padStart(7)} req/s  p50 ${row[k].p50} ms  p99 ${row[k].p99} ms  non-2xx ${row[k].non2xx}  errors ${row[k].errors}`);
  log(`  ratios: ×${row.ratios.simulatorOverPrismStatic} Prism static, ×${row.ratios.simulatorOverPrismDynamic} Prism dynamic, ${(row.ratios.simulatorOverBare * 100).toFixed(1)}% of bare`);
  results.throughput[e.api] = row;
}

// ── verify run time per API against the simulator ───────────────────────────────────────────
const { verify } = await import('../conformance/verify.js');
results.verify = {};
log('\nconnkit verify against the simulator');
for (const e of endpoints) {
  const r = await verify({ api: e.api, target: sim.url + e.prefix, control: `${sim.url}/__control`, progress: null, reporters: [] });
  results.verify[e.api] = { ms: r.report!.durationMs, requests: r.report!.requests, passed: r.report!.totals.passed, failed: r.report!.totals.failed };
  log(`  ${e.api.padEnd(12)} ${r.report!.durationMs} ms, ${r.report!.requests} requests, ${r.report!.totals.passed} passed, ${r.report!.totals.failed} failed`);
}
await sim.stop();

// ── cold start to first 200 ─────────────────────────────────────────────────────────────────
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const simStarts: number[] = [];
for (let i = 0; i < 5; i++) {
  const port = await freePort();
  const p = await startProcess('node', simArgs(port), port, { path: '/leadconduit/connections', headers: endpoints[0].headers });
  simStarts.push(Math.round(p.startMs));
  await p.stop();
}
const prismStarts: number[] = [];
for (let i = 0; i < 3; i++) {
  const port = await freePort();
  const p = await startProcess(prismBin, ['mock', join(root, 'specs', 'leadconduit.yaml'), '--host', '127.0.0.1', '--port', String(port)], port, { path: '/connections', headers: endpoints[0].headers });
  prismStarts.push(Math.round(p.startMs));
  await p.stop();
}
results.coldStart = { simulatorAllApisMs: median(simStarts), simulatorRuns: simStarts, prismOneSpecMs: median(prismStarts), prismRuns: prismStarts };
log(`\ncold start to first 200: simulator (4 APIs) ${median(simStarts)} ms, Prism (1 spec) ${median(prismStarts)} ms`);

// ── scale ───────────────────────────────────────────────────────────────────────────────────
results.scale = { mycreditapp: {}, auth0: {} };
// RSS per record is counted above a simulator of the same API at the default size.
const baseRss = async (api: string) => {
  const port = await freePort();
  const p = await startProcess('node', simArgs(port, ['--api', api]), port, { path: '/__control/health' });
  await fetch(`${p.url}/__control/fixtures`).then((r) => r.arrayBuffer());
  const rss = p.rss();
  await p.stop();
  return rss;
};
const mcaBase = await baseRss('mycreditapp');
const auth0Base = await baseRss('auth0');
log('\nscale (p50 / p99 ms over sequential requests)');
for (const n of mcaSizes) {
  const port = await freePort();
  const p = await startProcess('node', ['--max-old-space-size=12000', ...simArgs(port, ['--api', 'mycreditapp', '--size', `mycreditapp=${n}`])], port, { path: '/__control/health' });
  const buildStart = performance.now();
  const f = (await (await fetch(`${p.url}/__control/fixtures`)).json()).apis.mycreditapp;
  const buildMs = Math.round(performance.now() - buildStart);
  const g = f.organizations.guest;
  const h = { authorization: `Bearer ${g.access_token}`, 'requester-organization-id': g.id, 'target-organization-id': g.id };
  const base = `${p.url}/mycreditapp/v1-beta/host-connections?statuses=connected`;
  const first = await (await fetch(`${base}&limit=50&offset=0`, { headers: h })).json();
  const needle = encodeURIComponent(first.items[7].host_name.slice(2, 6));
  // Each request differs (limit 50..99): a repeated URL would be served from the answer cache.
  const cases: Record<string, (i: number) => string> = {
    firstPage: (i) => `${base}&limit=${50 + (i % 50)}&offset=0`,
    deepPage: (i) => `${base}&limit=${50 + (i % 50)}&offset=${Math.floor(first.total_items * 0.9)}`,
    search: (i) => `${base}&search_text=${needle}&limit=${50 + (i % 50)}&offset=0`,
    sort: (i) => `${base}&order_by=created_at&order_dir=desc&limit=${50 + (i % 50)}&offset=0`,
  };
  const row: Record<string, any> = { connections: n * 2, fixturesMs: buildMs };
  for (const [name, url] of Object.entries(cases)) {
    await timed(url, h, 3);
    row[name] = await timed(url, h, name === 'firstPage' || name === 'sort' ? 500 : 50);
  }
  row.startIncludingFixturesMs = Math.round(p.startMs);
  row.rssBytes = p.rss();
  row.rssBytesPerConnection = Math.round((row.rssBytes - mcaBase) / (n * 2));
  results.scale.mycreditapp[n] = row;
  log(`  MyCreditApp ${n} per side (${n * 2} connections): first ${row.firstPage.p50}/${row.firstPage.p99}, deep ${row.deepPage.p50}/${row.deepPage.p99}, search ${row.search.p50}/${row.search.p99}, sort ${row.sort.p50}/${row.sort.p99}; ${row.rssBytesPerConnection} B RSS per connection; up in ${row.startIncludingFixturesMs} ms with its fixtures`);
  await p.stop();
}
{
  const port = await freePort();
  const p = await startProcess('node', ['--max-old-space-size=12000', ...simArgs(port, ['--api', 'auth0', '--size', `auth0=${auth0Size}`])], port, { path: '/__control/health' });
  const f = (await (await fetch(`${p.url}/__control/fixtures`)).json()).apis.auth0;
  const h = { authorization: `Bearer ${f.tokens.full}` };
  const base = `${p.url}/auth0/api/v2/organizations/${f.organizations.main.id}/connections?include_totals=true`;
  const row: Record<string, any> = { links: auth0Size };
  const pages = auth0Size / 100;
  for (const [name, url] of Object.entries({
    firstPage: (i: number) => `${base}&per_page=${50 + (i % 50)}&page=0`,
    deepPage: (i: number) => `${base}&per_page=${50 + (i % 50)}&page=${Math.floor(pages * 0.9)}`,
    filter: (i: number) => `${base}&is_enabled=false&per_page=${50 + (i % 50)}&page=3`,
  })) {
    await timed(url, h, 3);
    row[name] = await timed(url, h, 300);
  }
  row.rssBytesPerLink = Math.round((p.rss() - auth0Base) / auth0Size);
  results.scale.auth0[auth0Size] = row;
  log(`  Auth0 ${auth0Size} links: first ${row.firstPage.p50}/${row.firstPage.p99}, deep ${row.deepPage.p50}/${row.deepPage.p99}, is_enabled filter ${row.filter.p50}/${row.filter.p99}; ${row.rssBytesPerLink} B RSS per link`);
  await p.stop();
}

// ── targets ─────────────────────────────────────────────────────────────────────────────────
const lists = ['leadconduit', 'auth0', 'mycreditapp'];
const biggest = results.scale.mycreditapp[mcaSizes[mcaSizes.length - 1]];
results.targets = [
  { target: 'simulator ≥ 5× Prism static on the list endpoints', met: lists.every((a) => results.throughput[a].ratios.simulatorOverPrismStatic >= 5), values: lists.map((a) => results.throughput[a].ratios.simulatorOverPrismStatic) },
  { target: 'simulator ≥ 50× Prism dynamic on the list endpoints', met: lists.every((a) => results.throughput[a].ratios.simulatorOverPrismDynamic >= 50), values: lists.map((a) => results.throughput[a].ratios.simulatorOverPrismDynamic) },
  { target: '≥ 25% of bare node:http on LeadConduit GET /connections', met: results.throughput.leadconduit.ratios.simulatorOverBare >= 0.25, values: [results.throughput.leadconduit.ratios.simulatorOverBare] },
  { target: `first page over ${mcaSizes[mcaSizes.length - 1]} MyCreditApp connections ≤ 5 ms p50`, met: biggest.firstPage.p50 <= 5, values: [biggest.firstPage.p50] },
  { target: 'cold start ≤ 300 ms', met: results.coldStart.simulatorAllApisMs <= 300, values: [results.coldStart.simulatorAllApisMs] },
];
log('\ntargets');
for (const t of results.targets) log(`  ${t.met ? '✓' : '✗'} ${t.target}: ${t.values.join(', ')}`);
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2));
log('\nwrote bench/results.json');
