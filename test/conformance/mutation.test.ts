import { describe, expect, it } from 'vitest';
import { probeChecks } from '../../conformance/checks/registry.js';
import { verify } from '../../conformance/verify.js';
import { specIndex } from '../../src/contract/registry.js';
import { startProxy } from '../helpers/mutating-proxy.js';
import { useSimulator, type TestSim } from '../helpers/sim.js';
import { mutants } from './mutants.js';

let t: TestSim;
let fx: any;
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

const probeNames = new Set(probeChecks.map((c) => c.name));
const prefixOf = (api: string) => `${specIndex(api).prefix}${specIndex(api).basePath}`;

/** verify through a proxy in front of the simulator; `checks`: only these (every check by default). */
async function verifyThrough(api: string, mutant?: ReturnType<typeof mutants>[number], checks?: string[]) {
  const proxy = await startProxy(t.sim.url, mutant);
  try {
    return await verify({
      api,
      target: `${proxy.url}${prefixOf(api)}`,
      control: `${t.sim.url}/__control`,
      progress: null,
      reporters: [],
      checks,
    });
  } finally {
    await proxy.close();
  }
}

describe('mutation testing: verify catches broken implementations', () => {
  it.each(['leadconduit', 'auth0', 'mycreditapp', 'wingfield'])(
    'an unmutated proxy in front of %s passes (no false alarm)',
    async (api) => {
      const r = await verifyThrough(api);
      expect(r.report!.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.check}: ${o.message}`)).toEqual(
        [],
      );
      expect(r.exitCode).toBe(0);
    },
  );

  const all = mutants({});
  it('has at least 20 distinct mutants across the four APIs', () => {
    expect(new Set(all.map((m) => m.name)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((m) => m.api)).size).toBe(4);
  });

  it.each(all.map((m) => [m.name, m.name] as const))('kills "%s"', async (name) => {
    const mutant = mutants(fx).find((m) => m.name === name)!;
    // Only the checks meant to catch it: what each one is for is the claim here (the whole
    // suite against bugs no check was written for is unlisted-mutants.test.ts). A response
    // check judges what the others send: with only those named, every check runs.
    const probes = mutant.kills.filter((k) => probeNames.has(k));
    const r = await verifyThrough(mutant.api, mutant, probes.length ? mutant.kills : undefined);
    const failed = [...new Set(r.report!.outcomes.filter((o) => o.status === 'failed').map((o) => o.check))];
    expect(r.exitCode, `verify passed the mutant "${name}"`).toBe(1);
    expect(
      failed.filter((c) => mutant.kills.includes(c)),
      `failed checks: ${failed.join(', ')}`,
    ).not.toEqual([]);
  });
});
