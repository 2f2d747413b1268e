// How long `connkit verify` takes against the simulator, per API: what a CI job pays for it.
import { verify as runVerify } from '../../conformance/verify.js';
import { vendorNames } from '../../src/contract/names.js';
import { startConnkit } from '../connkit.js';
import { base } from '../endpoints.js';
import type { Step } from '../step.js';

export const verify: Step = async (ctx) => {
  ctx.log('\nconnkit verify against the simulator');
  ctx.results.verify = [];
  const sim = await startConnkit('verify', ctx.o, { label: 'all' });
  try {
    for (const api of vendorNames) {
      const r = await runVerify({
        api,
        target: sim.url + base(api, 'connkit'),
        control: `${sim.url}/__control`,
        progress: null,
        reporters: ['console'],
        stateFile: null,
      });
      if (!r.report) throw new Error(`verify ${api}: ${r.console}`);
      const row = {
        api,
        ms: r.report.durationMs,
        requests: r.report.requests,
        passed: r.report.totals.passed,
        failed: r.report.totals.failed,
      };
      ctx.results.verify.push(row);
      ctx.log(`  ${api.padEnd(12)} ${row.ms} ms, ${row.requests} requests, ${row.passed} passed, ${row.failed} failed`);
    }
  } finally {
    await sim.stop();
  }
};
