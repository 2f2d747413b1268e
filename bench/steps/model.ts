// verify's model tier against the simulator, per API: its wall time at the defaults (what a CI
// job pays for it), and its findings over many seeds (there must be none: no false alarms).
import { defaultMaxSteps, defaultModelRuns, verify } from '../../conformance/verify.js';
import { vendorNames } from '../../src/contract/names.js';
import { startConnkit } from '../connkit.js';
import { base } from '../endpoints.js';
import type { Step } from '../step.js';

/** Seeds swept for false alarms per API (a few under --quick). */
const sweep = (quick: boolean) => (quick ? 5 : 100);

export const model: Step = async (ctx) => {
  const seeds = sweep(ctx.o.quick);
  ctx.log(
    `\nverify's model tier against the simulator (${defaultModelRuns} runs of up to ${defaultMaxSteps} steps; findings over seeds 1–${seeds})`,
  );
  ctx.results.model = [];
  const sim = await startConnkit('model', ctx.o, { label: 'all' });
  try {
    for (const api of ctx.o.apis.length ? ctx.o.apis : vendorNames) {
      const times: number[] = [];
      let findings = 0;
      let requests = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        const r = await verify({
          api,
          target: sim.url + base(api, 'connkit'),
          control: `${sim.url}/__control`,
          progress: null,
          reporters: [],
          stateFile: null,
          tiers: ['model'],
          seed,
        });
        if (!r.report) throw new Error(`verify ${api}: ${r.console}`);
        times.push(r.report.durationMs);
        requests += r.report.requests;
        findings += r.report.byTier.model.failed;
        if (r.report.byTier.model.failed)
          ctx.log(`    seed ${seed}: ${r.report.outcomes.find((o) => o.status === 'failed')?.message?.split('\n')[0]}`);
      }
      const sorted = [...times].sort((a, b) => a - b);
      const row = {
        api,
        seeds,
        medianMs: sorted[Math.floor(sorted.length / 2)],
        maxMs: sorted[sorted.length - 1],
        requestsPerSeed: Math.round(requests / seeds),
        findings,
      };
      ctx.results.model.push(row);
      ctx.log(
        `  ${api.padEnd(12)} median ${row.medianMs} ms, slowest ${row.maxMs} ms, ${row.requestsPerSeed} requests a seed, ${findings} findings over ${seeds} seeds`,
      );
    }
  } finally {
    await sim.stop();
  }
};
