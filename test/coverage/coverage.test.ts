import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { computeCoverage } from '../../src/sim/coverage.js';
import { createSimulator } from '../../src/sim/core.js';
import { scenarioCatalog } from '../../src/sim/vendors/index.js';
import { specIndex } from '../../src/contract/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'connkit-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sim = createSimulator({ apis: ['leadconduit'], sizes: { leadconduit: 1 } });
const lc = (await sim.control.fixtures()).apis.leadconduit;
if (!lc) throw new Error('leadconduit fixtures expected');
const auth = { Authorization: `Basic ${btoa(`API:${lc.credentials.user}`)}` };
const get = (path: string, headers: Record<string, string> = {}) => sim.handle(new Request(`http://127.0.0.1/leadconduit${path}`, { headers }));

await get('/connections', auth);
await get('/connections', auth);
await get('/connections');
await get('/connections', { ...auth, Prefer: 'scenario=server-error' });

const report = sim.coverage();
const leadconduit = report.apis.find((a) => a.api === 'leadconduit');
const list = leadconduit?.operations.find((o) => o.operationId === 'listConnections');

function connkit(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'src', 'cli.ts'), ...args], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('sim.coverage(): what the requests reached, the spec as denominator', () => {
  it('counts each documented status an operation answered, and leaves the rest at zero', () => {
    expect(report.requests).toBeGreaterThanOrEqual(4);
    expect(list?.requests).toBe(4);
    const byStatus = Object.fromEntries(list?.statuses.map((s) => [s.status, s.requests]) ?? []);
    expect(byStatus).toMatchObject({ '200': 2, '401': 1, '500': 1 });
    // Every documented status is listed, the ones never met with 0.
    const documented = [...(specIndex('leadconduit').operations.find((o) => o.id === 'listConnections')?.responses.keys() ?? [])];
    expect(list?.statuses.map((s) => s.status)).toEqual(documented);
    expect(list?.undocumented).toEqual([]);
  });

  it('totals: operations, statuses and scenarios over the spec and the catalog', () => {
    const ops = specIndex('leadconduit').operations;
    expect(leadconduit?.totals.operations).toEqual({ covered: 1, of: ops.length });
    expect(leadconduit?.totals.statuses.of).toBe(ops.reduce((n, o) => n + o.responses.size, 0));
    expect(leadconduit?.totals.statuses.covered).toBe(3);
    const applicable = scenarioCatalog.list.filter((s) => s.apis.includes('leadconduit')).map((s) => s.name);
    expect(leadconduit?.scenarios.map((s) => s.name)).toEqual(applicable);
    expect(leadconduit?.scenarios.filter((s) => s.requests > 0)).toEqual([{ name: 'server-error', requests: 1 }]);
    expect(leadconduit?.totals.scenarios).toEqual({ covered: 1, of: applicable.length });
  });

  it('an answer the spec does not document is listed as such; a documented class (4XX) or default takes what has no code of its own', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const index = specIndex('leadconduit');
    const op = index.operations[0];
    const r = computeCoverage([{ seq: 1, at, session: 'default', method: 'GET', url: '/x', status: 418, durationMs: 1, api: 'leadconduit', operationId: op.id }], [index], [], new Map());
    const covered = r.apis[0].operations[0];
    const absorbed = [...op.responses.keys()].some((k) => k === '418' || k === '4XX' || k === 'default');
    expect(covered.undocumented).toEqual(absorbed ? [] : [418]);
  });

  it('GET /__control/coverage answers the same report (its own requests are not counted)', async () => {
    const res = await sim.handle(new Request('http://127.0.0.1/__control/coverage'));
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(body).toEqual({ ...sim.coverage(), requests: sim.journal.size - 1 });
    const none = await sim.handle(new Request('http://127.0.0.1/__control/coverage?session=nobody'));
    expect(await none.json()).toMatchObject({ requests: 0, apis: [{ totals: { operations: { covered: 0 } } }] });
  });
});

