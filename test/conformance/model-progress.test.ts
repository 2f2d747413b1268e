import { describe, expect, it } from 'vitest';
import { modelProgress } from '../../conformance/model/progress.js';
import { verify } from '../../conformance/verify.js';
import { specIndex } from '../../src/contract/registry.js';
import { useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim | undefined;
useSimulator((sim) => {
  t = sim;
});

describe("the model tier's progress", () => {
  it('writes at most one line per interval, and always the last run', () => {
    const lines: string[] = [];
    const tick = modelProgress('auth0', 5, 60_000, (l) => lines.push(l), 1_000);
    tick(1, 4, 100);
    tick(2, 9, 600);
    tick(3, 13, 1_200);
    tick(4, 20, 1_500);
    tick(5, 24, 1_700);
    expect(lines).toEqual([
      '[model] auth0: 1/5 runs, 4 steps, 0.1 s, 60 s of budget left',
      '[model] auth0: 3/5 runs, 13 steps, 1.2 s, 59 s of budget left',
      '[model] auth0: 5/5 runs, 24 steps, 1.7 s, 58 s of budget left',
    ]);
  });

  it("verify's progress carries the model's lines; the JSON report does not", async () => {
    if (!t) throw new Error('no simulator');
    const index = specIndex('wingfield');
    const lines: string[] = [];
    const r = await verify({
      api: 'wingfield',
      target: `${t.sim.url}${index.prefix}${index.basePath}`,
      control: `${t.sim.url}/__control`,
      progress: (l) => lines.push(l),
      reporters: [],
      tiers: ['model'],
      modelRuns: 3,
      maxSteps: 4,
    });
    // The first run is always written, and the last; how many between depends on the clock.
    const model = lines.filter((l) => l.startsWith('[model] wingfield: '));
    expect(model[0]).toMatch(/^\[model\] wingfield: 1\/3 runs, \d+ steps, [\d.]+ s, \d+ s of budget left$/);
    expect(model.at(-1)).toMatch(/^\[model\] wingfield: 3\/3 runs, /);
    expect(JSON.stringify(r.report)).not.toContain('[model] wingfield:');
  });
});
