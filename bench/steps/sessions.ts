// Memory and time per session over a large world (MyCreditApp, 100 k connections per side; 10 k
// with --quick), in-process: each new session reads a page and writes one connection. The
// baseline, measured in the same run, is what a session cost before copy-on-write: one full
// build of the same world.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSimulator } from '../../src/sim/core.js';
import { vendorModules } from '../../src/sim/vendors/index.js';
import { round } from '../load.js';
import type { Step } from '../step.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

export const sessions: Step = async (ctx) => {
  const perSide = ctx.o.quick ? 10_000 : 100_000;
  const count = ctx.o.quick ? 200 : 1000;
  ctx.log(`\nsessions: ${count} sessions over MyCreditApp at ${perSide} per side, in-process`);

  const before = heap();
  const fullCopy: unknown = vendorModules.mycreditapp.state.create({ seed: 42, size: perSide });
  const fullCopyBytes = heap() - before;
  void fullCopy;

  const sim = createSimulator({ apis: ['mycreditapp'], sizes: { mycreditapp: perSide }, maxSessions: count });
  const fx = (await (await sim.handle(new Request('http://bench/__control/fixtures'))).json()) as {
    apis: { mycreditapp: { organizations: Record<string, { id: string; access_token: string }> } };
  };
  const o = fx.apis.mycreditapp.organizations;
  const headers = (s: string) => ({
    authorization: `Bearer ${o.guest.access_token}`,
    'requester-organization-id': o.guest.id,
    'target-organization-id': o.guest.id,
    'x-connkit-session': s,
  });
  const url = 'http://bench/mycreditapp/v1-beta/host-connections';
  const start = heap();
  const newSessionMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const read = await sim.handle(
      new Request(`${url}?statuses=connected&limit=${50 + (i % 50)}&offset=0`, { headers: headers(`bench-${i}`) }),
    );
    await read.text();
    newSessionMs.push(performance.now() - t);
    const write = await sim.handle(
      new Request(`${url}/${o.host.id}`, {
        method: 'PATCH',
        headers: { ...headers(`bench-${i}`), 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'disconnected' }),
      }),
    );
    if (read.status !== 200 || write.status !== 200) throw new Error(`session ${i}: ${read.status} / ${write.status}`);
  }
  // The journal keeps the newest answers whatever the sessions: not a session's cost.
  sim.journal.clear();
  const bytesPerSession = Math.round((heap() - start) / count);
  newSessionMs.sort((a, b) => a - b);
  ctx.results.sessions = {
    perSide,
    sessions: count,
    command: `npm run bench -- --only sessions${ctx.o.quick ? ' --quick' : ''}`,
    bytesPerSession,
    estimatedBytesPerSession: Math.round((sim.memory().bytes - sim.session().bytes()) / count),
    fullCopyBytes,
    newSessionMs: {
      p50: round(newSessionMs[Math.floor(count / 2)]),
      p99: round(newSessionMs[Math.floor(count * 0.99)]),
    },
  };
  const s = ctx.results.sessions;
  ctx.log(
    `  heap per session (read + write) ${(bytesPerSession / 1024).toFixed(1)} KiB vs a full copy ${(fullCopyBytes / 2 ** 20).toFixed(0)} MiB; the budget's estimate ${(s.estimatedBytesPerSession / 1024).toFixed(1)} KiB`,
  );
  ctx.log(`  a new session's first read p50 / p99: ${s.newSessionMs.p50} / ${s.newSessionMs.p99} ms`);
};
