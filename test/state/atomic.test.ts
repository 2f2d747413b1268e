import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation, SpecIndex } from '../../src/contract/index.js';
import { vendorNames, type VendorName } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { createSimulator, type Simulator } from '../../src/sim/core.js';
import { applyMutation, succeeding, type Wire } from '../robustness/mutations.js';

/**
 * Every write operation of every API, made to fail part-way: a test hook on the session's undo
 * log throws after the k-th write the request records (k drawn among the writes the same
 * request makes in a twin session). The failed request must leave the session's export byte
 * for byte as it was; then the same request, sent again, must give the twin's answer, and the
 * two sessions must export the same state and answer every read the same (the lists read the
 * orders and overlays the export does not show).
 */
let sim: Simulator;
let fixtures: Record<string, unknown>;
const origin = 'http://127.0.0.1';
beforeAll(async () => {
  // The injected failure is an unexpected error: the core answers 500 and would log it.
  sim = createSimulator({ log: { error: () => undefined } });
  fixtures = (await sim.control.fixtures()).apis;
});
afterAll(() => undefined);

let sessions = 0;
const fresh = () => `atomic-${++sessions}`;

async function send(index: SpecIndex, w: Wire, session: string) {
  const qs = w.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const url = `${origin}${index.prefix}${index.basePath}${w.path}${qs ? `?${qs}` : ''}`;
  const res = await sim.handle(
    new Request(url, { method: w.method, headers: { ...w.headers, 'X-Connkit-Session': session }, body: w.body }),
  );
  return { status: res.status, text: await res.text() };
}

const exported = (session: string) => JSON.stringify(sim.session(session).export());
/** The twin ran a moment earlier: the instants the clock gave differ, nothing else may. */
const untimed = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
const answer = (a: { status: number; text: string }) => ({ status: a.status, text: untimed(a.text) });

/** Runs `send` with the session's k-th recorded write throwing (0: none); how many writes it recorded. */
async function counting(index: SpecIndex, w: Wire, session: string, failAt = 0) {
  const log = sim.session(session).undo;
  let writes = 0;
  log.afterWrite = (n) => {
    writes = n;
    if (n === failAt) throw new Error('injected failure');
  };
  try {
    return { ...(await send(index, w, session)), writes };
  } finally {
    log.afterWrite = undefined;
  }
}

const wireOf = (api: VendorName, op: Operation) => {
  const parts = succeeding(api, op, fixtures);
  return parts && applyMutation(op, parts, { kind: 'valid' });
};

describe.each([...vendorNames])('%s: a write that fails part-way changes nothing', (api) => {
  const index = specIndex(api);
  const writes = index.operations.filter((op) => op.method !== 'get');
  const reads = index.operations.filter((op) => op.method === 'get');

  it.each(writes.map((op) => [op.id, op] as const))('%s', async (_id, op) => {
    const w = wireOf(api, op);
    expect(w, `no valid request for ${op.id}`).toBeDefined();
    if (!w) return;
    const others = writes.flatMap((o) => {
      const x = o === op ? undefined : wireOf(api, o);
      return x ? [x] : [];
    });
    const readWires = reads.flatMap((o) => {
      const x = wireOf(api, o);
      return x ? [x] : [];
    });
    // Only operations that write on their valid request can fail after a write.
    const probe = await counting(index, w, fresh());
    expect(probe.status, probe.text).toBeLessThan(300);
    if (probe.writes === 0) return;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(others, { maxLength: Math.min(3, others.length) }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (before, at) => {
          const twin = fresh();
          const failed = fresh();
          for (const s of [twin, failed]) for (const b of before) await send(index, b, s);
          const done = await counting(index, w, twin);
          // The writes before may have made it a refusal that writes nothing: nothing to fail then.
          fc.pre(done.writes > 0);
          const k = 1 + Math.floor(at * done.writes);
          const was = exported(failed);
          const version = sim.session(failed).version;
          const broken = await counting(index, w, failed, k);
          expect(broken.status, broken.text).toBe(500);
          expect(exported(failed)).toBe(was);
          // No answer kept before the failure can be taken for the state after it unless it is that state.
          expect(sim.session(failed).version).toBeGreaterThan(version);
          const again = await send(index, w, failed);
          expect(answer(again)).toEqual(answer(done));
          expect(untimed(exported(failed))).toBe(untimed(exported(twin)));
          for (const r of readWires)
            expect(answer(await send(index, r, failed))).toEqual(answer(await send(index, r, twin)));
        },
      ),
      { numRuns: 8, seed: 20261202 },
    );
  });
});
