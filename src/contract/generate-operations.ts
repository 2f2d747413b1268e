import { specNames } from './names.js';

/**
 * src/generated/operations.ts: every spec's generated `operations`, by spec name, so generic
 * code (the journal's typed queries) reads them from one table the specs write, and names no
 * vendor itself.
 */
export function generateOperations(): Promise<string> {
  const lines = ['// Generated from specs/*.yaml (npm run generate). Do not edit.', ''];
  for (const name of specNames) lines.push(`import type { operations as ${name}Operations } from './${name}.js';`);
  lines.push(
    '',
    "/** Each spec's operations (openapi-typescript), by spec name. */",
    'export interface OperationsBySpec {',
  );
  for (const name of specNames) lines.push(`  ${name}: ${name}Operations;`);
  lines.push('}', '');
  return Promise.resolve(lines.join('\n'));
}
