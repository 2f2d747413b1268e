// The build-time body validators are imported by the first request with a body (a file of its
// own: no other test of this process has imported them yet).
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/contract/index.js';

describe('body validators on demand', () => {
  it('a read waits for nothing; the first body waits for its spec’s body checks, the next ones not', async () => {
    const index = buildIndex('wingfield');
    const read = index.operations.find((op) => op.method === 'get' && op.params.length);
    const write = index.operations.find((op) => op.body);
    if (!read || !write) throw new Error('wingfield has a read with parameters and a write with a body');
    expect(read.ready(false)).toBeUndefined();
    // A write sent without a body checks no body.
    expect(write.ready(false)).toBeUndefined();
    const first = write.ready(true);
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect(write.ready(true)).toBeUndefined();
    expect(index.ready()).toBeUndefined();
    // The build's code (ajv's run-time compile leaves its schema environment on the function).
    expect(write.body && 'schemaEnv' in write.body.validate).toBe(false);
  });
});
