// The import graph of src/: no circle among the imports that run when a file loads, and no
// run-time import up the layering (generic simulator code never loads a vendor folder or the
// registry; the core is the one composition root). scripts/code-stats.ts prints the figures.
import { describe, expect, it } from 'vitest';
import { againstLayering, importGraph, layerOf, runtimeCycles } from '../../scripts/import-graph.js';
import { packageRoot } from '../../src/paths.js';

const graph = importGraph(packageRoot, ['src']);

describe('the import graph of src/', () => {
  it('is read: the core loads the registry, a vendor loads shared simulator code, types are told apart', () => {
    const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to);
    expect(edge('src/sim/core.ts', 'src/sim/vendors/index.ts')?.typeOnly).toBe(false);
    expect(edge('src/sim/vendors/auth0/index.ts', 'src/sim/module.ts')).toBeDefined();
    expect(edge('src/sim/module.ts', 'src/sim/session.ts')?.typeOnly).toBe(true);
    expect(layerOf('src/sim/vendors/wingfield/state.ts').name).toBe('vendor');
  });

  it('has no circle among the imports that run at load', () => {
    expect(runtimeCycles(graph)).toEqual([]);
  });

  it('has no run-time import against the layering', () => {
    expect(againstLayering(graph).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('would see one: a generic file loading a vendor folder is against it, as is a circle', () => {
    const bad = {
      files: ['src/sim/a.ts', 'src/sim/b.ts', 'src/sim/vendors/x/index.ts'],
      edges: [
        { from: 'src/sim/a.ts', to: 'src/sim/b.ts', typeOnly: false, lazy: false },
        { from: 'src/sim/b.ts', to: 'src/sim/a.ts', typeOnly: false, lazy: false },
        { from: 'src/sim/a.ts', to: 'src/sim/vendors/x/index.ts', typeOnly: false, lazy: false },
      ],
    };
    expect(runtimeCycles(bad)).toEqual([['src/sim/a.ts', 'src/sim/b.ts']]);
    expect(againstLayering(bad)).toHaveLength(1);
  });
});
