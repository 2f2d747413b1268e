import openapiTS, { astToString } from 'openapi-typescript';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { specPath } from '../paths.js';
import { derefDeep, type Json, type JsonObject } from './load.js';

const banner = (name: string) =>
  `// Generated from specs/${name}.yaml by openapi-typescript (npm run generate). Do not edit.\n\n`;

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The spec with each titled record schema of `x-connkit.internal` added to its component schemas
 * under its `title`, so the records a snapshot carries get their types from the one schema an
 * import checks them by. openapi-typescript reads only components; the schema goes in with its
 * $refs resolved, as some point into `x-connkit` where it would not follow them.
 */
export function withRecordTypes(doc: JsonObject, name: string): JsonObject {
  const internal = isObject(doc['x-connkit']) ? doc['x-connkit'].internal : undefined;
  if (!isObject(internal)) return doc;
  const components = isObject(doc.components) ? doc.components : {};
  const schemas: JsonObject = { ...(isObject(components.schemas) ? components.schemas : {}) };
  for (const [collection, schema] of Object.entries(internal)) {
    if (collection.startsWith('x-') || !isObject(schema)) continue;
    // Untitled: a component's schema already (its type is generated), or a part of one.
    const title = schema.title;
    if (typeof title !== 'string') continue;
    if (Object.hasOwn(schemas, title))
      throw new Error(`specs/${name}.yaml: x-connkit.internal.${collection}'s title ${title} is already a component`);
    // Its $defs are inlined by now; openapi-typescript would read them as a property.
    const { $defs: _defs, ...inlined } = derefDeep(doc, schema) as JsonObject;
    schemas[title] = inlined;
  }
  return { ...doc, components: { ...components, schemas } };
}

/** The TypeScript module openapi-typescript makes of one spec, exactly as committed. */
export async function generateTypes(name: string): Promise<string> {
  const doc = parse(await readFile(specPath(name), 'utf8')) as JsonObject;
  const ast = await openapiTS(withRecordTypes(doc, name) as never, { alphabetize: false });
  return banner(name) + astToString(ast);
}
