// Build step: dist/src/cli.js, as tsc wrote it, becomes one bundled file. A cold start then
// reads one file instead of resolving and compiling a few hundred modules one by one (most of
// `connkit mock`'s start-up time went there); the library entry points stay as tsc wrote them.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
await build({
  entryPoints: [cli],
  outfile: cli,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (express, pino…) require Node's built-ins at run time.
  banner: { js: "import { createRequire as __connkitRequire } from 'node:module'; const require = __connkitRequire(import.meta.url);" },
  logLevel: 'warning',
});
