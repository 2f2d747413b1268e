import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { specPath } from '../paths.js';
import { specNames } from './names.js';

/**
 * src/generated/specs.ts: every spec as a JSON string the core parses on first use. The
 * core then reads no file (a browser has none), and a string parses faster than YAML or an
 * object literal of the same size.
 */
export async function generateDocuments(): Promise<string> {
  const lines = [
    '// Generated from specs/*.yaml (npm run generate). Do not edit.',
    '',
    "import type { SpecName } from '../contract/names.js';",
    '',
    'export const specDocuments: Record<SpecName, () => unknown> = {',
  ];
  for (const name of specNames) {
    const doc: unknown = parse(await readFile(specPath(name), 'utf8'));
    lines.push(`  ${name}: () => JSON.parse(${JSON.stringify(JSON.stringify(doc))}),`);
  }
  lines.push('};', '');
  return lines.join('\n');
}
