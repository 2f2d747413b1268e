import openapiTS, { astToString } from 'openapi-typescript';
import { pathToFileURL } from 'node:url';
import { specPath } from '../paths.js';

const banner = (name: string) =>
  `// Generated from specs/${name}.yaml by openapi-typescript (npm run generate). Do not edit.\n\n`;

/** The TypeScript module openapi-typescript makes of one spec, exactly as committed. */
export async function generateTypes(name: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath(name)), { alphabetize: false });
  return banner(name) + astToString(ast);
}
