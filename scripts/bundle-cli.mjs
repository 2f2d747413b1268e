// Build step: dist/src/cli.js, as tsc wrote it, becomes one bundled file. A cold start then
// reads one file instead of resolving and compiling a few hundred modules one by one (most of
// `connkit mock`'s start-up time went there); the library entry points stay as tsc wrote them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));

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
// Chunks are named by content hash: the last build's would pile up beside the new ones.
rmSync(join(dirname(cli), 'cli-chunks'), { recursive: true, force: true });
await build({
  entryPoints: [cli],
  outdir: dirname(cli),
  entryNames: '[name]',
  chunkNames: 'cli-chunks/[name]-[hash]',
  allowOverwrite: true,
  bundle: true,
  // `verify` and its reporters load only when that command runs; `mock` starts without them.
  splitting: true,
  // Less source to compile at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (express, pino…) require Node's built-ins at run time.
  banner: {
    js: "import { createRequire as __connkitRequire } from 'node:module'; const require = __connkitRequire(import.meta.url);",
  },
  plugins: [lazyBodyParser],
  logLevel: 'warning',
});
