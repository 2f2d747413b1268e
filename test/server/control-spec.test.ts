// Spec and simulator say the same thing: a malformed X-Connkit-Session answers a 400 that
// specs/control.yaml documents, on every control operation (enumerated from the spec).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specIndex } from '../../src/spec/registry.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

const control = specIndex('control');
const fill = (path: string) => path.replace('{api}', 'auth0').replace('{collection}', 'organizations').replace('{name}', 'latency');

describe('a malformed X-Connkit-Session on every control operation', () => {
  let t: TestSim;
  beforeAll(async () => {
    // validateResponses is on: an answer the spec does not document would come back as a 500.
    t = await testSimulator();
  });
  afterAll(() => t?.close());

  it.each(control.operations.map((op) => [op.id, op] as const))('%s declares the header and documents the 400 it answers', async (_id, op) => {
    expect(op.params.some((p) => p.in === 'header' && p.name === 'X-Connkit-Session')).toBe(true);
    expect(op.responses.has('400')).toBe(true);
    const res = await t.call({ method: op.method.toUpperCase(), path: `${control.prefix}${control.basePath}${fill(op.path)}`, headers: { 'X-Connkit-Session': 'no spaces allowed!' }, body: op.method === 'get' || op.method === 'delete' ? undefined : {} });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toContain('X-Connkit-Session');
  });
});
