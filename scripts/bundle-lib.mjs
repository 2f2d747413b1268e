// Build step: the library entry points `connkit` and `connkit/msw` (dist/lib/connkit.js,
// dist/lib/msw.js). An import then reads a file or two instead of resolving a few hundred
// modules, and holds the core only: the server door (Express, pino, TLS) is imported by
// `startSimulator` when called. Types stay tsc's (dist/src/*.d.ts).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
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
// The whole library as ES modules (dist/lib/esm.js): `startSimulator` imports it (its server
// door is a chunk of its own, imported when called), and the entry falls back to it where its
// core script cannot run. The core reads the specs' runtime copies (a test file's start
// parses half the text); the whole documents are in the server door's part, for its docs page.
const specs = await runtimeSpecs();
const lib = await build({
  ...common,
  entryPoints: { esm: 'src/index.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [specs],
});

// The core as one CommonJS script (dist/lib/core.cjs), which the entry runs through V8's code
// cache; as the CLI's scripts: every import() a require (V8 drops a cached script's dynamic
// import callback), import.meta.url the script's own. The response validators, loaded only
// when answers are checked, are a script beside it.
const cjs = {
  ...common,
  format: 'cjs',
  supported: { 'dynamic-import': false },
  charset: 'ascii',
  define: { 'import.meta.url': '__connkitUrl' },
  banner: { js: "const __connkitUrl = require('node:url').pathToFileURL(__filename).href;" },
  outExtension: { '.js': '.cjs' },
};
const responsesAside = {
  name: 'responses-aside',
  setup(b) {
    b.onResolve({ filter: /validators[\\/]responses\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './core-responses.cjs', external: true } : undefined,
    );
  },
};
const core = join(outdir, 'core.cjs');
await build({ ...cjs, entryPoints: { core: 'src/lib/core.ts' }, plugins: [specs, responsesAside] });
await build({ ...cjs, entryPoints: { 'core-responses': 'src/generated/validators/responses.ts' } });

/**
 * The entry (dist/lib/connkit.js) imports nothing at load: each `import from 'node:…'` of an
 * ES module makes Node build a facade of that builtin first, so it takes Node's modules from
 * process.getBuiltinModule (Node 20.16 on), as the CLI's bin does.
 */
const builtinsByCall = {
  name: 'builtins-by-call',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'connkit-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'connkit-builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
    }));
  },
};
// The cache of one build is never offered to another: its name holds a digest of the bytes.
const key = createHash('sha256').update(readFileSync(core)).digest('hex').slice(0, 16);
await build({
  absWorkingDir: root,
  entryPoints: { connkit: 'src/lib/entry.ts' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  external: ['./esm.js'],
  define: { __connkitCoreKey: JSON.stringify(key) },
  plugins: [builtinsByCall],
  logLevel: 'warning',
});

// What each entry loads before any call: its own file and the chunks it imports statically
// (the library's entry: itself and the core script).
const outputs = { ...msw.metafile.outputs, ...lib.metafile.outputs };
const staticClosure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of outputs[file]?.imports ?? [])
    if (i.kind === 'import-statement' && !i.external) staticClosure(i.path, seen);
  return seen;
};
const kib = (bytes) => (bytes / 1024).toFixed(0);
console.log(
  `dist/lib/connkit.js: ${kib(statSync(join(outdir, 'connkit.js')).size + statSync(core).size)} KiB loaded at import (the entry and core.cjs)`,
);
const files = [...staticClosure('dist/lib/msw.js')];
console.log(`dist/lib/msw.js: ${kib(files.reduce((n, f) => n + outputs[f].bytes, 0))} KiB loaded at import`);
