// Writes src/generated/<spec>.ts from specs/<spec>.yaml with openapi-typescript, and
// src/generated/specs.ts with the documents themselves, src/generated/operations.ts with the
// operations of every spec by name, src/generated/validators/ with ajv's standalone code of the
// validators each spec's index asks for.
// `--check` compares instead of writing, for CI and the drift test.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { generateDocuments } from '../src/contract/generate-documents.js';
import { generateTypes } from '../src/contract/generate.js';
import { generateOperations } from '../src/contract/generate-operations.js';
import { generateValidatorIndex, generateValidators, validatorParts } from '../src/contract/generate-validators.js';
import { specNames } from '../src/contract/names.js';

const check = process.argv.includes('--check');
let stale = 0;
const outputs: [string, () => Promise<string>][] = [
  ...specNames.map((name): [string, () => Promise<string>] => [`${name}.ts`, () => generateTypes(name)]),
  ['specs.ts', generateDocuments],
  ['operations.ts', generateOperations],
  ...validatorParts.flatMap((part): [string, () => Promise<string>][] => [
    ...specNames.map((name): [string, () => Promise<string>] => [
      `validators/${name}.${part}.ts`,
      () => Promise.resolve(generateValidators(name, part)),
    ]),
    [`validators/${part}.ts`, () => Promise.resolve(generateValidatorIndex(part))],
  ]),
];
for (const [out, make] of outputs) {
  const file = join(packageRoot, 'src', 'generated', out);
  const fresh = await make();
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
