import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeChecks } from '../../conformance/checks/registry.js';
import { batches } from '../../conformance/runner.js';
import { verify } from '../../conformance/verify.js';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
beforeAll(async () => {
  t = await testSimulator();
});
afterAll(async () => {
  await t.close();
});

const run = (api: string, concurrency?: number) =>
  verify({
    api,
    target: `${t.sim.url}${specIndex(api).prefix}${specIndex(api).basePath}`,
    control: `${t.sim.url}/__control`,
    progress: null,
    reporters: [],
    concurrency,
  });
const verdicts = (r: Awaited<ReturnType<typeof run>>) =>
  r.report!.outcomes.map((o) => `${o.status} ${o.check}${o.operation ? ` [${o.operation}]` : ''}`);

describe.each([...vendorNames])('--concurrency 4 against the simulator: %s', (api) => {
  it('runs some checks side by side, and gives the verdicts of a serial run', async () => {
    const checks = probeChecks.filter((c) => !c.apis || c.apis.includes(api));
    expect(batches(checks, 4).some((b) => b.length > 1)).toBe(true);
    expect(batches(checks, 1).every((b) => b.length === 1)).toBe(true);
    const serial = await run(api);
    const parallel = await run(api, 4);
    expect(verdicts(parallel)).toEqual(verdicts(serial));
    expect(parallel.report!.totals.failed).toBe(0);
  }, 120_000);
});

it('refuses a concurrency that cannot work', async () => {
  for (const bad of [0, -1, 1.5, 1000]) expect((await run('wingfield', bad)).exitCode).toBe(2);
});
