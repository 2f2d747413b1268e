// npm run bench [-- --quick] [--only step,…] [--profile[=step,…]]: connkit beside its peers, each
// at its best and labelled with its flags, in one run on this machine; then writes, cold start,
// scale and verify. Prints every row, ratio and target (met, or by how much not) and writes
// bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { profileDir, startConnkit } from './connkit.js';
import { fixtures } from './endpoints.js';
import { connections } from './load.js';
import { parseOptions, type StepName } from './options.js';
import { bare, readPeers } from './peers.js';
import { root } from './proc.js';
import { summary } from './report.js';
import type { Results } from './results.js';
import type { Context, Step } from './step.js';
import { coldStart } from './steps/cold-start.js';
import { scale } from './steps/scale.js';
import { sessions } from './steps/sessions.js';
import { throughput } from './steps/throughput.js';
import { verify } from './steps/verify.js';
import { model } from './steps/model.js';
import { writes } from './steps/writes.js';
import { library } from './steps/library.js';
import { build } from './steps/build.js';
import { persistence } from './steps/persist.js';
import { topSelf } from './profile-summary.js';
import { judge } from './targets.js';
import { commit, connkitVersion } from './version.js';

const steps: Record<StepName, Step> = {
  throughput,
  writes,
  'cold-start': coldStart,
  scale,
  sessions,
  verify,
  model,
  library,
  build,
  persist: persistence,
};

const o = parseOptions(process.argv.slice(2));
const log = (line: string) => console.log(line);
const began = performance.now();

if (!o.skipBuild) {
  log('npm run build…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
const profilesBefore = new Set(existsSync(profileDir) ? readdirSync(profileDir) : []);

const results: Results = {
  at: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  quick: o.quick,
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    platform: `${platform()} ${release()}`,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    memoryGB: Math.round(totalmem() / 2 ** 30),
  },
  connkit: { version: connkitVersion(), commit: commit() },
  loadGenerator: {
    tool: 'autocannon 8',
    connections,
    durationSeconds: o.duration,
    warmUp: 'duration' in o.warmUp ? `${o.warmUp.duration} s` : `${o.warmUp.amount} requests`,
    where: 'in the bench process; every server under test (bare node:http too) in a child process of its own',
  },
  peers: [...readPeers(o.quick), bare].map((p) => ({ id: p.id, label: p.label, version: p.version, flags: p.flags })),
  targets: [],
  profiles: [],
};

// Fixtures at the default size and seed: the same seed gives the same ids in every instance.
const first = await startConnkit('fixtures', { ...o, profile: new Set() }, { label: 'default' });
const ctx: Context = { o, fx: await fixtures(first.url), results, log };
await first.stop();

for (const name of o.steps) {
  const t = performance.now();
  await steps[name](ctx);
  log(`  (${name}: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

results.targets = judge(results);
results.profiles = (existsSync(profileDir) ? readdirSync(profileDir).filter((f) => !profilesBefore.has(f)) : []).map(
  (f) => ({ file: relative(root, join(profileDir, f)), top: topSelf(join(profileDir, f), 12) }),
);
for (const line of summary(results)) log(line);
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`\nwrote bench/results.json (${((performance.now() - began) / 1000).toFixed(0)} s in all)`);
