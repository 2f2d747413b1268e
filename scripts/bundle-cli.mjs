// Build step: the CLI as one CommonJS script (dist/src/cli-bundle.cjs) and the bin that runs it
// (dist/src/cli.js, from src/cli/launch.ts) through V8's code cache. A cold start then reads one
// file instead of resolving a few hundred modules, and, from the second start of a command on,
// compiles little of it. The library entry points are bundled by scripts/bundle-lib.mjs.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeSpecs } from './runtime-specs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'src', 'cli.js');
const cliCjs = join(root, 'dist', 'src', 'cli.cjs');
const bundle = join(root, 'dist', 'src', 'cli-bundle.cjs');
// `connkit mock` alone (src/cli/mock-main.ts): what only verify, curl and coverage run is not in
// it, so a mock start reads and deserialises less.
const mockBundle = join(root, 'dist', 'src', 'cli-mock.cjs');

/**
 * Modules the mock's start loads but its answers never use, required on first use instead:
 * Express requires body-parser (type-is, raw-body, iconv-lite: parsers connkit never mounts, the
 * core door reads bodies itself), mime-types (which indexes all of mime-db as it loads) and qs;
 * sonic-boom requires assert and commander child_process, which the mock never calls. Each
 * `require` of them gets a Proxy that requires the real module on its first property read or
 * call; the real one is still bundled (or Node's), and esbuild runs a bundled CommonJS module
 * only when it is first required. Only CommonJS `require` calls are redirected (and the default
 * imports below): esbuild's interop copies an ES import's names when it loads (which would load the module at once, or,
 * from a Proxy, copy nothing), and a module destructured as it is required gains nothing.
 */
const lazily = ['body-parser', 'mime-types', 'qs', 'assert', 'node:child_process', 'express', 'pino'];
/**
 * ES imports that may be redirected all the same: only their default export is imported
 * (`import express from 'express'`), which esbuild's interop hands over as the module itself,
 * so the stand-in loads the real module when it is first called or read. Express is needed
 * for connkit's own paths alone (the server makes its app on first use) and pino for a logger
 * that logs (a silent one is made on first use): a silent start that serves only vendor APIs
 * loads neither.
 */
