// The snapshot of one large world in-process, without a socket: build, NDJSON export, import
// into another session, export again (same digest?). `node --max-old-space-size=12000 --import tsx
// bench/snapshot-probe.ts 1000000` (MyCreditApp connections per side).
import { createHash } from 'node:crypto';
import { createSimulator } from '../src/sim/core.js';
import { exportSession } from '../src/sim/snapshot/export.js';
const size = Number(process.argv[2] ?? 1_000_000);
const sim = createSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: size } });
let t = performance.now();
const s = sim.session('m1');
s.state('mycreditapp', 'read');
console.log('build ms', Math.round(performance.now() - t));
t = performance.now();
const h = createHash('sha256');
let bytes = 0;
const lines: string[] = [];
for (const l of exportSession(s)) {
  h.update(l);
  bytes += l.length;
  lines.push(l);
}
const d1 = h.digest('hex');
console.log('export ms', Math.round(performance.now() - t), 'MB', (bytes / 1e6).toFixed(0), 'lines', lines.length);
t = performance.now();
const r = await sim.importSnapshot('m2', lines);
console.log('import ms', Math.round(performance.now() - t));
t = performance.now();
const h2 = createHash('sha256');
for (const l of exportSession(r)) h2.update(l);
console.log(
  're-export ms',
  Math.round(performance.now() - t),
  'same bytes',
  h2.digest('hex') === d1,
  'rss MB',
  Math.round(process.memoryUsage().rss / 1e6),
);
