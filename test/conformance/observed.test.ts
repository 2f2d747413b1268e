import { describe, expect, it } from 'vitest';
import { vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { createSimulator } from '../../src/sim/core.js';
import type { Observation, ObservedRead, VendorProfile } from '../../src/sim/module.js';
import { jsonObserver } from '../../src/sim/observe.js';
import { vendorModules } from '../../src/sim/vendors/index.js';
import { isRecord } from '../../conformance/model/records.js';

/**
 * Each vendor's fromObserved() against connkit's own simulator, in-process: the reads it asks
 * for are the ones its spec lists (x-connkit.model.observed.reads), and the state it rebuilds
 * answers those reads as the target did.
 */
const origin = 'http://observed.connkit.invalid';

function urlOf(api: string, read: ObservedRead): string {
  const index = specIndex(api);
  const op = index.byId.get(read.operationId);
  if (!op) throw new Error(`no operation ${read.operationId}`);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(read.path?.[name] ?? ''));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(read.query ?? {}))
    for (const x of Array.isArray(v) ? v : [v]) q.append(k, String(x));
  return `${origin}${index.basePath}${path}${q.size ? `?${q}` : ''}`;
}

async function observe(api: (typeof vendorNames)[number], seed: number) {
  const sim = createSimulator({ apis: [api], seed, sizes: { [api]: 7 }, log: { error: () => undefined } });
  const observer = jsonObserver(vendorModules[api]);
  if (!observer) throw new Error(`${api} has no observer`);
  const fixtures = await sim.control.fixtures();
  const p: VendorProfile | undefined = fixtures.apis[api];
  if (!p) throw new Error(`no ${api} profile`);
  const send = async (read: ObservedRead): Promise<Observation> => {
    const op = specIndex(api).byId.get(read.operationId);
    const res = await sim.handle(
      new Request(urlOf(api, read), { method: op?.method.toUpperCase(), headers: read.headers }),
    );
    return { read, status: res.status, body: await res.json() };
  };
  const seen: Observation[] = [];
  for (let round = 0; round < 8; round++) {
    const reads = observer.reads(p, seen);
    if (!reads.length) break;
    for (const first of reads)
      for (let read: ObservedRead | undefined = first; read;) {
        const answer = await send(read);
        seen.push(answer);
        read = observer.next(read, answer);
      }
  }
  return { sim, observer, profile: p, seen, send };
}

describe('fromObserved(): the model rebuilt from what a target shows', () => {
  it.each([...vendorNames])('%s reads only the operations its spec lists, and every read succeeds', async (api) => {
    const { seen } = await observe(api, 3);
    const ext = specIndex(api).doc['x-connkit'];
    const model = isRecord(ext) ? ext.model : undefined;
    const observed = isRecord(model) ? model.observed : undefined;
    const listed = isRecord(observed) ? observed.reads : undefined;
    expect(Array.isArray(listed)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect([...new Set(seen.map((o) => o.read.operationId))].sort()).toEqual(
      [...new Set(Array.isArray(listed) ? listed : [])].sort(),
    );
    expect(seen.filter((o) => o.status !== 200).map((o) => `${o.read.operationId} ${o.status}`)).toEqual([]);
  });

  it.each([...vendorNames])('%s: the rebuilt state answers the same reads as the target', async (api) => {
    const { observer, profile, seen } = await observe(api, 5);
    const rebuilt = observer.fromObserved(seen, profile, new Set(), []);
    const model = createSimulator({ apis: [api], log: { error: () => undefined } });
    model.restoreSessions([[model.session().name, { connkit: 1, seed: 0, apis: { [api]: rebuilt.state } }]]);
    for (const o of seen) {
      const op = specIndex(api).byId.get(o.read.operationId);
      // The model's own credentials stand for the target's signed ones.
      const headers = Object.fromEntries(
        Object.entries(o.read.headers).map(([k, v]) => [
          k,
          Object.entries(rebuilt.credentials).reduce((text, [t, m]) => text.replaceAll(t, m), v),
        ]),
      );
      const res = await model.handle(new Request(urlOf(api, o.read), { method: op?.method.toUpperCase(), headers }));
      expect({ read: o.read.operationId, status: res.status, body: await res.json() }).toEqual({
        read: o.read.operationId,
        status: o.status,
        body: o.body,
      });
    }
  });
});
