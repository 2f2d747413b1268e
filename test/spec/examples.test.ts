import { describe, expect, it } from 'vitest';
import { findExamples } from '../../src/contract/examples.js';
import { buildIndex } from '../../src/contract/index.js';
import { readSpec } from '../../src/contract/load.js';
import { specNames } from '../../src/contract/names.js';

describe.each([...specNames])('%s examples', (name) => {
  const doc = readSpec(name);
  const index = buildIndex(name, doc);
  const examples = findExamples(doc);

  it('has an example for every JSON response and request body', () => {
    for (const op of index.operations) {
      for (const [status, res] of op.responses) {
        if (!res.json) continue;
        expect(
          examples.some(
            (e) =>
              e.value !== undefined &&
              e.schemaPointer.includes('/responses/') &&
              matchesResponse(doc, op.path, op.method, status, e.at),
          ),
          `${op.id} ${status}`,
        ).toBe(true);
      }
    }
  });

  it.each(examples.map((e) => [e.at, e] as const))('%s validates against its schema', (_at, example) => {
    const validate = index.schemaValidator(example.schemaPointer);
    const ok = validate(example.value);
    expect(validate.errors ?? [], example.at).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('the example walker', () => {
  it('catches an example that breaks its schema', () => {
    const doc = readSpec('leadconduit');
    const examples = findExamples(doc);
    const target = examples.find((e) => e.at.startsWith('/paths/~1connections~1repair/post/responses/201/'))!;
    const index = buildIndex('leadconduit', doc);
    expect(index.schemaValidator(target.schemaPointer)({ id: 'not-an-object-id' })).toBe(false);
    expect(index.schemaValidator(target.schemaPointer)(target.value)).toBe(true);
  });
});

// A response's examples live either inline or in the component response it $refs.
function matchesResponse(
  doc: ReturnType<typeof readSpec>,
  path: string,
  method: string,
  status: string,
  at: string,
): boolean {
  const inline = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/`;
  if (at.startsWith(inline)) return true;
  const paths = doc.paths as Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
  const ref = paths[path][method].responses[status].$ref;
  return Boolean(ref && at.startsWith(`${ref.slice(1)}/`));
}