const defaultImported = new Set(['express', 'pino']);
// Functions read off the module as its importer loads (Express's `exports.json = bodyParser.json`):
// a stand-in that loads the module when called.
const readAtLoad = { 'body-parser': ['json', 'raw', 'text', 'urlencoded'] };
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const names = new Map(lazily.map((n) => [n, n]));
    for (const n of lazily) if (n.startsWith('node:')) names.set(n.slice(5), n);
    const filter = new RegExp(`^(${[...names.keys()].map((n) => n.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) =>
      // The proxy's own require is the real module.
      args.namespace === 'connkit-lazy' ||
      (args.kind !== 'require-call' && !(args.kind === 'import-statement' && defaultImported.has(args.path)))
        ? undefined
        : { path: `${names.get(args.path)}|${args.resolveDir}`, namespace: 'connkit-lazy' },
    );
    b.onLoad({ filter: /.*/, namespace: 'connkit-lazy' }, (args) => {
      const [name, resolveDir] = args.path.split('|');
      return {
        resolveDir,
        loader: 'js',
        contents: [
          'let real;',
          `const load = () => (real ??= require(${JSON.stringify(name)}));`,
          `const early = new Set(${JSON.stringify(readAtLoad[name] ?? [])});`,
          // An arrow function as the target: callable (body-parser, assert), no own prototype.
          'module.exports = new Proxy(() => {}, {',
          '  apply: (_, self, args) => Reflect.apply(load(), self, args),',
          '  get: (_, key) => (early.has(key) ? (...args) => load()[key](...args) : load()[key]),',
          '  has: (_, key) => key in load(),',
          '});',
        ].join('\n'),
      };
    });
  },
};
/**
 * Modules only a TLS start, --validate-responses or a parser Express never mounts for connkit
 * load, each on its first use (a dynamic import, or the real require behind a lazy stand-in
 * above): they go into scripts of their own beside the bundle, required then, so a plain start
 * neither reads nor deserialises them. Each is a leaf holding no state of connkit's (certificate
 * libraries, generated validators, body-parser), so its own copy of what it imports is harmless.
 */
const sideFiles = {
  'src/server/tls-ca.ts': 'cli-tls-ca.cjs',
  'src/server/tls-leaf.ts': 'cli-tls-leaf.cjs',
  'src/generated/validators/responses.ts': 'cli-response-validators.cjs',
  'body-parser': 'cli-body-parser.cjs',
};
const sideModules = (sides) => ({
  name: 'side-modules',
  setup(b) {
    b.onResolve({ filter: /tls-(ca|leaf)\.js$|validators\/responses\.js$|^body-parser$/ }, async (args) => {
      if (args.pluginData?.side) return undefined;
      const lazyReal = args.namespace === 'connkit-lazy' && args.path === 'body-parser';
      if (args.kind !== 'dynamic-import' && !lazyReal) return undefined;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        // As the lazy stand-in's own require: the real module, not another stand-in.
        namespace: lazyReal ? 'connkit-lazy' : 'file',
        pluginData: { side: true },
      });
      if (r.errors.length) return { errors: r.errors };
      const rel = relative(root, r.path).replace(/\\/g, '/');
      const file = sideFiles[lazyReal ? 'body-parser' : rel];
      if (!file) return undefined;
      sides.set(r.path, file);
      // A require stays one; an import() gets a module that requires it, so no ES import of
      // a file is left in the script (the bundle's require resolves beside it).
      return lazyReal ? { path: `./${file}`, external: true } : { path: file, namespace: 'connkit-side' };
    });
    b.onResolve({ filter: /^\.\/cli-.*\.cjs$/, namespace: 'connkit-side' }, (args) => ({
      path: args.path,
      external: true,
    }));
    b.onLoad({ filter: /.*/, namespace: 'connkit-side' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(`./${args.path}`)});`,
    }));
  },
});
// The ESM chunks of earlier builds.
rmSync(join(dirname(cli), 'cli-chunks'), { recursive: true, force: true });
/** What every script of the CLI is built with. */
const common = {
  absWorkingDir: root,
  bundle: true,
  // One script: a vm.Script takes a code cache, an ES module does not (not in Node 20). What
  // only `verify` or TLS use stays in uncalled functions: with a cache V8 never parses them.
  format: 'cjs',
  // Less source to compile at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  platform: 'node',
  target: 'node20',
  // Every import() a require: V8 drops a script's dynamic-import host options when it takes the
  // script from the code cache ("A dynamic import callback was not specified", the TLS start
  // failed so), and Node's own loader for a vm.Script is still experimental in Node 20.
  supported: { 'dynamic-import': false },
  // The launcher reads the script as latin1: esbuild's default ASCII output keeps that exact.
  charset: 'ascii',
  // paths.ts finds the package from its own URL: the script's, here.
  define: { 'import.meta.url': '__connkitUrl' },
  banner: { js: "const __connkitUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};
const sides = new Map();
// The mock's core reads the specs' runtime copies, as the library's does (scripts/runtime-specs.mjs):
// less to parse at its start. The full CLI keeps the documents whole: verify reads them so.
const specs = await runtimeSpecs();
for (const [entry, out, own] of [
  ['src/cli.ts', bundle, []],
  ['src/cli/mock-main.ts', mockBundle, [specs]],
])
  await build({ ...common, entryPoints: [entry], outfile: out, plugins: [lazyModules, sideModules(sides), ...own] });
for (const [path, file] of sides)
  await build({ ...common, entryPoints: [path], outfile: join(dirname(cli), file), plugins: [lazyModules] });
/**
 * The bin is an ES module (the package's type), and each `import from 'node:…'` of one makes
 * Node build an ES module facade of that builtin before anything runs: the bin takes Node's
 * modules from process.getBuiltinModule (Node 20.16 on) instead, so it imports nothing.
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
const key = createHash('sha256')
  .update(readFileSync(bundle))
  .update(readFileSync(mockBundle))
  .digest('hex')
  .slice(0, 16);
/** The launcher's source: the bin's only code of its own (the rest is src/cli/launch.ts). */
const launcher = (here) => ({
  contents: [
    "import { launch } from './src/cli/launch.ts';",
    here,
    `launch({ bundle: here('./cli-bundle.cjs'), mockBundle: here('./cli-mock.cjs'), key: '${key}' });`,
  ].join('\n'),
  resolveDir: root,
  sourcefile: 'cli-bin.js',
  loader: 'ts',
});
const binOptions = {
  absWorkingDir: root,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  plugins: [builtinsByCall],
  logLevel: 'warning',
};
/**
 * The bin is a CommonJS script (dist/src/cli.cjs): Node runs an ES module entry through its ES
 * loader (resolve, load, link, evaluate: about 5 ms before the first line), a .cjs file
 * through require. dist/src/cli.js is the same launcher as an ES module, for whoever runs
 * that path.
 */
await build({
  ...binOptions,
  stdin: launcher("const here = (file) => require('node:path').join(__dirname, file);"),
  outfile: cliCjs,
  format: 'cjs',
});
await build({
  ...binOptions,
  stdin: launcher(
    "import { fileURLToPath } from 'node:url';\nconst here = (file) => fileURLToPath(new URL(file, import.meta.url));",
  ),
  outfile: cli,
  format: 'esm',
});
chmodSync(cliCjs, 0o755);
