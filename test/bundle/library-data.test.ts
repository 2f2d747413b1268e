// The library build (dist/lib, what `import('connkit')` loads) reads the specs' runtime copies
// and the validators compiled at build time, where the sources read the whole documents: its
// seeded world must still be the sources' own, fixtures and every record, for any seed.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { vendorNames } from '../../src/contract/names.js';
import { packageRoot } from '../../src/paths.js';
import { createSimulator } from '../../src/sim/core.js';

const built = (await import(pathToFileURL(join(packageRoot, 'dist', 'lib', 'connkit.js')).href)) as {
  createSimulator: typeof createSimulator;
};
const sizes = Object.fromEntries(vendorNames.map((v) => [v, 30]));

describe('the library build', () => {
  it.each([42, 7])('builds the sources’ world for seed %i', async (seed) => {
    const lib = built.createSimulator({ seed, sizes });
    const src = createSimulator({ seed, sizes });
    expect(await lib.control.fixtures()).toEqual(await src.control.fixtures());
    const state = await src.control.state.export();
    expect(Object.keys(state.apis)).toEqual([...vendorNames]);
    expect(await lib.control.state.export()).toEqual(state);
  });
});
