// Build step: the page (src/page, Preact + TSX) bundled by esbuild into dist/page/, with
// Swagger UI's files beside it, so the simulator serves everything itself, offline.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'page');
mkdirSync(join(out, 'swagger'), { recursive: true });

await build({
  entryPoints: [join(root, 'src', 'page', 'main.tsx')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(join(root, 'src', 'page', 'index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'src', 'page', 'styles.css'), join(out, 'app.css'));
const swagger = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css'])
  copyFileSync(join(swagger, file), join(out, 'swagger', file));
