// `format: email` in every spec says what the simulator does: a dotless domain (`v@io`) is
// refused by the spec's own pattern (what a third-party tester reads) and by the validator
// the simulator compiles from it.
import { describe, expect, it } from 'vitest';
import { specIndex } from '../../src/contract/registry.js';

type Node = { [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

/** JSON pointers of every schema with `format: email` in a spec document. */
function emailSchemas(doc: unknown, pointer = ''): string[] {
  if (!isNode(doc)) return [];
  const here = doc.format === 'email' ? [pointer] : [];
  return here.concat(
    Object.entries(doc).flatMap(([k, v]) =>
      emailSchemas(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    ),
  );
}

const cases = ['control', 'leadconduit', 'mycreditapp', 'auth0', 'wingfield'].flatMap((name) =>
  emailSchemas(specIndex(name).doc).map((pointer) => [name, pointer] as const),
);

describe('every format: email', () => {
  it('is found in the specs', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases)('%s %s refuses v@io in the spec and in the simulator, and takes v@x.io', (name, pointer) => {
    const index = specIndex(name);
    const node = pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((n, k) => (isNode(n) ? n[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), index.doc);
    if (!isNode(node) || typeof node.pattern !== 'string')
      throw new Error(`${pointer}: format email without a pattern`);
    expect(new RegExp(node.pattern, 'u').test('v@io')).toBe(false);
    expect(new RegExp(node.pattern, 'u').test('v@x.io')).toBe(true);
    const validate = index.schemaValidator(pointer);
    expect(validate('v@io')).toBe(false);
    expect(validate('v@x.io')).toBe(true);
  });
});
