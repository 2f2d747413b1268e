// Writes src/generated/<spec>.ts from specs/<spec>.yaml with openapi-typescript.
// `--check` compares instead of writing, for CI and the drift test.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { generateTypes } from '../src/spec/generate.js';
import { specNames } from '../src/spec/names.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const name of specNames) {
  const file = join(packageRoot, 'src', 'generated', `${name}.ts`);
  const fresh = await generateTypes(name);
  if (check) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== fresh) {
      stale++;
      console.error(`stale: ${file} (run npm run generate)`);
    }
  } else {
    await writeFile(file, fresh);
    console.log(`wrote ${file}`);
  }
}
process.exitCode = stale ? 1 : 0;
