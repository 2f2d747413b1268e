// Every API's world at 1 M records (100 k with --quick), each built in a fresh process from the
// package's entry (bench/build-world.mjs): the build's own time, its CPU time (on a loaded
// machine the wall time waits for the cores) and the RSS after it.
import { vendorNames } from '../../src/contract/names.js';
import type { Step } from '../step.js';
import { timeNode } from './library.js';

export const build: Step = async (ctx) => {
  const size = ctx.o.quick ? 100_000 : 1_000_000;
  ctx.log(`\nbuild: every API's world at ${size} records`);
  const worlds = [];
  for (const api of vendorNames) {
    const run = await timeNode(['--max-old-space-size=6144', 'bench/build-world.mjs', api, String(size)]);
    const w = JSON.parse(run.stdout) as { api: string; size: number; ms: number; cpuMs: number; rssBytes: number };
    worlds.push(w);
    ctx.log(
      `  ${api.padEnd(12)} ${String(w.ms).padStart(6)} ms (CPU ${w.cpuMs} ms)  RSS ${(w.rssBytes / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  ctx.results.build = { size, worlds };
};
