// What `import('connkit')` loads before any call, read from the library build's own graph
// (scripts/bundle-lib.mjs's options, built in memory): the core and the parameter checks
// compiled at build time, but not the body checks (each spec's imported by its first body),
// nor the response validators (imported when answers are checked), nor ajv's compiler (loaded
// on a first validator the build did not make), nor the server door.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

async function staticInputs(): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: packageRoot,
    entryPoints: { connkit: 'src/index.ts' },
    outdir: 'out',
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['msw', 'msw/*'],
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  const outputs: Metafile['outputs'] = metafile.outputs;
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit('out/connkit.js');
  return [...seen].flatMap((f) => Object.keys(outputs[f]?.inputs ?? {}));
}

describe("the library's import path", () => {
  it('holds the parameter checks and none of what it loads on demand', async () => {
    const inputs = await staticInputs();
    expect(inputs).toContain('src/sim/core.ts');
    expect(inputs).toContain('src/generated/validators/auth0.params.ts');
    expect(inputs.filter((f) => f.endsWith('.bodies.ts'))).toEqual([]);
    expect(inputs.filter((f) => /node_modules\/ajv\/dist\/(compile|core|2020)/.test(f))).toEqual([]);
    expect(inputs.filter((f) => f.endsWith('.responses.ts'))).toEqual([]);
    expect(inputs.filter((f) => f.startsWith('src/server/') || f.includes('node_modules/express/'))).toEqual([]);
  }, 60_000);
});
