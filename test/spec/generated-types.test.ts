import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { generateDocuments } from '../../src/contract/generate-documents.js';
import { generateTypes } from '../../src/contract/generate.js';
import { specNames } from '../../src/contract/names.js';

describe.each([...specNames])('src/generated/%s.ts', (name) => {
  it('is what openapi-typescript makes of the spec today (run npm run generate)', async () => {
    const committed = await readFile(join(packageRoot, 'src', 'generated', `${name}.ts`), 'utf8');
    expect(committed).toBe(await generateTypes(name));
  });
});

describe('src/generated/specs.ts', () => {
  it('holds every spec exactly as specs/*.yaml says it today (run npm run generate)', async () => {
    const committed = await readFile(join(packageRoot, 'src', 'generated', 'specs.ts'), 'utf8');
    expect(committed).toBe(await generateDocuments());
  });
});
