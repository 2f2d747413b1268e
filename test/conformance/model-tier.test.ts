import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verify, type VerifyOptions } from '../../conformance/verify.js';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { startProxy, type Mutant, type ProxyRequest } from '../helpers/mutating-proxy.js';
import { useSimulator, type TestSim } from '../helpers/sim.js';

let t: TestSim;
useSimulator((sim) => {
  t = sim;
});

const prefixOf = (api: string) => `${specIndex(api).prefix}${specIndex(api).basePath}`;
const modelOnly: Omit<VerifyOptions, 'api' | 'target'> = {
  progress: null,
  reporters: [],
  tiers: ['model'],
  modelRuns: 10,
  maxSteps: 10,
};

describe.each([...vendorNames])('the model tier against the simulator: %s', (api) => {
  it('finds nothing over a few seeds, and sends every operation', async () => {
    const sent = new Set<string>();
    for (const seed of [1, 2]) {
      const r = await verify({
        ...modelOnly,
        api,
        target: `${t.sim.url}${prefixOf(api)}`,
        control: `${t.sim.url}/__control`,
        seed,
      });
      expect(r.report!.outcomes.filter((o) => o.status !== 'passed').map((o) => o.message)).toEqual([]);
      expect(r.report!.byTier.model.passed).toBe(1);
      for (const c of r.report!.coverage) if (Object.keys(c.seen).length) sent.add(c.operationId);
    }
    expect([...sent].sort()).toEqual(
      specIndex(api)
        .operations.map((o) => o.id)
        .sort(),
    );
    // The simulator checked every answer it gave against the spec: the tier's requests were all well handled.
    expect(t.sim.journal.list().filter((e) => e.violations)).toEqual([]);
  });
});

/**
 * A planted bug a named check does not look for: the GA view keeps showing a link after the
 * link was deleted through the EA view (a stale cache keyed by URL). Only a sequence shows it.
 */
function staleGaView(): Mutant {
  const deleted = new Set<string>();
  const seen = new Map<string, unknown>();
  const key = (r: ProxyRequest) => {
    const m = /\/organizations\/([^/]+)\/(?:enabled_connections|connections)\/([^/?]+)/.exec(r.url);
    return m ? `${m[1]}/${m[2]}` : undefined;
  };
  return {
    name: 'auth0 GA view serves a deleted link',
    api: 'auth0',
    kills: ['model'],
    response(req, res) {
      // A reset of the target is a fresh deployment: the cache goes with it.
      if (req.url.startsWith('/__control/reset')) {
        deleted.clear();
        seen.clear();
      }
      const k = key(req);
      if (!k) return res;
      if (req.method === 'DELETE' && res.status === 204) deleted.add(k);
      if (req.method === 'GET' && /enabled_connections\//.test(req.url)) {
        if (res.status === 200) seen.set(k, res.body);
        else if (res.status === 404 && deleted.has(k) && seen.has(k)) return { ...res, status: 200, body: seen.get(k) };
      }
      return res;
    },
  };
}

describe('a planted bug', () => {
  it('gives a shrunk finding: numbered curls, both answers, and a seed that replays it', async () => {
    const run = async () => {
      const proxy = await startProxy(t.sim.url, staleGaView());
      try {
        return await verify({
          ...modelOnly,
          modelRuns: 100,
          maxSteps: 24,
          api: 'auth0',
          target: `${proxy.url}${prefixOf('auth0')}`,
          control: `${proxy.url}/__control`,
          seed: 4,
        });
      } finally {
        await proxy.close();
      }
    };
    const r = await run();
    expect(r.exitCode).toBe(1);
    const finding = r.report!.outcomes.find((o) => o.check === 'model' && o.status === 'failed');
    expect(finding?.steps).toBeDefined();
    const steps = finding?.steps ?? [];
    // Shrunk: the read that shows the stale link, after the writes that made it stale, and little else.
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps.length).toBeLessThanOrEqual(4);
    const last = steps[steps.length - 1];
    expect(last.operationId).toBe('get_enabled_connections_by_connectionId');
    expect(last.divergence).toMatch(/status: the model answers 404, the target 200/);
    expect(steps.some((s) => /^delete_/.test(s.operationId))).toBe(true);
    expect(finding?.message).toMatch(/--seed 4/);
    for (const s of steps) expect(finding?.message).toContain(`${s.n}. curl -i -X `);
    expect(finding?.message).toMatch(/model: +404/);
    // The same seed replays the same finding.
    const again = await run();
    const same = (curl: string) => curl.replace(/verify-4-[0-9a-f]+/, 'S').replace(/127\.0\.0\.1:\d+/, 'proxy');
    expect(again.report!.outcomes.find((o) => o.check === 'model')?.steps?.map((s) => same(s.curl))).toEqual(
      steps.map((s) => same(s.curl)),
    );
  });
});

