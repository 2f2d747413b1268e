import { describe, expect, it } from 'vitest';
import { readSpec } from '../../src/contract/load.js';
import { errorSchemaNames, specNames } from '../../src/contract/names.js';

// What a generated client may not declare at its top level without shadowing: JavaScript's and
// Node's globals, plus the DOM's most common ones (a browser bundle sees those too).
const globals = new Set([
  ...Object.getOwnPropertyNames(globalThis),
  'Document',
  'Element',
  'Event',
  'File',
  'Location',
  'Node',
  'Range',
  'Selection',
  'Storage',
  'Text',
  'Window',
  'Image',
  'Option',
  'History',
  'Screen',
]);

describe('schema names', () => {
  it.each(specNames)('%s: no component schema is named like a global (Error, Object, Date…)', (name) => {
    const schemas = Object.keys((readSpec(name).components as { schemas?: object } | undefined)?.schemas ?? {});
    expect(schemas.length).toBeGreaterThan(0);
    expect(schemas.filter((s) => globals.has(s))).toEqual([]);
    // The envelope keeps its wire format under the API's own name.
    expect(schemas).toContain(errorSchemaNames[name]);
  });
});
