import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verify } from '../../conformance/verify.js';
import { specIndex } from '../../src/contract/registry.js';
import { vendorNames } from '../../src/contract/names.js';
import { startProxy, type ProxyRequest, type Rewrite } from '../helpers/mutating-proxy.js';
import { useSimulator, type TestSim } from '../helpers/sim.js';
import { ownMutants } from './unlisted-mutants-own.js';
import {
  minimumKillRate,
  minimumObservedKillRate,
  minimumOwnKillRate,
  minimumOwnObservedKillRate,
  unlistedMutants,
  type UnlistedMutant,
} from './unlisted-mutants.js';

let t: TestSim | undefined;
let fx: Parameters<typeof unlistedMutants>[0] = {};
useSimulator((sim, fixtures) => {
  t = sim;
  fx = fixtures;
});

const outFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-output', 'unlisted-mutants.json');
const prefixOf = (api: string) => `${specIndex(api).prefix}${specIndex(api).basePath}`;

interface Outcome {
  name: string;
  api: string;
  why: string;
  killed: boolean;
  exitCode: number;
  failedChecks: string[];
  /** Requests the mutant changed (or answered with a side request): 0 means verify never reached the bug. */
  fired: number;
}

/** The mutant's rewrite, counting the requests it actually changed. */
function watched(m: Rewrite) {
  const counter = { fired: 0 };
  const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const request = m.request?.bind(m);
  const response = m.response?.bind(m);
  const rewrite: Rewrite = {
    request: request
      ? (r) => {
          const out = request(r);
          if (changed(out, r)) counter.fired++;
          return out;
        }
      : undefined,
    response: response
      ? async (r, res, forward) => {
          let sideRequests = 0;
          const counted = (x: ProxyRequest) => {
            sideRequests++;
            return forward(x);
          };
          const before = JSON.stringify(res);
          const out = await response(r, res, counted);
          if (sideRequests || JSON.stringify(out) !== before) counter.fired++;
          return out;
        }
      : undefined,
  };
  return { rewrite, counter };
}

async function verifyThrough(sim: TestSim, api: string, rewrite: Rewrite) {
  const proxy = await startProxy(sim.sim.url, rewrite);
  try {
    return await verify({
      api,
      target: `${proxy.url}${prefixOf(api)}`,
      control: `${sim.sim.url}/__control`,
      progress: null,
      reporters: [],
      // Killed or not is the question here: the first failure answers it.
      maxFailures: 1,
    });
  } finally {
    await proxy.close();
  }
}

/**
 * The same target seen with no control API: verify has only the profile and the model starts
 * from what the target shows. The proxy puts every request in a fresh session of its own
 * (the test's doing, not verify's), so each mutant meets the target its profile describes.
 */
async function verifyObserved(sim: TestSim, api: string, profile: string, session: string, rewrite?: Rewrite) {
  const inSession = (r: ProxyRequest): ProxyRequest => ({
    ...r,
    headers: { ...r.headers, 'X-Connkit-Session': session },
  });
  const request = rewrite?.request?.bind(rewrite);
  const proxy = await startProxy(sim.sim.url, {
    request: (r) => inSession(request ? request(r) : r),
    response: rewrite?.response?.bind(rewrite),
  });
  try {
    return await verify({
      api,
      target: `${proxy.url}${prefixOf(api)}`,
      profile,
      stateFile: null,
      progress: null,
      reporters: [],
      tiers: ['model'],
      // Each mutant gets a session of its own, so the tier may write (it is reads only by default without control).
      modelWrites: true,
      // A third of the default runs: a run after a change re-reads the target first, and the suite's budget is small.
      modelRuns: 10,
      maxFailures: 1,
    });
  } finally {
    await proxy.close();
  }
}

