import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listChecks } from '../../conformance/checks/registry.js';
import { verify } from '../../conformance/verify.js';
import { specIndex } from '../../src/contract/registry.js';
import { vendorNames } from '../../src/contract/names.js';
import type { Mutant } from '../helpers/mutating-proxy.js';
import { startProxy } from '../helpers/mutating-proxy.js';
import { useSimulator, type TestSim } from '../helpers/sim.js';
import { mutants } from './mutants.js';

/**
 * Which named checks the model tier subsumes: for each listed mutant, does the tier alone (with
 * control) kill it? A named check is subsumed when the tier kills every listed mutant that
 * names it. Evidence for the lead, not a gate: it runs only with CONNKIT_SUBSUMES=1 (some
 * forty verify runs), and writes test-output/model-subsumes.json.
 */
let t: TestSim | undefined;
let fx: Parameters<typeof mutants>[0] = {};
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

const outFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-output', 'model-subsumes.json');
const prefixOf = (api: string) => `${specIndex(api).prefix}${specIndex(api).basePath}`;

async function tierAlone(sim: TestSim, m: Mutant): Promise<{ killed: boolean; message?: string }> {
  const proxy = await startProxy(sim.sim.url, m);
  try {
    const r = await verify({
      api: m.api,
      target: `${proxy.url}${prefixOf(m.api)}`,
      control: `${sim.sim.url}/__control`,
      progress: null,
      reporters: [],
      tiers: ['model'],
    });
    const failed = r.report?.outcomes.find((o) => o.status === 'failed');
    return { killed: r.exitCode !== 0, message: failed?.message?.split('\n')[0] };
  } finally {
    await proxy.close();
  }
}

describe.runIf(process.env.CONNKIT_SUBSUMES === '1')('named checks the model tier subsumes', () => {
  it('kills, with the tier alone, each listed mutant; a check whose mutants all die is subsumed', async () => {
    const sim = t;
    if (!sim) throw new Error('no simulator');
    const all = mutants(fx);
    const lanes = await Promise.all(
      vendorNames.map(async (api) => {
        const out: { name: string; api: string; kills: string[]; killed: boolean; message?: string }[] = [];
        for (const m of all.filter((x) => x.api === api))
          out.push({ name: m.name, api, kills: m.kills, ...(await tierAlone(sim, m)) });
        return out;
      }),
    );
    const outcomes = lanes.flat();
    const named = listChecks().filter((c) => c.name !== 'model');
    const checks = named.map((c) => {
      const listed = outcomes.filter((o) => o.kills.includes(c.name));
      const survivors = listed.filter((o) => !o.killed).map((o) => o.name);
      const verdict = !listed.length ? 'no listed mutant' : survivors.length ? 'says more' : 'subsumed';
      return { check: c.name, tier: c.tier, apis: c.apis, mutants: listed.length, verdict, survivors };
    });
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(outFile, `${JSON.stringify({ checks, outcomes }, null, 2)}\n`);
    expect(outcomes.length).toBe(all.length);
  }, 600_000);
});
