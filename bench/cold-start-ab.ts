// Two builds of the CLI, started alternately (seven times each) beside `node -e 0`: spawn to the
// first 200 of the four headline reads, and the CPU the start used by then (from /proc), which
// moves far less than the wall time with what else a shared machine runs.
//   npx tsx bench/cold-start-ab.ts <old>/dist/src/cli.cjs dist/src/cli.cjs
// (an old build: `git worktree add`, `npm run build` there, or a copy of dist/ beside a
// package.json, specs/ and node_modules/ that resolve as in the repository). `fresh:<cli.js>`
// starts that build with an empty state folder each time: no code cache, a command's first start;
// `<dir>@<cli.js>` starts it with XDG_STATE_HOME=<dir>, kept between runs (a code cache made one
// way against one made another, or two builds that set different V8 flags: V8 refuses a cache
// made under other flags, and two such builds sharing a folder would rewrite each other's).
// Each build gets one unmeasured start first, which writes its cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/free-port.js';
import { readyOn, startConnkit } from './connkit.js';
import { fixtures, headlineReads } from './endpoints.js';
import { median, round } from './load.js';
import { parseOptions } from './options.js';
import { startProcess, timeCommand } from './proc.js';

const args = process.argv.slice(2);
// `--runs N` (default 7): a few milliseconds between two builds need thirty or more to show.
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 7 : Number(args.splice(runsAt, 2)[1]);
const clis = args;
if (!clis.length) throw new Error('usage: npx tsx bench/cold-start-ab.ts <cli.js> [<cli.js> …]');
const first = await startConnkit('cold-start-ab', parseOptions([]), { label: 'fixtures' });
const fx = await fixtures(first.url);
await first.stop();

const wall = new Map<string, number[]>([['node -e 0', []]]);
const cpu = new Map<string, number[]>();
const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
/** One start of `cli` to the first 200 of the headline reads: its wall time and the CPU it used. */
async function start(cli: string, label: string): Promise<{ ms: number; cpuMs: number }> {
  const port = await freePort();
  const fresh = cli.startsWith('fresh:') ? mkdtempSync(join(tmpdir(), 'connkit-ab-state-')) : undefined;
  const kept = /^[^@]+@/.exec(cli)?.[0].slice(0, -1);
  const state = fresh ?? kept;
  const args = [cli.replace(/^fresh:|^[^@]+@/, ''), 'mock', '--port', String(port), '--log-level', 'silent'];
  const ready = { ...readyOn(headlineReads(fx)), timeoutMs: 30_000 };
  // `env` execs node: the process measured is still the server itself.
  const p = state
    ? await startProcess(label, 'env', [`XDG_STATE_HOME=${state}`, process.execPath, ...args], port, ready)
    : await startProcess(label, process.execPath, args, port, ready);
  const c = p.cpuMs();
  await p.stop();
  if (fresh) rmSync(fresh, { recursive: true, force: true });
  return { ms: round(p.startMs), cpuMs: c.user + c.system };
}

// A build's first start writes its code cache (at stop, after the first answers): one
// unmeasured start each, so every measured one reads a cache as a user's second start does.
for (const cli of clis) if (!cli.startsWith('fresh:')) await start(cli, 'cold-ab-warm-up');
for (let i = 0; i < runs; i++) {
  for (const cli of clis) {
    const r = await start(cli, `cold-ab-${i}`);
    push(wall, cli, r.ms);
    push(cpu, cli, r.cpuMs);
  }
  push(wall, 'node -e 0', round(await timeCommand(process.execPath, ['-e', '0'])));
}
// Past nine runs the figures would not fit a line: their count instead.
const shown = (v: number[]) => (runs > 9 ? `${v.length} runs` : v.join(', '));
for (const [k, v] of wall) console.log(`${k.padEnd(40)} wall median ${median(v)} ms  (${shown(v)})`);
for (const [k, v] of cpu) console.log(`${k.padEnd(40)} CPU  median ${median(v)} ms  (${shown(v)})`);