async function judge(
  sim: TestSim,
  m: UnlistedMutant,
  observed?: { profile: string; session: string },
): Promise<Outcome> {
  const { rewrite, counter } = watched(m);
  const r = observed
    ? await verifyObserved(sim, m.api, observed.profile, observed.session, rewrite)
    : await verifyThrough(sim, m.api, rewrite);
  const failedChecks = [
    ...new Set((r.report?.outcomes ?? []).filter((o) => o.status === 'failed').map((o) => o.check)),
  ];
  return {
    name: m.name,
    api: m.api,
    why: m.why,
    killed: r.exitCode !== 0,
    exitCode: r.exitCode,
    failedChecks,
    fired: counter.fired,
  };
}

/** The table written out, and each set's rate held to its floor (the first set, then the own one). */
async function judgeAll(outcomes: Outcome[], file: string, floor: number, ownFloor: number): Promise<void> {
  const own = new Set(ownMutants().map((m) => m.name));
  const sets = [
    { label: 'first set', floor, outcomes: outcomes.filter((o) => !own.has(o.name)) },
    { label: 'own set', floor: ownFloor, outcomes: outcomes.filter((o) => own.has(o.name)) },
  ].map((x) => {
    const killed = x.outcomes.filter((o) => o.killed).length;
    return { ...x, killed, total: x.outcomes.length, rate: killed / x.outcomes.length };
  });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify(
      {
        sets: sets.map(({ label, killed, total, rate, floor: f }) => ({ label, killed, total, rate, floor: f })),
        outcomes,
      },
      null,
      2,
    )}\n`,
  );
  for (const x of sets)
    expect(
      x.rate,
      `${x.label}: killed ${x.killed}/${x.total}; survivors: ${x.outcomes
        .filter((o) => !o.killed)
        .map((o) => o.name)
        .join('; ')}`,
    ).toBeGreaterThanOrEqual(x.floor);
}

describe('unlisted mutants: bugs written from the spec, not from the checks', () => {
  it('has at least 8 distinct mutants per API, each naming the spec rule it breaks', () => {
    const all = unlistedMutants();
    expect(new Set(all.map((m) => m.name)).size).toBe(all.length);
    for (const api of vendorNames) expect(all.filter((m) => m.api === api).length, api).toBeGreaterThanOrEqual(8);
    for (const m of all) expect(m.why, m.name).toMatch(/^\w+\.yaml /);
  });

  // The same suite through the same proxy with no mutant gives no failure: mutation.test.ts.

  it(`verify kills at least ${minimumKillRate * 100}% of them (${minimumOwnKillRate * 100}% of the own set)`, async () => {
    const sim = t;
    if (!sim) throw new Error('no simulator');
    const all = [...unlistedMutants(fx), ...ownMutants()];
    // One lane per API, side by side: each verify runs in a session of its own on the one simulator.
    const lanes = await Promise.all(
      vendorNames.map(async (api) => {
        const outcomes: Outcome[] = [];
        for (const m of all.filter((x) => x.api === api)) outcomes.push(await judge(sim, m));
        return outcomes;
      }),
    );
    await judgeAll(lanes.flat(), outFile, minimumKillRate, minimumOwnKillRate);
  }, 360_000);
});

describe('unlisted mutants, with no control API: the model tier alone, started from what the target shows', () => {
  it(`kills at least ${minimumObservedKillRate * 100}% of them (${minimumOwnObservedKillRate * 100}% of the own set)`, async () => {
    const sim = t;
    if (!sim) throw new Error('no simulator');
    const dir = await mkdtemp(join(tmpdir(), 'connkit-unlisted-'));
    try {
      const all = [...unlistedMutants(fx), ...ownMutants()];
      const lanes = await Promise.all(
        vendorNames.map(async (api) => {
          const profile = join(dir, `${api}.json`);
          await writeFile(profile, JSON.stringify(await sim.fixtures().then((f: Record<string, unknown>) => f[api])));
          const outcomes: Outcome[] = [];
          let n = 0;
          for (const m of all.filter((x) => x.api === api))
            outcomes.push(await judge(sim, m, { profile, session: `observed-${api}-${n++}` }));
          return outcomes;
        }),
      );
      await judgeAll(
        lanes.flat(),
        outFile.replace(/\.json$/, '-observed.json'),
        minimumObservedKillRate,
        minimumOwnObservedKillRate,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 360_000);
});