describe('connkit coverage --journal file', () => {
  it('the same report from a saved journal, as a table, JSON and the HTML matrix; files with --out', async () => {
    const file = join(dir, 'journal.json');
    writeFileSync(file, JSON.stringify(await sim.control.journal.list({ limit: 1000 })));
    const [table, json, html] = await Promise.all(['table', 'json', 'html'].map((format) => connkit(['coverage', '--journal', file, '--api', 'leadconduit', '--format', format, '--out', join(dir, format)])));
    for (const r of [table, json, html]) expect(r.code, r.err).toBe(0);
    expect(table.out).toMatch(/^leadconduit: operations 1\/\d+ \(\d+%\), statuses 3\/\d+/m);
    expect(table.out).toMatch(/^\s+listConnections\s+4 {2}met: 200×2 401×1 500×1 {2}never: /m);
    // The error types the saved answers carry, read by the vendor module as in-process.
    expect(table.out).toMatch(/^ {2}error types met: authentication_failed×1 internal×1 {2}never: invalid_field /m);
    const parsed: unknown = JSON.parse(json.out);
    expect(parsed).toMatchObject({ apis: [{ api: 'leadconduit', undocumentedErrorTypes: [], operations: expect.arrayContaining([expect.objectContaining({ operationId: 'listConnections', requests: 4 })]) }] });
    expect(html.out).toMatch(/^<!doctype html>/);
    expect(html.out).toContain('<td class="never">0</td>');
    expect(html.out).toContain('<td class="met">2</td>');
    expect(readFileSync(join(dir, 'json', 'coverage.json'), 'utf8')).toBe(`${json.out.trim()}\n`);
  });

  it('JSON lines are read too; a missing or bad file is one line, exit 2', async () => {
    const lines = join(dir, 'journal.ndjson');
    writeFileSync(lines, sim.journal.list().map((e) => JSON.stringify(e)).join('\n'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[{"nope": 1}]');
    const [ok, missing, notEntries] = await Promise.all([
      connkit(['coverage', '--journal', lines, '--api', 'leadconduit', '--format', 'json']),
      connkit(['coverage', '--journal', join(dir, 'none.json')]),
      connkit(['coverage', '--journal', bad]),
    ]);
    expect(ok.code, ok.err).toBe(0);
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toMatch(/^error: cannot read .*none\.json: no such file$/);
    expect(notEntries.code).toBe(2);
    expect(notEntries.err.trim()).toMatch(/^error: .*bad\.json: entry 1 is not a journal entry/);
  });
});

describe('connkit/vitest: connkitCoverage writes the report when the run ends', () => {
  it('a consumer test file that calls it leaves coverage.json, coverage.html and coverage.txt behind', async () => {
    const project = mkdtempSync(join(dir, 'consumer-'));
    const out = join(project, 'out');
    writeFileSync(join(project, 'vitest.config.mjs'), 'export default {}\n');
    writeFileSync(
      join(project, 'use.test.ts'),
      `import { it } from 'vitest';
import { createSimulator } from ${JSON.stringify(join(packageRoot, 'src', 'sim', 'core.js'))};
import { connkitCoverage } from ${JSON.stringify(join(packageRoot, 'src', 'vitest.js'))};
const sim = createSimulator({ apis: ['wingfield'], sizes: { wingfield: 1 } });
connkitCoverage(sim, { dir: ${JSON.stringify(out)} });
it('calls', async () => { await sim.handle(new Request('http://127.0.0.1/wingfield/api/v1/external-services/x/organizations')); });
`,
    );
    const code = await new Promise<number | null>((resolve) => {
      const p = spawn(process.execPath, [join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', project, '--config', join(project, 'vitest.config.mjs')], { cwd: packageRoot, stdio: 'ignore' });
      p.once('exit', resolve);
    });
    expect(code).toBe(0);
    const written: unknown = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8'));
    expect(written).toMatchObject({ requests: 1, apis: [{ api: 'wingfield', totals: { operations: { covered: 1 } } }] });
    expect(readFileSync(join(out, 'coverage.txt'), 'utf8')).toMatch(/listExternalServiceOrganizations\s+1 {2}met: 401×1/);
    expect(readFileSync(join(out, 'coverage.html'), 'utf8')).toContain('<table>');
  });
});
