// Build step: the CLI as one CommonJS script (dist/src/cli-bundle.cjs) and the bin that runs it
// (dist/src/cli.js, from src/cli/launch.ts) through V8's code cache. A cold start then reads one
// file instead of resolving a few hundred modules, and, from the second start of a command on,
// compiles little of it. The library entry points are bundled by scripts/bundle-lib.mjs.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'src', 'cli.js');
const bundle = join(root, 'dist', 'src', 'cli-bundle.cjs');

/**
 * Express requires body-parser when it loads (for `express.json()` and its kin), and body-parser
 * requires type-is, mime-db, raw-body and iconv-lite: about a fifth of the server chunk's start,
 * for parsers connkit never mounts (the core door reads bodies itself). Express gets parsers
 * that load body-parser on their first call instead; the real one is still bundled, and esbuild
 * runs a bundled CommonJS module only when it is first required.
 */
const lazyBodyParser = {
  name: 'lazy-body-parser',
  setup(b) {
    b.onResolve({ filter: /^body-parser$/ }, (args) =>
      /[\\/]express[\\/]lib[\\/]express\.js$/.test(args.importer)
        ? { path: 'lazy-body-parser', namespace: 'connkit' }
        : undefined,
    );
    b.onLoad({ filter: /^lazy-body-parser$/, namespace: 'connkit' }, () => ({
      resolveDir: dirname(cli),
      loader: 'js',
      contents: [
        "const real = () => require('body-parser');",
        'const lazy = (name) => (...args) => real()[name](...args);',
        "module.exports = Object.assign((...args) => real()(...args), { json: lazy('json'), raw: lazy('raw'), text: lazy('text'), urlencoded: lazy('urlencoded') });",
      ].join('\n'),
    }));
  },
};
// The ESM chunks of earlier builds.
rmSync(join(dirname(cli), 'cli-chunks'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outfile: bundle,
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
  // The launcher reads the script as latin1: esbuild's default ASCII output keeps that exact.
  charset: 'ascii',
  // paths.ts finds the package from its own URL: the script's, here.
  define: { 'import.meta.url': '__connkitUrl' },
  banner: { js: "const __connkitUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyBodyParser],
  logLevel: 'warning',
});
// The cache of one build is never offered to another: its name holds a digest of the bytes.
const key = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
await build({
  absWorkingDir: root,
  stdin: {
    contents: [
      "import { fileURLToPath } from 'node:url';",
      "import { launch } from './src/cli/launch.ts';",
      `launch({ bundle: fileURLToPath(new URL('./cli-bundle.cjs', import.meta.url)), key: '${key}' });`,
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'cli-bin.js',
    loader: 'ts',
  },
  outfile: cli,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
