// The library build: `import('connkit')` (dist/lib/connkit.js) runs the core, one CommonJS
// script (dist/lib/core.cjs), through V8's code cache, and falls back to the ES module build
// (dist/lib/esm.js) where it cannot. Both read the specs' runtime copies and the validators
// compiled at build time, where the sources read the whole documents: the seeded world must
// still be the sources' own, fixtures and every record, for any seed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { vendorNames } from '../../src/contract/names.js';
import { packageRoot } from '../../src/paths.js';
import { createSimulator } from '../../src/sim/core.js';

const lib = join(packageRoot, 'dist', 'lib');
const sizes = Object.fromEntries(vendorNames.map((v) => [v, 30]));
const home = mkdtempSync(join(tmpdir(), 'connkit-lib-cache-'));
// The entry imported here writes its cache too: into a folder of its own, not the user's.
const ownHome = mkdtempSync(join(tmpdir(), 'connkit-lib-own-'));
const userHome = process.env.XDG_STATE_HOME;
process.env.XDG_STATE_HOME = ownHome;
afterAll(() => {
  if (userHome === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = userHome;
  for (const d of [home, ownHome]) rmSync(d, { recursive: true, force: true });
});

/** A fresh node importing `file`, building seed 7's world and printing a digest of its state. */
function run(file: string, env: NodeJS.ProcessEnv = {}) {
  const script = `
    const { createSimulator } = await import(${JSON.stringify(pathToFileURL(file).href)});
    const sim = createSimulator({ seed: 7, sizes: ${JSON.stringify(sizes)} });
    const state = await sim.control.state.export();
    const { createHash } = await import('node:crypto');
    console.log(createHash('sha256').update(JSON.stringify(state)).digest('hex'));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, XDG_STATE_HOME: home, ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe('the library build', () => {
  it.each(['esm.js', 'connkit.js'])('%s builds the sources’ world', async (entry) => {
    const built = (await import(pathToFileURL(join(lib, entry)).href)) as { createSimulator: typeof createSimulator };
    for (const seed of [42, 7]) {
      const fromLib = built.createSimulator({ seed, sizes });
      const src = createSimulator({ seed, sizes });
      expect(await fromLib.control.fixtures()).toEqual(await src.control.fixtures());
      const state = await src.control.state.export();
      expect(Object.keys(state.apis)).toEqual([...vendorNames]);
      expect(await fromLib.control.state.export()).toEqual(state);
    }
  });

  it('leaves the server door, the response validators and ajv’s compiler out of the core script', () => {
    const ids = new Set(
      [...readFileSync(join(lib, 'core.cjs'), 'latin1').matchAll(/"((?:node_modules|src)\/[^"]+)"/g)].map((m) => m[1]),
    );
    const held = [...ids];
    expect(held.filter((f) => f.startsWith('src/server/') || /node_modules\/(express|pino)\//.test(f))).toEqual([]);
    expect(held.filter((f) => /validators\/responses|node_modules\/ajv\/dist\/(compile|core|2020)/.test(f))).toEqual(
      [],
    );
    // Each spec's body checks are in it, initialised on that spec's first body.
    expect(held.filter((f) => f.endsWith('.bodies.ts'))).toHaveLength(5);
  });

  it('writes a code cache on its first run and takes it, unchanged, on the next; the same world each time', () => {
    const entry = join(lib, 'connkit.js');
    const first = run(entry);
    const dir = join(home, 'connkit', 'code-cache');
    const files = readdirSync(dir);
    expect(files).toEqual([expect.stringMatching(/^lib-[0-9a-f]{16}-[0-9a-f]{8}-v\d+\.\d+\.\d+-\w+\.bin$/)]);
    const file = join(dir, files[0] ?? '');
    const before = statSync(file);
    expect(before.size).toBeGreaterThan(100_000);
    // An accepted cache is never written again; a rejected one would be.
    expect(run(entry)).toBe(first);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    // Without a cache (CONNKIT_NO_CODE_CACHE) and through the ES module build: the same data.
    expect(run(entry, { CONNKIT_NO_CODE_CACHE: '1' })).toBe(first);
    expect(run(join(lib, 'esm.js'))).toBe(first);
    // An entry whose core script is not beside it (bundled elsewhere) imports the ES module build.
    const copy = join(home, 'lib-copy');
    cpSync(lib, copy, { recursive: true, filter: (f) => !f.endsWith('core.cjs') });
    expect(run(join(copy, 'connkit.js'))).toBe(first);
  });
});
