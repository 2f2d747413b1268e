// Where a server's CPU goes per request under load, from Linux perf rather than V8's profiler:
// V8's sampler books a sample taken while the thread is in a system call to that call (a read
// showed `writev` as half of connkit's time), and it does not see the kernel or V8's own
// threads at all. perf samples every thread of the process, kernel included, at a fixed rate.
// Each sample goes to one bucket: the kernel, GC, the JIT compiler, connkit's own code (the
// first JavaScript frame is connkit's bundle: its functions and the V8 builtins they call),
// or Node (http parsing, streams, libuv and the rest). connkit and the bare node:http server
// answering connkit's exact bytes are measured under the same load, one after the other.
//   npx tsx bench/perf-split.ts [--api auth0,…] [--claim] [--seconds 3] [--warm-up 3] [--top N]   (after npm run build)
// --top N also prints, for each connkit row, the N functions with the most samples of their own
// (the leaf frame: a JS function, a V8 builtin or a C++ symbol), as µs per request.
// Needs `perf` (Debian: apt-get install linux-perf) and perf_event_paranoid ≤ 2.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isVendorName, vendorNames, type VendorName } from '../src/contract/names.js';
import { found } from '../src/sim/found.js';
import { startConnkit } from './connkit.js';
import { base, claim, fixtures, headlineReads, mintConnectTokens, type Endpoint } from './endpoints.js';
import { load, type Request } from './load.js';
import { record } from './measure.js';
import { parseOptions } from './options.js';
import { bare } from './peers.js';
import type { Proc } from './proc.js';

const { values } = parseArgs({
  options: {
    api: { type: 'string' },
    claim: { type: 'boolean' },
    seconds: { type: 'string' },
    'warm-up': { type: 'string' },
    top: { type: 'string' },
  },
});
const apis = (values.api?.split(',') ?? [...vendorNames]).map((a) => a.trim());
for (const a of apis) if (!isVendorName(a)) throw new Error(`unknown API ${a}`);
const seconds = Number(values.seconds ?? 3);
// The full bench's warm-up: after one second the JIT still compiles a tenth of every request's CPU.
const warmUp = Number(values['warm-up'] ?? 3);
const claims = 15_000;
const rate = 1999;

if (spawnSync('perf', ['--version']).status !== 0) {
  console.error('perf-split needs Linux perf (Debian: apt-get install linux-perf)');
  process.exit(2);
}

const buckets = ['kernel', 'gc', 'jit', 'connkit', 'node'] as const;
type Bucket = (typeof buckets)[number];

/** One sample's bucket, from its stack as `perf script` prints it (leaf first). */
function bucketOf(frames: string[]): Bucket {
  if (frames[0]?.includes('[kernel.kallsyms]')) return 'kernel';
  const stack = frames.join('\n');
  if (/Scavenge|MarkCompact|ConcurrentMarking|Heap::|MinorGC|Sweeper/.test(stack)) return 'gc';
  if (/OptimizingCompileDispatcher|compiler::|Maglev|Baseline/.test(stack)) return 'jit';
  const js = frames.find((f) => / JS:|LazyCompile:|Function:/.test(f));
  return js?.includes('/dist/src/cli') ? 'connkit' : 'node';
}

/** perf's samples of `proc` while `run` loads it, split into buckets, as µs of CPU per request. */
const profiled = new Set<number>();

const top = Number(values.top ?? 0);
const leaves: [string, number][][] = [];

