// The runtime copy of a spec (the browser build's) drops what is written for readers, and
// nothing a schema or the core reads. (The copy validators compile from is checked by
// generated-validators.test.ts: the same issues as the whole spec's.)
import { describe, expect, it } from 'vitest';
import { readSpec, type JsonObject } from '../../src/contract/load.js';
import { buildIndex } from '../../src/contract/index.js';
import { specNames } from '../../src/contract/names.js';
import { runtimeDocument } from '../../src/contract/trim.js';

const doc: JsonObject = {
  info: { title: 't', description: 'prose' },
  components: {
    schemas: {
      description: { type: 'object', description: 'prose', properties: { description: { type: 'string' } } },
    },
  },
  paths: { '/a': { get: { summary: 'Reads a', description: 'prose', 'x-connkit-assumption': 'why', responses: {} } } },
  'x-connkit': { state: { rows: { properties: { name: { type: 'string', description: 'shown in the editor' } } } } },
};

describe('runtimeDocument', () => {
  it('drops prose, examples and assumptions, and keeps names, summaries and x- members whole', () => {
    expect(runtimeDocument(doc)).toEqual({
      info: { title: 't' },
      components: { schemas: { description: { type: 'object', properties: { description: { type: 'string' } } } } },
      paths: { '/a': { get: { summary: 'Reads a', responses: {} } } },
      'x-connkit': doc['x-connkit'],
    });
  });

  it.each([...specNames])('%s: every operation indexes alike from the runtime copy', (name) => {
    const full = buildIndex(name, readSpec(name));
    const trimmed = buildIndex(name, runtimeDocument(readSpec(name)) as JsonObject);
    const shape = (i: typeof full) =>
      i.operations.map((o) => ({ id: o.id, summary: o.summary, params: o.params, body: o.body?.schema, ext: o.ext }));
    const unprose = (v: unknown) => JSON.parse(JSON.stringify(runtimeDocument(JSON.parse(JSON.stringify(v)))));
    expect(shape(trimmed)).toEqual(unprose(shape(full)));
  });
});
