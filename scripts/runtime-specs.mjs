// An esbuild plugin for bundles whose core reads the runtime copies of the specs
// (without the prose and examples written for readers: the core never reads them). It
// puts, in place of src/contract/documents.ts, the generated documents with each one trimmed by
// runtimeDocument (src/contract/trim.ts); src/contract/full-spec.ts still reads them whole.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export async function runtimeSpecs() {
  const trim = await build({
    absWorkingDir: root,
    entryPoints: ['src/contract/trim.ts'],
    bundle: true,
    format: 'esm',
    write: false,
  });
  const { runtimeDocument } = await import(`data:text/javascript,${encodeURIComponent(trim.outputFiles[0].text)}`);
  const generated = join(root, 'src', 'generated', 'specs.ts');
  return {
    name: 'runtime-specs',
    setup(b) {
      b.onLoad({ filter: /src[\\/]contract[\\/]documents\.ts$/ }, () => ({
        contents: readFileSync(generated, 'utf8').replace(
          /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/g,
          (_, text) => `JSON.parse(${JSON.stringify(JSON.stringify(runtimeDocument(JSON.parse(JSON.parse(text)))))})`,
        ),
        // The generated module's own imports resolve from where it is.
        resolveDir: join(root, 'src', 'generated'),
        loader: 'ts',
      }));
    },
  };
}
