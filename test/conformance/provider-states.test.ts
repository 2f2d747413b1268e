import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { verify } from '../../conformance/verify.js';
import { packageRoot } from '../../src/paths.js';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

/**
 * A vendor's CI runs verify again and again against one staging server. With a provider-state
 * source every run mints the fixtures it uses up; without one, a later run skips what an earlier
 * one used up, naming it, rather than failing the implementation.
 */
let t: TestSim;
let dir: string;
beforeAll(async () => {
  t = await testSimulator();
  dir = await mkdtemp(join(tmpdir(), 'connkit-states-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const targetOf = (api: string) => `${t.sim.url}${specIndex(api).prefix}${specIndex(api).basePath}`;
const shipped = async (api: string) =>
  parse(await readFile(join(packageRoot, 'fixtures', 'profiles', `${api}.yaml`), 'utf8'));
/** The checks that use consumable fixtures up, and the counts (they see what the others add). */
const consuming: Record<string, string[]> = {
  leadconduit: ['lc_repair_flow', 'lc_repair_requires_superuser', 'lc_repair_race', 'lc_relationship_filter'],
  auth0: ['auth0_link_lifecycle', 'auth0_add_race', 'auth0_counts', 'auth0_paging'],
  mycreditapp: ['mca_invitation_single_use', 'mca_invitation_race', 'mca_counts'],
  wingfield: [
    'wf_claim_once',
    'wf_claim_race',
    'wf_external_id_conflicts',
    'wf_claimed_org_listed',
    'wf_unlink',
    'wf_pro_subscription',
    'wf_counts',
  ],
};

async function profileWith(api: string, source: object): Promise<string> {
  const file = join(dir, `${api}-${Object.keys(source)[0]}.yaml`);
  await writeFile(file, stringify({ ...(await shipped(api)), provider_states: source }));
  return file;
}

async function tenRuns(api: string, profile: string) {
  for (let run = 1; run <= 10; run++) {
    const r = await verify({
      api,
      target: targetOf(api),
      profile,
      progress: null,
      reporters: [],
      stateFile: null,
      checks: consuming[api],
    });
    const notPassed = r
      .report!.outcomes.filter((o) => o.status !== 'passed')
      .map((o) => `run ${run}: ${o.status} ${o.check}: ${o.message}`);
    expect(notPassed).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(new Set(r.report!.outcomes.map((o) => o.check))).toEqual(new Set(consuming[api]));
  }
}

describe.each([...vendorNames])('%s: 10 runs against one server', (api) => {
  it("all pass with the simulator's provider-state endpoint as the profile's url source", async () => {
    await tenRuns(api, await profileWith(api, { url: `${t.sim.url}/__control/provider-states` }));
  }, 180_000);

  it('all pass with a command source (state on stdin, fixture on stdout)', async () => {
    // What a vendor would write: a shell script in the profile's folder that forwards the state to its staging.
    await writeFile(
      join(dir, 'mint.sh'),
      `#!/bin/sh\nexec curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' --data-binary @- ${t.sim.url}/__control/provider-states\n`,
    );
    await tenRuns(api, await profileWith(api, { command: 'sh mint.sh' }));
  }, 240_000);
});

describe('a provider-state source that fails', () => {
  it.each([
    [
      'a non-zero exit',
      `"${process.execPath}" -e "console.error('no staging today'); process.exit(3)"`,
      /provider state "open connect token": command .* exited with 3: no staging today/,
    ],
    [
      'bad JSON',
      'echo not-json',
      /provider state "open connect token" from command echo not-json: the answer is not JSON/,
    ],
    [
      'an answer without the fixture',
      `echo '{"organization_id":"7bc05553-4b68-44e8-b7bc-37be63c6d9e9"}'`,
      /fixture\.connectToken is required/,
    ],
  ])('is reported by name on the check that needed it (%s)', async (_, command, message) => {
    const r = await verify({
      api: 'wingfield',
      target: targetOf('wingfield'),
      profile: await profileWith('wingfield', { command }),
      progress: null,
      reporters: [],
      stateFile: null,
      checks: ['wf_claim_once'],
    });
    expect(r.exitCode).toBe(1);
    expect(r.report!.outcomes).toMatchObject([
      { check: 'wf_claim_once', status: 'failed', message: expect.stringMatching(message) },
    ]);
  });

  it('an unreachable url is reported by name', async () => {
    const r = await verify({
      api: 'leadconduit',
      target: targetOf('leadconduit'),
      profile: await profileWith('leadconduit', { url: 'http://127.0.0.1:9/states' }),
      progress: null,
      reporters: [],
      stateFile: null,
      checks: ['lc_repair_flow'],
      timeoutMs: 2000,
    });
    expect(r.report!.outcomes[0]).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(
        /provider state "sso-only connection": http:\/\/127\.0\.0\.1:9\/states is unreachable/,
      ),
    });
  });
});

describe('without a source: the state file', () => {
  it('a second run skips the checks whose fixture the first used up, naming it, and exits 0', async () => {
    const own = await testSimulator();
    const stateFile = join(dir, 'state', 'verify-state.json');
    const profile = join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml');
    const target = `${own.sim.url}${specIndex('wingfield').prefix}${specIndex('wingfield').basePath}`;
    try {
      const first = await verify({ api: 'wingfield', target, profile, progress: null, reporters: [], stateFile });
      expect(first.exitCode).toBe(0);
      expect(first.report!.outcomes.find((o) => o.check === 'wf_claim_once')?.status).toBe('passed');
      const recorded = JSON.parse(await readFile(stateFile, 'utf8'));
      expect(recorded.consumed).toContainEqual(
        expect.objectContaining({ api: 'wingfield', fixture: 'connect_tokens.open', check: 'wf_claim_once' }),
      );

      const second = await verify({
        api: 'wingfield',
        target,
        profile,
        progress: null,
        reporters: ['console'],
        stateFile,
      });
      expect(second.exitCode).toBe(0);
      expect(second.report!.totals.failed).toBe(0);
      const claim = second.report!.outcomes.find((o) => o.check === 'wf_claim_once')!;
      expect(claim.status).toBe('skipped');
      // The used token is a profile secret: the report names it by its place in the profile.
      expect(claim.message).toMatch(
        /fixture connect_tokens\.open was used up by an earlier run \(\$profile\.connect_tokens\.open\[0\], by wf_claim_once/,
      );
      expect(claim.message).toContain(stateFile);
      expect(claim.message).toContain('provider_states');
      expect(second.console).toContain('fixture connect_tokens.open was used up');
    } finally {
      await own.close();
    }
  }, 120_000);
});
