import { describe, expect, it } from 'vitest';
import { junitReport } from '../../conformance/reporters/junit.js';
import { verify } from '../../conformance/verify.js';
import { specIndex } from '../../src/contract/registry.js';
import { startProxy } from '../helpers/mutating-proxy.js';
import { useSimulator, type TestSim } from '../helpers/sim.js';
import { mutants } from './mutants.js';

let t: TestSim;
useSimulator((sim) => {
  t = sim;
});

const target = (url: string) => `${url}${specIndex('leadconduit').prefix}${specIndex('leadconduit').basePath}`;

/** A LeadConduit that leaves out the SSO outage's degraded header: one stateful check sees it. */
async function verifyBroken(maxFailures?: number) {
  const mutant = mutants({}).find((m) => m.name === 'lc: degraded header dropped during an SSO outage')!;
  const proxy = await startProxy(t.sim.url, mutant);
  try {
    return await verify({
      api: 'leadconduit',
      target: target(proxy.url),
      control: `${t.sim.url}/__control`,
      progress: null,
      reporters: [],
      maxFailures,
    });
  } finally {
    await proxy.close();
  }
}

describe('verify --max-failures', () => {
  it('stops at the first failure, names what it did not run, and still exits 1', async () => {
    const full = await verifyBroken();
    const stopped = await verifyBroken(1);
    const ran = (r: typeof full) => new Set(r.report!.outcomes.map((o) => o.check));
    expect(full.exitCode).toBe(1);
    expect(full.report!.stopped).toBeUndefined();
    expect(ran(full).has('model')).toBe(true);

    expect(stopped.exitCode).toBe(1);
    const { notRun, maxFailures } = stopped.report!.stopped!;
    expect(maxFailures).toBe(1);
    expect(notRun).toContain('model');
    expect(notRun.length).toBeGreaterThan(1);
    // What it skipped is exactly what the full run ran and the stopped one did not.
    for (const name of notRun) expect(ran(stopped).has(name), name).toBe(false);
    expect([...ran(full)].filter((c) => !ran(stopped).has(c)).sort()).toEqual(
      [...notRun].filter((c) => ran(full).has(c)).sort(),
    );
    expect(stopped.report!.totals.failed).toBeGreaterThanOrEqual(1);
    expect(stopped.report!.requests).toBeLessThan(full.report!.requests);
    expect(stopped.console).toMatch(/stopped after 1 failure \(--max-failures\): not run .*model/);
    const xml = junitReport(stopped.report!);
    expect(xml).toContain('name="leadconduit.not-run"');
    expect(xml.match(/<skipped message="not run: stopped after 1 failures/g)?.length).toBe(notRun.length);
  });

  it('a run with fewer failures than the limit is a whole run', async () => {
    const r = await verifyBroken(1000);
    expect(r.exitCode).toBe(1);
    expect(r.report!.stopped).toBeUndefined();
    expect(r.report!.outcomes.some((o) => o.check === 'model')).toBe(true);
  });

  it.each([0, -1, 1.5])('--max-failures %s is a usage error (exit 2)', async (n) => {
    const r = await verify({ api: 'leadconduit', target: t.sim.url, progress: null, reporters: [], maxFailures: n });
    expect(r.exitCode).toBe(2);
    expect(r.console).toMatch(/--max-failures must be a positive integer/);
  });
});