describe("the model tier's flags", () => {
  it('a budget ends the tier early and says so; bad values are usage errors', async () => {
    const target = `${t.sim.url}${prefixOf('wingfield')}`;
    const control = `${t.sim.url}/__control`;
    const r = await verify({ ...modelOnly, api: 'wingfield', target, control, modelRuns: 1000, modelBudgetMs: 300 });
    expect(r.report!.outcomes).toMatchObject([
      { check: 'model', status: 'passed', message: expect.stringMatching(/budget ended it after \d+ of 1000 runs/) },
    ]);
    expect((await verify({ ...modelOnly, api: 'wingfield', target, control, tiers: ['modle'] })).exitCode).toBe(2);
    expect((await verify({ ...modelOnly, api: 'wingfield', target, control, modelRuns: 0 })).exitCode).toBe(2);
    // Leaving the tier out runs none of it.
    const without = await verify({ ...modelOnly, api: 'wingfield', target, control, tiers: ['contract'] });
    expect(without.report!.outcomes.filter((o) => o.tier === 'model')).toEqual([]);
  });

  it('without the control API the tier runs from what the target shows (its own list operations)', async () => {
    const fixtures = (await (await fetch(`${t.sim.url}/__control/fixtures`)).json()) as {
      apis: Record<string, unknown>;
    };
    const dir = await mkdtemp(join(tmpdir(), 'connkit-model-'));
    try {
      const profile = join(dir, 'wingfield.json');
      await writeFile(profile, JSON.stringify(fixtures.apis.wingfield));
      const r = await verify({
        ...modelOnly,
        api: 'wingfield',
        target: `${t.sim.url}${prefixOf('wingfield')}`,
        profile,
        stateFile: null,
        modelWrites: true,
      });
      expect(r.report!.outcomes).toMatchObject([
        {
          check: 'model',
          status: 'passed',
          message: expect.stringMatching(/^\d+ runs, [1-9]\d* steps, model and target agree/),
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('without the control API it only reads unless --model-writes says so: nothing resets the target', async () => {
    const fixtures = (await (await fetch(`${t.sim.url}/__control/fixtures`)).json()) as {
      apis: Record<string, unknown>;
    };
    const dir = await mkdtemp(join(tmpdir(), 'connkit-model-'));
    try {
      const profile = join(dir, 'wingfield.json');
      await writeFile(profile, JSON.stringify(fixtures.apis.wingfield));
      // Writes the target received during one verify, read from its own journal.
      const writesSent = async (modelWrites: boolean | undefined) => {
        const journal = async () =>
          (await (await fetch(`${t.sim.url}/__control/journal?api=wingfield&limit=1`)).json()) as {
            total: number;
            entries: { method: string; operationId?: string }[];
          };
        const since = (await journal()).total;
        const r = await verify({
          ...modelOnly,
          api: 'wingfield',
          target: `${t.sim.url}${prefixOf('wingfield')}`,
          profile,
          stateFile: null,
          modelWrites,
        });
        expect(r.report!.outcomes.map((o) => o.status)).toEqual(['passed']);
        const documented = new Set(
          [...specIndex('wingfield').byId.values()].filter((op) => op.method !== 'get').map((op) => op.id),
        );
        const after = (await (
          await fetch(`${t.sim.url}/__control/journal?api=wingfield&since=${since}&limit=100000`)
        ).json()) as { entries: { method: string; operationId?: string }[] };
        return after.entries.filter((e) => e.operationId !== undefined && documented.has(e.operationId)).length;
      };
      expect(await writesSent(undefined)).toBe(0);
      expect(await writesSent(true)).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
