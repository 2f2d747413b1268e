// The browser build's URI resolver (src/contract/browser-uri.ts, in fast-uri's place) gives
// ajv what fast-uri gives it, on every call ajv makes while compiling each spec's schemas.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fastUri from 'fast-uri';
import { describe, expect, it } from 'vitest';
import { ajvOptions, specId } from '../../src/contract/ajv-options.js';
import * as small from '../../src/contract/browser-uri.js';
import { readSpec, type Json, type JsonObject } from '../../src/contract/load.js';
import { specNames } from '../../src/contract/names.js';
import { runtimeDocument } from '../../src/contract/trim.js';

type Call = ['parse', string] | ['resolve', string, string];

/** Every pointer to a schema in the document: components and each `schema` member under paths. */
function schemaPointers(node: Json, at: string, out: string[]): string[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return out;
  for (const [k, v] of Object.entries(node)) {
    const here = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (k === 'schema') out.push(here);
    else schemaPointers(v, here, out);
  }
  return out;
}

describe.each([...specNames])('%s', (name) => {
  it('resolves every ref ajv asks about as fast-uri does', () => {
    const calls: Call[] = [];
    const recorder = {
      parse: (uri: string) => (calls.push(['parse', uri]), fastUri.parse(uri)),
      resolve: (base: string, ref: string) => (calls.push(['resolve', base, ref]), fastUri.resolve(base, ref)),
      serialize: fastUri.serialize,
    };
    const ajv = new Ajv2020({ ...ajvOptions, uriResolver: recorder });
    const doc = runtimeDocument(readSpec(name)) as JsonObject;
    const id = specId(name);
    ajv.addSchema({ ...doc, $id: id });
    const components = Object.keys((doc.components as JsonObject | undefined)?.schemas ?? {}).map(
      (s) => `/components/schemas/${s}`,
    );
    for (const pointer of [...components, ...schemaPointers(doc.paths, '/paths', [])])
      ajv.compile({ $ref: `${id}#${pointer}` });
    expect(calls.length).toBeGreaterThan(components.length);
    for (const call of calls) {
      if (call[0] === 'resolve')
        expect(small.resolve(call[1], call[2]), call.join(' ')).toBe(fastUri.resolve(call[1], call[2]));
      else {
        expect(small.serialize(small.parse(call[1])), call[1]).toBe(fastUri.serialize(fastUri.parse(call[1])));
        expect(small.parse(call[1]).fragment, call[1]).toBe(fastUri.parse(call[1]).fragment);
      }
    }
  });
});
