import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { describe, expect, it } from 'vitest';
import { vendorNames } from '../../src/contract/names.js';
import type { BuildProgress } from '../../src/sim/build-progress.js';
import { createSimulator } from '../../src/sim/core.js';
import { stateDigest } from '../speed/digests.js';

const size = 5000;

describe('world-build progress through createSimulator', () => {
  it.each(vendorNames)('%s: reports rise to done === total once, and listening changes no record', (api) => {
    const reports: BuildProgress[] = [];
    const sim = createSimulator({ apis: [api], sizes: { [api]: size }, onProgress: (p) => reports.push(p) });
    // The world is built on first touch: nothing is reported before.
    expect(reports).toEqual([]);
    const exported = sim.session().export();
    expect(reports.length).toBeGreaterThan(2);
    const total = reports[0].total;
    expect(total).toBeGreaterThanOrEqual(size);
    for (const [i, r] of reports.entries()) {
      expect(r).toMatchObject({ api, total });
      if (i > 0) expect(r.done).toBeGreaterThan(reports[i - 1].done);
    }
    expect(reports.filter((r) => r.done === r.total)).toEqual([{ api, done: total, total }]);
    expect(reports.at(-1)?.done).toBe(total);
    const json = stringify(exported.apis[api]) ?? '';
    expect(createHash('sha256').update(json).digest('hex')).toBe(stateDigest(api, 42, size));
  });
});
