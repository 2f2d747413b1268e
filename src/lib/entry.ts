// The library's entry (the build makes dist/lib/connkit.js of it): `import('connkit')` runs the
// core, one CommonJS script (dist/lib/core.cjs), through V8's code cache (src/code-cache.ts),
// as the CLI's bin runs its bundle. An ES module takes no cached data in Node 20, and a test
// file's start is mostly compiling the core: with the cache a second start compiles little.
// Where the script cannot be run so (the entry bundled into something else), the ES module
// build is imported instead: the same code, compiled as it loads.
import { fileURLToPath } from 'node:url';
import { runCached } from '../code-cache.js';
import type * as Core from './core.js';
import type * as Index from '../index.js';

export { defaultPort } from '../default-port.js';

/** A digest of core.cjs's bytes, put here by the build: a cache of other bytes is never offered. */
declare const __connkitCoreKey: string;

type Esm = typeof Index;
// A literal, so a bundler that takes this file in follows it to the ES module build.
const esm = () =>
  // @ts-expect-error -- built beside the entry in dist/lib; the build keeps the import as it is
  import('./esm.js') as Promise<Esm>;

function cached(): typeof Core | undefined {
  if (!import.meta.url.startsWith('file:')) return undefined;
  try {
    return runCached({
      file: fileURLToPath(new URL('./core.cjs', import.meta.url)),
      kind: 'lib',
      key: __connkitCoreKey,
    }) as typeof Core;
  } catch {
    return undefined;
  }
}

const core: typeof Core = cached() ?? (await esm());

export const { createSimulator, defaultSeed, vendorNames } = core;

/** The simulator behind a Node http(s) server on 127.0.0.1 (`port: 0` picks a free port). */
export const startSimulator = (async (options) => (await esm()).startSimulator(options)) as Esm['startSimulator'];
