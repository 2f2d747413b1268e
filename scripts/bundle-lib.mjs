// Build step: the library entry points `connkit` and `connkit/msw` as one bundled ESM file each
// (dist/lib/connkit.js, dist/lib/msw.js). An import then reads one file instead of resolving a
// few hundred modules, and holds the core only: the server door (Express, pino, TLS) is a chunk
// of its own that `startSimulator` imports when called. Types stay tsc's (dist/src/*.d.ts).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeSpecs } from './runtime-specs.mjs';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist', 'lib');
// Chunks are named by content hash: the last build's would pile up beside the new ones.
rmSync(outdir, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  outdir,
  entryNames: '[name]',
  bundle: true,
  // msw is the user's own copy (a peer dependency): one instance, the one their tests set up.
  external: ['msw', 'msw/*'],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  metafile: true,
  // CommonJS dependencies (express, pino…) require Node's built-ins at run time.
  banner: {
    js: "import { createRequire as __connkitRequire } from 'node:module'; const require = __connkitRequire(import.meta.url);",
  },
  logLevel: 'warning',
};
// The MSW door shares nothing with the core at run time: a file of its own, no chunk.
const msw = await build({ ...common, entryPoints: { msw: 'src/msw/index.ts' } });
// The core and, split off, the server door it imports on demand. The core reads the specs'
// runtime copies (a test file's start compiles and parses half the text); the whole documents
// are in the server door's part, for its docs page.
const lib = await build({
  ...common,
  entryPoints: { connkit: 'src/index.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [await runtimeSpecs()],
});

// What each entry loads before any call: its own file and the chunks it imports statically.
const outputs = { ...msw.metafile.outputs, ...lib.metafile.outputs };
const staticClosure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of outputs[file]?.imports ?? [])
    if (i.kind === 'import-statement' && !i.external) staticClosure(i.path, seen);
  return seen;
};
for (const entry of ['dist/lib/connkit.js', 'dist/lib/msw.js']) {
  const files = [...staticClosure(entry)];
  const bytes = files.reduce((n, f) => n + outputs[f].bytes, 0);
  console.log(
    `${entry}: ${(bytes / 1024).toFixed(0)} KiB loaded at import (${files.length} file${files.length > 1 ? 's' : ''})`,
  );
}
