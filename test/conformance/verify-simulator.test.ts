import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { verify } from '../../conformance/verify.js';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let out: string;
beforeAll(async () => {
  t = await testSimulator();
  out = await mkdtemp(join(tmpdir(), 'connkit-verify-'));
});
afterAll(async () => {
  await t.close();
  await rm(out, { recursive: true, force: true });
});

const targetOf = (api: string) => {
  const index = specIndex(api);
  return `${t.sim.url}${index.prefix}${index.basePath}`;
};

describe.each([...vendorNames])('connkit verify %s against the simulator', (api) => {
  it('passes every tier with nothing skipped, and writes every report', async () => {
    const result = await verify({
      api,
      target: targetOf(api),
      control: `${t.sim.url}/__control`,
      reporters: ['console', 'json', 'junit', 'html'],
      out,
      progress: null,
    });
    const failed = result.report!.outcomes.filter((o) => o.status !== 'passed');
    expect(failed.map((o) => `${o.status} ${o.check} ${o.operation ?? ''}: ${o.message}`)).toEqual([]);
    expect(result.exitCode).toBe(0);
    const r = result.report!;
    for (const tier of ['contract', 'stateful'] as const) expect(r.byTier[tier].passed, tier).toBeGreaterThan(0);
    expect(r.byTier.race.passed + r.byTier.fault.passed).toBeGreaterThan(0);
    // Every operation was exercised, each documented status that tests can reach included.
    for (const c of r.coverage) expect(Object.keys(c.seen).length, c.operationId).toBeGreaterThan(0);
    // The simulator validated every answer it gave against the spec (a violation would have been a 500).
    expect(t.sim.journal.list().filter((e) => e.violations)).toEqual([]);

    const json = JSON.parse(await readFile(join(out, `verify-${api}.json`), 'utf8'));
    expect(json.totals).toEqual(r.totals);
    const junit = await readFile(join(out, `verify-${api}.junit.xml`), 'utf8');
    expect((junit.match(/<testcase /g) ?? []).length).toBe(r.outcomes.length);
    expect(junit).toMatch(/failures="0"/);
    const html = await readFile(join(out, `verify-${api}.html`), 'utf8');
    expect(html).toContain('operation × status × scenario');
    // Self-contained: nothing loaded from elsewhere; the failures come before the matrix.
    expect(html).not.toMatch(/<script[^>]*src=|<link |src="http/);
    expect(html.indexOf('id="failures"')).toBeLessThan(html.indexOf('class="matrix"'));
    expect(html).toContain('id="f-tier"');
  });
});

describe('connkit verify usage', () => {
  it('exits 2 for an unreachable target, an unknown API, reporter or check', async () => {
    const unreachable = await verify({
      api: 'auth0',
      target: 'http://127.0.0.1:9/api/v2',
      control: `${t.sim.url}/__control`,
      progress: null,
      timeoutMs: 2000,
    });
    expect(unreachable.exitCode).toBe(2);
    expect(unreachable.console).toMatch(/unreachable/);
    expect((await verify({ api: 'okta', target: t.sim.url, progress: null })).exitCode).toBe(2);
    expect(
      (
        await verify({
          api: 'auth0',
          target: targetOf('auth0'),
          control: `${t.sim.url}/__control`,
          reporters: ['pdf'],
          progress: null,
        })
      ).exitCode,
    ).toBe(2);
    const badCheck = await verify({
      api: 'auth0',
      target: targetOf('auth0'),
      control: `${t.sim.url}/__control`,
      checks: ['no_such_check'],
      progress: null,
    });
    expect([badCheck.exitCode, badCheck.console]).toEqual([2, expect.stringMatching(/no_such_check/)]);
    expect((await verify({ api: 'auth0', target: targetOf('auth0'), progress: null })).exitCode).toBe(2);
  });

  it('names every bad field of a profile', async () => {
    const file = join(out, 'bad-profile.yaml');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, 'tokens:\n  full: 5\norganizations:\n  main: {connection_ids: []}\ncolour: red\n');
    const result = await verify({ api: 'auth0', target: targetOf('auth0'), profile: file, progress: null });
    expect(result.exitCode).toBe(2);
    expect(result.console).toContain('profile.tokens.full must be string');
    expect(result.console).toContain('profile.organizations.main.id is required');
    expect(result.console).toContain('profile.colour is not allowed');
  });

  it('runs from a hand-written profile file, and --checks / --skip select by name', async () => {
    const fixtures = await t.fixtures();
    const file = join(out, 'profile.yaml');
    const { writeFile } = await import('node:fs/promises');
    const { stringify } = await import('yaml');
    const { base_url: _b, ...profile } = fixtures.wingfield;
    await writeFile(file, stringify(profile));
    const result = await verify({
      api: 'wingfield',
      target: targetOf('wingfield'),
      profile: file,
      checks: ['wf_claim_once', 'missing_auth_rejected', 'response_schema_conformance', 'wf_claim_race'],
      progress: null,
      stateFile: null,
    });
    const names = new Set(result.report!.outcomes.map((o) => o.check));
    expect([...names].sort()).toEqual([
      'missing_auth_rejected',
      'response_schema_conformance',
      'wf_claim_once',
      'wf_claim_race',
    ]);
    // Without --control fixtures come from the profile; the one open token went to wf_claim_once.
    expect(result.report!.outcomes.find((o) => o.check === 'wf_claim_race')).toMatchObject({
      status: 'skipped',
      message: 'needs connect_tokens.open',
    });
    expect(result.report!.outcomes.find((o) => o.check === 'wf_claim_once')?.status).toBe('passed');
    const skipped = await verify({
      api: 'wingfield',
      target: targetOf('wingfield'),
      control: `${t.sim.url}/__control`,
      skip: ['negative_data_rejection'],
      progress: null,
    });
    expect(skipped.report!.outcomes.some((o) => o.check === 'negative_data_rejection')).toBe(false);
    expect(parse(stringify(profile)).api).toBe('wingfield');
  });
});
