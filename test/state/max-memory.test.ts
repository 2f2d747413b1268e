import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/cli/bytes.js';
import { mockCommand } from '../../src/cli/mock.js';
import { createServer } from '../../src/server/index.js';

describe('--max-memory', () => {
  const parse = parseBytes('max-memory', 16 * 2 ** 20);

  it('reads sizes with binary units, and refuses what is no size or too small, naming the flag', () => {
    expect(parse('512M')).toBe(512 * 2 ** 20);
    expect(parse('2G')).toBe(2 * 2 ** 30);
    expect(parse('1.5GiB')).toBe(1.5 * 2 ** 30);
    expect(parse(String(64 * 2 ** 20))).toBe(64 * 2 ** 20);
    expect(() => parse('lots')).toThrow(/--max-memory: 'lots' is not a size/);
    expect(() => parse('1M')).toThrow(/--max-memory: 1M is below/);
  });

  it('is a flag of connkit mock', () => {
    expect(mockCommand().options.map((o) => o.long)).toContain('--max-memory');
  });

  it('defaults in the server to three quarters of the heap limit, and takes a number of bytes', () => {
    const byDefault = createServer({ logLevel: 'silent' });
    expect(byDefault.memory().limit).toBe(Math.floor(getHeapStatistics().heap_size_limit * 0.75));
    expect(createServer({ logLevel: 'silent', maxMemory: 32 * 2 ** 20 }).memory().limit).toBe(32 * 2 ** 20);
  });
});
