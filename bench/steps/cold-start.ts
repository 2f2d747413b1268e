// Spawn to the first 200 of all four headline reads, eleven times each way (five with --quick): `node dist/src/cli.cjs
// mock` and `npm start`, beside `node -e 0` (spawn to exit of a node that does nothing: the floor
// of any node CLI on this machine, in the same run, so a busy machine moves both alike). npm's own start is timed alone (`npm pkg get version`: npm loads, reads
// package.json, exits) so what `npm start` adds beyond it can be told apart from connkit's own.
import { freePort } from '../../src/free-port.js';
import { cli, profileFlags, readyOn } from '../connkit.js';
import { headlineReads } from '../endpoints.js';
import { median, round } from '../load.js';
import { startProcess, timeCommand } from '../proc.js';
import type { Context, Step } from '../step.js';

const npmOwnCommand = ['pkg', 'get', 'version'];

async function spawnToFirst200(
  ctx: Context,
  name: string,
  cmd: string,
  args: (port: number) => string[],
): Promise<{ ms: number; cpuMs: number }> {
  const port = await freePort();
  const proc = await startProcess(name, cmd, args(port), port, {
    ...readyOn(headlineReads(ctx.fx)),
    timeoutMs: 30_000,
  });
  // The CPU it took, beside the wall time: on a busy machine the wall time moves with the
  // neighbours, the CPU far less, so this tells a slower start from a busier machine.
  const cpu = proc.cpuMs();
  await proc.stop();
  return { ms: round(proc.startMs), cpuMs: cpu.user + cpu.system };
}

export const coldStart: Step = async (ctx) => {
  ctx.log('\ncold start: spawn to the first 200 of the four headline reads');
  // A start is ~150 ms on a machine whose neighbours move it by tens: five runs left a 2× ratio to chance.
  const runs = ctx.o.quick ? 5 : 11;
  const nodeMs: number[] = [];
  const nodeCpuMs: number[] = [];
  const nodeBareMs: number[] = [];
  const npmStartMs: number[] = [];
  const npmOwnMs: number[] = [];
  // The bin keeps V8's code cache of each command in the state folder, written by a command's
  // first start (when it stops, or 3 s in): one unmeasured start makes it for this build, so
  // the rows are every later start's. (The first start of a build costs what the ESM bundle
  // did before the cache: cold-start-ab.ts measures it with a fresh XDG_STATE_HOME.)
  await spawnToFirst200(ctx, 'cold-warm-up', process.execPath, (port) => [
    cli,
    'mock',
    '--port',
    String(port),
    '--log-level',
    'silent',
  ]);
  // Interleaved, so a noisy neighbour on the shared machine hits both ways alike.
  for (let i = 0; i < runs; i++) {
    const own = await spawnToFirst200(ctx, `cold-node-${i}`, process.execPath, (port) => [
      ...profileFlags('cold-start', ctx.o, `run-${i}`),
      cli,
      'mock',
      '--port',
      String(port),
      '--log-level',
      'silent',
    ]);
    nodeMs.push(own.ms);
    nodeCpuMs.push(own.cpuMs);
    npmStartMs.push(
      await spawnToFirst200(ctx, `cold-npm-${i}`, 'npm', (port) => [
        'start',
        '--silent',
        '--',
        '--port',
        String(port),
        '--log-level',
        'silent',
      ]).then((r) => r.ms),
    );
    npmOwnMs.push(round(await timeCommand('npm', npmOwnCommand)));
    nodeBareMs.push(round(await timeCommand(process.execPath, ['-e', '0'])));
  }
  ctx.results.coldStart = {
    nodeMs,
    npmStartMs,
    npmOwnMs,
    medianNodeMs: median(nodeMs),
    nodeCpuMs,
    medianNodeCpuMs: median(nodeCpuMs),
    nodeBareMs,
    medianNodeBareMs: median(nodeBareMs),
    medianNpmStartMs: median(npmStartMs),
    medianNpmOwnMs: median(npmOwnMs),
    npmOwnCommand: `npm ${npmOwnCommand.join(' ')}`,
  };
  const c = ctx.results.coldStart;
  ctx.log(`  node dist/src/cli.cjs mock  median ${c.medianNodeMs} ms  (${nodeMs.join(', ')})`);
  ctx.log(`  … its CPU (user + system)  median ${c.medianNodeCpuMs} ms  (${nodeCpuMs.join(', ')})`);
  ctx.log(`  node -e 0                   median ${c.medianNodeBareMs} ms  (${nodeBareMs.join(', ')})`);
  ctx.log(`  npm start                   median ${c.medianNpmStartMs} ms  (${npmStartMs.join(', ')})`);
  ctx.log(`  ${c.npmOwnCommand.padEnd(27)} median ${c.medianNpmOwnMs} ms  (npm's own start)`);
};
