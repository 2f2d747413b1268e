// The Wingfield claim, a write: every request uses up a connect token of its own, minted through
// the control API before anything is timed. connkit runs exactly that many requests; Prism
// (stateless) and the bare server run for the usual duration with the same bodies.
import type { RecordedAnswer } from '../bare-server.js';
import { connkitFlags, startConnkit } from '../connkit.js';
import { base, claim, fixtures, mintConnectTokens } from '../endpoints.js';
import { load } from '../load.js';
import { measure, record } from '../measure.js';
import { bare, prismStatic, type Peer } from '../peers.js';
import type { Proc } from '../proc.js';
import { ratioLine, rowLine } from '../report.js';
import type { Ratio, Row } from '../results.js';
import type { Step } from '../step.js';
import { connkitVersion } from '../version.js';

const spec = (p: Peer) => ({ id: p.id, label: p.label, version: p.version, flags: p.flags });
const cpuOf = (proc: Proc) => () => {
  const c = proc.cpuMs();
  return c.user + c.system;
};

export const writes: Step = async (ctx) => {
  // Enough claims for a second or more of load: 2 000 lasted a quarter of a second, too short
  // for the JIT to settle and for 50 connections to ramp up and down.
  const amount = ctx.o.quick ? 6000 : 15000;
  // Claims to warm up with, like the reads' seconds of warm-up: each uses a token of its own.
  const warm = ctx.o.quick ? 2000 : 3000;
  ctx.log(`\nWingfield claim, ${amount} claims each with a fresh connect token`);
  const sim = await startConnkit('writes', ctx.o, { label: 'wingfield-claim' });
  let own: Row;
  let answer: RecordedAnswer;
  const url = sim.url + base('wingfield', 'connkit');
  try {
    const fx = await fixtures(sim.url);
    const tokens = await mintConnectTokens(sim.url, warm + 1 + amount);
    const warmUp = claim(fx, tokens.slice(0, warm));
    await load(url, warmUp, { amount: warm });
    const sample = claim(fx, tokens.slice(warm, warm + 1));
    answer = await record(url + sample.path, sample, 0);
    if (answer.status >= 300)
      throw new Error(`claim answered ${answer.status}: ${Buffer.from(answer.bodyBase64, 'base64').toString()}`);
    own = await measure(
      {
        id: 'connkit',
        label: `connkit ${connkitFlags({}).join(' ')}`,
        version: connkitVersion(),
        flags: connkitFlags({}),
      },
      url,
      claim(fx, tokens.slice(warm + 1)),
      { amount },
      answer.bodyBytes,
      cpuOf(sim),
    );
  } finally {
    await sim.stop();
  }
  const e = claim(ctx.fx, ['wct_00000000000000000000000000000000']);
  const rows: Row[] = [own];
  for (const peer of [prismStatic, bare]) {
    const proc = await peer.start('wingfield', answer);
    try {
      rows.push(
        await measure(
          spec(peer),
          proc.url,
          { ...e, path: peer.path(e) },
          { duration: ctx.o.duration, warmUp: ctx.o.warmUp },
          undefined,
          cpuOf(proc),
        ),
      );
    } finally {
      await proc.stop();
    }
  }
  for (const r of rows) ctx.log(rowLine(r));
  // Rows run one after another, so a neighbour's burst can land on one of them only: the CPU
  // each server spent per request says what req/s alone cannot on a shared machine.
  ctx.log(
    `  CPU per request (server, user + system): ${rows.map((r) => `${r.id} ${r.cpuUsPerRequest ?? '?'} µs`).join(', ')}`,
  );
  const ratios: Ratio[] = rows.slice(1).map((r) => ({
    name: `connkit / ${r.id}`,
    value: Math.round((own.load.rps / r.load.rps) * 100) / 100,
    sizeRatio: Math.round((own.bodyBytes / r.bodyBytes) * 100) / 100,
  }));
  for (const r of ratios) ctx.log(ratioLine(r));
  ctx.results.writes = {
    api: 'wingfield',
    operationId: e.operationId,
    label: e.label,
    method: e.method,
    rows,
    ratios,
    equalSizes: {},
  };
};
