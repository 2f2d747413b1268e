import { escapePointer, type Json, type JsonObject } from './load.js';

export interface FoundExample {
  /** Where the example sits, for messages. */
  at: string;
  /** Pointer of the schema the example must satisfy. */
  schemaPointer: string;
  value: Json;
}

/**
 * Every example a spec holds: media-type and parameter `example`/`examples` (checked against
 * their `schema`) and JSON Schema `examples` arrays (checked against the schema holding them).
 */
export function findExamples(doc: JsonObject): FoundExample[] {
  const found: FoundExample[] = [];
  const walk = (node: Json, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${pointer}/${i}`));
    const hasSchema = node.schema !== undefined && typeof node.schema === 'object';
    if (hasSchema && node.example !== undefined)
      found.push({ at: `${pointer}/example`, schemaPointer: `${pointer}/schema`, value: node.example });
    if (hasSchema && node.examples && typeof node.examples === 'object' && !Array.isArray(node.examples)) {
      for (const [key, ex] of Object.entries(node.examples)) {
        const value = (ex as JsonObject).value;
        if (value !== undefined)
          found.push({ at: `${pointer}/examples/${escapePointer(key)}`, schemaPointer: `${pointer}/schema`, value });
      }
    }
    if (!hasSchema && Array.isArray(node.examples))
      node.examples.forEach((value, i) =>
        found.push({ at: `${pointer}/examples/${i}`, schemaPointer: pointer, value }),
      );
    for (const [key, child] of Object.entries(node)) {
      // Example values are data, not spec: a member named `schema` inside one means nothing.
      if (key === 'examples' || key === 'example') continue;
      walk(child, `${pointer}/${escapePointer(key)}`);
    }
  };
  walk(doc, '');
  return found;
}
