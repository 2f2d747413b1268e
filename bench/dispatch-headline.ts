// The core's own cost for each headline read, no transport: `sim.dispatch` of exactly the
// request the bench sends (its headers, as node:http hands them to the server door), one
// caller at a time. `npx tsx bench/dispatch-headline.ts [seconds]` prints µs per dispatch;
// run it in two trees alternately to compare them. With `node --cpu-prof --import tsx` it
// profiles the core alone.
import { createSimulator } from '../src/sim/core.js';
import type { SimRequest } from '../src/sim/request.js';
import { base, headlineReads, type Fixtures } from './endpoints.js';

const seconds = Number(process.argv[2] ?? 2);
const sim = createSimulator();
const fx = (await sim.control.fixtures()) as Fixtures;
for (const e of headlineReads(fx)) {
  const headers: Record<string, string> = { host: '127.0.0.1:8080', connection: 'keep-alive' };
  for (const [k, v] of Object.entries(e.headers)) headers[k.toLowerCase()] = v;
  const target = base(e.api, 'connkit') + e.path;
  const request = (): SimRequest => ({
    method: 'GET',
    origin: 'http://127.0.0.1:8080',
    target,
    headers: { ...headers },
  });
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < end) {
    const res = await sim.dispatch(request());
    if (res.status !== 200) throw new Error(`${e.label}: answered ${res.status}`);
    n++;
  }
  const us = ((performance.now() - started) * 1000) / n;
  console.log(`${e.label.padEnd(50)} ${us.toFixed(2).padStart(7)} µs per dispatch`);
}
