// The headline reads over a socket, this tree's build against another build of connkit, with
// the bare node:http floor beside them: the three servers run at once (each a child process,
// idle while another is loaded) and are loaded in turn, round after round, so a neighbour's
// burst on a shared machine weighs on all three alike. Prints each server's median req/s, p99
// and server CPU per request (user + system), and the ratios of the medians.
//   npx tsx bench/dispatch-socket-ab.ts <other checkout with a dist/> [rounds] [seconds] [api,…]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../src/free-port.js';
import { found } from '../src/sim/found.js';
import { isVendorName, vendorNames } from '../src/contract/names.js';
import { cli } from './connkit.js';
import { base, fixtures, headlineReads } from './endpoints.js';
import { load } from './load.js';
import { record } from './measure.js';
import { bare } from './peers.js';
import { startProcess, type Proc } from './proc.js';

const other = process.argv[2];
if (!other) throw new Error('usage: npx tsx bench/dispatch-socket-ab.ts <other checkout> [rounds] [seconds] [api,…]');
const rounds = Number(process.argv[3] ?? 5);
const seconds = Number(process.argv[4] ?? 2);
const apis = (process.argv[5]?.split(',') ?? [...vendorNames]).filter(isVendorName);

async function connkit(name: string, script: string): Promise<Proc> {
  const port = await freePort();
  const args = [script, 'mock', '--log-level', 'silent', '--port', String(port)];
  return startProcess(name, process.execPath, args, port, { requests: [{ path: '/__control/health' }] });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const servers = [
  { id: 'this', proc: await connkit('ab-this', cli) },
  { id: 'other', proc: await connkit('ab-other', join(resolve(other), 'dist', 'src', 'cli.cjs')) },
];
try {
  const fx = await fixtures(servers[0].proc.url);
  console.log(`node ${process.version}, ${rounds} rounds of ${seconds} s, load at start ${loadAvg()}`);
  for (const e of headlineReads(fx).filter((x) => apis.includes(x.api))) {
    const path = base(e.api, 'connkit') + e.path;
    const answers = await Promise.all(servers.map((s) => record(s.proc.url + path, e, 0)));
    if (answers.some((a) => a.bodyBase64 !== answers[0].bodyBase64 || a.status !== 200))
      throw new Error(`${e.label}: the two builds answer differently`);
    const floor = await bare.start(e.api, answers[0]);
    try {
      const arms = [
        ...servers.map((s) => ({ id: s.id, proc: s.proc, path })),
        { id: 'bare', proc: floor, path: e.path },
      ];
      const got = new Map(arms.map((a) => [a.id, { rps: [] as number[], p99: [] as number[], cpu: [] as number[] }]));
      const of = (id: string) => found(got.get(id), `figures of ${id}`);
      // One warm-up round, not counted: a fresh server's JIT settles under load.
      for (let r = -1; r < rounds; r++)
        for (const a of r % 2 ? arms : [...arms].reverse()) {
          const before = a.proc.cpuMs();
          const l = await load(a.proc.url, { ...e, path: a.path }, { duration: seconds });
          const after = a.proc.cpuMs();
          if (l.non2xx || l.errors) throw new Error(`${a.id}: ${l.non2xx} non-2xx, ${l.errors} errors`);
          if (r < 0) continue;
          const g = of(a.id);
          g.rps.push(l.rps);
          g.p99.push(l.p99);
          g.cpu.push(((after.user + after.system - before.user - before.system) * 1000) / l.requests);
        }
      const m = (id: string, k: 'rps' | 'p99' | 'cpu') => median(of(id)[k]);
      console.log(`\n${e.label}  (${answers[0].bodyBytes} B)`);
      for (const a of arms)
        console.log(
          `  ${a.id.padEnd(6)} ${String(Math.round(m(a.id, 'rps'))).padStart(6)} req/s  p99 ${String(m(a.id, 'p99')).padStart(3)} ms  CPU ${m(a.id, 'cpu').toFixed(0).padStart(4)} µs/req   (req/s ${of(a.id).rps.join(' ')})`,
        );
      console.log(
        `  this / other ${(m('this', 'rps') / m('other', 'rps')).toFixed(2)}, this / bare ${(m('this', 'rps') / m('bare', 'rps')).toFixed(2)}, other / bare ${(m('other', 'rps') / m('bare', 'rps')).toFixed(2)}; CPU this / other ${(m('this', 'cpu') / m('other', 'cpu')).toFixed(2)}`,
      );
    } finally {
      await floor.stop();
    }
  }
  console.log(`\nload at end ${loadAvg()}`);
} finally {
  await Promise.all(servers.map((s) => s.proc.stop()));
}

function loadAvg(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}
