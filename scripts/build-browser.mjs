// Build step: the core and the MSW door as one ESM file for browsers (dist/browser/connkit.js),
// msw left to the page's own bundle. A Node-only module anywhere on the import path fails the
// build with the chain that pulls it in, so the core stays runnable in a browser.
import { build } from 'esbuild';
import { isBuiltin } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { runtimeSpecs } from './runtime-specs.mjs';

const root = new URL('..', import.meta.url).pathname;
// --outdir DIR: tests build a fresh copy elsewhere.
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist', 'browser');
const entry = 'src/browser.ts';

// Mark Node built-ins external instead of letting esbuild fail on the first, so every one is
// reported, each with the chain of imports that reaches it.
const nodeOnly = {
  name: 'node-only',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (isBuiltin(args.path) ? { path: args.path, external: true } : undefined));
  },
};

// The browser build trades the build-time validators for ajv itself, which the core carries
// anyway (a snapshot's state shape is compiled where it is imported): the validators' code
// weighs more than ajv. Its specs are the runtime copies, without the prose for readers.
const browserCopies = {
  name: 'browser-copies',
  setup(b) {
    b.onLoad({ filter: /src\/generated\/validators\/(params|bodies|responses)\.ts$/ }, (args) => ({
      contents: `export const ${args.path.match(/(\w+)\.ts$/)[1]} = {};`,
      loader: 'ts',
    }));
  },
};

// Libraries' parts a browser never runs, swapped at resolve time (each weighs its KiB gzipped
// in a bundle whose budget is 120):
// - fast-uri, ajv's URI library: the specs' refs are local pointers under ids connkit sets, so
//   a small resolver does (src/contract/browser-uri.ts, held to fast-uri by a test);
// - `ajv` itself (the draft-07 class, its meta-schema): ajv-formats imports it for KeywordCxt,
//   which the 2020 entry the core uses exports alike;
// - ajv's discriminator keyword: added only with its `discriminator` option, which connkit
//   leaves off (the vendors' discriminated bodies are its own: src/contract/discriminated.ts);
// - the 2020-12 meta-schemas: read only to validate a schema itself, which connkit's ajvs never
//   do (`validateSchema: false`: Spectral and swagger-parser check the specs at build).
const swapped = {
  name: 'swapped',
  setup(b) {
    b.onResolve({ filter: /^fast-uri$/ }, () => ({ path: join(root, 'src', 'contract', 'browser-uri.ts') }));
    b.onResolve({ filter: /^ajv$/ }, () => ({ path: join(root, 'node_modules', 'ajv', 'dist', '2020.js') }));
    b.onLoad({ filter: /ajv\/dist\/vocabularies\/discriminator\/index\.js$/ }, () => ({
      contents: 'exports.default = {};',
      loader: 'js',
    }));
    b.onLoad({ filter: /ajv\/dist\/refs\/json-schema-2020-12\/index\.js$/ }, () => ({
      contents: 'exports.default = function () { return this; };',
      loader: 'js',
    }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: { connkit: entry },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outdir,
  external: ['msw', 'msw/*'],
  minify: true,
  sourcemap: true,
  metafile: true,
  write: false,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [nodeOnly, browserCopies, await runtimeSpecs(), swapped],
});

/** A chain of imports from the entry to `target`, from the metafile (each file's first importer). */
function chainTo(target) {
  const importers = new Map();
  for (const [file, { imports }] of Object.entries(result.metafile.inputs))
    for (const i of imports) if (!importers.has(i.path)) importers.set(i.path, file);
  const chain = [target];
  for (let at = importers.get(target); at && !chain.includes(at); at = importers.get(at)) chain.unshift(at);
  return chain.join(' → ');
}

const builtins = new Set(
  Object.values(result.metafile.inputs).flatMap((i) =>
    i.imports.filter((x) => x.external && isBuiltin(x.path)).map((x) => x.path),
  ),
);
if (builtins.size) {
  console.error('build-browser: the browser build pulls Node-only modules:');
  for (const b of builtins) console.error(`  ${chainTo(b)}`);
  process.exit(1);
}

mkdirSync(outdir, { recursive: true });
for (const f of result.outputFiles) writeFileSync(f.path, f.contents);
// For `esbuild --analyze`-style questions later: what each byte of the bundle came from.
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
const file = join(outdir, 'connkit.js');
const bytes = readFileSync(file);
console.log(
  `${relative(process.cwd(), file)}: ${(bytes.length / 1024).toFixed(0)} KiB, ${(gzipSync(bytes).length / 1024).toFixed(0)} KiB gzipped`,
);
