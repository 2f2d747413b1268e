import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'connkit-bench-md-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench/markdown.ts before any bench run', () => {
  it('says in one line to run the bench first and exits 1, with no stack', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/markdown.ts', join(dir, 'results.json')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/run the bench first \(npm run bench\)/);
    expect(r.stderr).not.toMatch(/ENOENT|\bat .*:\d+:\d+/);
  });
});