async function split(proc: Proc, run: () => Promise<number>): Promise<Record<Bucket | 'total', number>> {
  profiled.add(proc.pid());
  const data = join(tmpdir(), `connkit-perf-${process.pid}-${Date.now()}.data`);
  const perf = spawn('perf', ['record', '-q', '-F', String(rate), '-g', '-p', String(proc.pid()), '-o', data], {
    stdio: 'ignore',
  });
  // perf attaches to every thread before the load starts.
  await new Promise((r) => setTimeout(r, 300));
  const requests = await run();
  perf.kill('SIGINT');
  await new Promise((r) => perf.once('exit', r));
  const script = spawnSync('perf', ['script', '-i', data], { maxBuffer: 1 << 30, encoding: 'utf8' });
  rmSync(data, { force: true });
  const counts: Record<Bucket, number> = { kernel: 0, gc: 0, jit: 0, connkit: 0, node: 0 };
  const leaf = new Map<string, number>();
  for (const sample of script.stdout.split('\n\n')) {
    const frames = sample.trim().split('\n').slice(1);
    if (!frames.length) continue;
    const b = bucketOf(frames);
    counts[b]++;
    // `addr symbol (dso)`: the symbol, with the bucket it went to.
    const name = `${b}: ${frames[0]
      .trim()
      .replace(/^[0-9a-f]+ /, '')
      .replace(/ \(.*\)$/, '')
      .replace(/\+0x[0-9a-f]+$/, '')}`;
    leaf.set(name, (leaf.get(name) ?? 0) + 1);
  }
  const us = (n: number) => Math.round(((n / rate) * 1e6 * 10) / requests) / 10;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  leaves.push(
    [...leaf]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, n]) => [k, us(n)]),
  );
  return {
    ...(Object.fromEntries(buckets.map((b) => [b, us(counts[b])])) as Record<Bucket, number>),
    total: us(total),
  };
}

const line = (label: string, s: Record<Bucket | 'total', number>) =>
  `  ${label.padEnd(34)} ${String(s.total).padStart(6)} µs/req = ${buckets.map((b) => `${b} ${s[b]}`).join(' · ')}` +
  (top && label === 'connkit mock'
    ? `\n${(leaves.at(-1) ?? []).map(([k, v]) => `      ${String(v).padStart(6)} µs  ${k.slice(0, 110)}`).join('\n')}`
    : '');

async function reads(e: Endpoint, url: string): Promise<number> {
  return (await load(url, e, { duration: seconds })).requests;
}

const o = parseOptions([]);
const nodeFlags = ['--perf-basic-prof'];
const warm = (url: string, r: Request) => load(url, r, { duration: warmUp });
const sim = await startConnkit('perf-split', o, { label: 'fixtures' });
const fx = await fixtures(sim.url);
await sim.stop();
console.log(`perf record -F ${rate} -g, 50 connections, ${seconds} s per row after ${warmUp} s of warm-up`);
for (const api of apis as VendorName[]) {
  const e = found(
    headlineReads(fx).find((x) => x.api === api),
    `headline read of ${api}`,
  );
  console.log(`\n${e.label}`);
  const own = await startConnkit('perf-split', o, { label: api, nodeFlags });
  let answer;
  try {
    const url = own.url + base(api, 'connkit');
    answer = await record(url + e.path, e, 0);
    await warm(url, e);
    console.log(line('connkit mock', await split(own, () => reads(e, url))));
  } finally {
    await own.stop();
  }
  const floor = await bare.start(api, answer);
  try {
    await warm(floor.url, { ...e, path: bare.path(e) });
    console.log(line(bare.label, await split(floor, () => reads({ ...e, path: bare.path(e) }, floor.url))));
  } finally {
    await floor.stop();
  }
}
if (values.claim) {
  console.log(`\nWingfield claim, ${claims} fresh connect tokens`);
  const own = await startConnkit('perf-split', o, { label: 'claim', nodeFlags });
  let answer;
  let tokens: string[];
  try {
    const url = own.url + base('wingfield', 'connkit');
    tokens = await mintConnectTokens(own.url, 3001 + claims);
    await load(url, claim(fx, tokens.slice(0, 3000)), { amount: 3000 });
    const sample = claim(fx, tokens.slice(3000, 3001));
    answer = await record(url + sample.path, sample, 0);
    const s = await split(
      own,
      async () => (await load(url, claim(fx, tokens.slice(3001)), { amount: claims })).requests,
    );
    console.log(line('connkit mock', s));
  } finally {
    await own.stop();
  }
  // The floor reads the same bodies and sends the recorded answer.
  const floor = await bare.start('wingfield', answer);
  try {
    const e = claim(fx, tokens);
    const at = { ...e, path: bare.path(e) };
    await load(floor.url, at, { amount: 3000 });
    console.log(
      line(bare.label, await split(floor, async () => (await load(floor.url, at, { amount: claims })).requests)),
    );
  } finally {
    await floor.stop();
  }
}
// --perf-basic-prof leaves a symbol map per process behind.
for (const pid of profiled) rmSync(`/tmp/perf-${pid}.map`, { force: true });
