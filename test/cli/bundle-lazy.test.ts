// The built CLI leaves body-parser (and so zlib) and sonic-boom's assert unloaded until used
// (scripts/bundle-cli.mjs): a dependency that starts reading another member at load would
// bring them back into every start. So are https and tls (only a --tls start serves them) and
// v8 (read for the default memory budget only: this start gives --max-memory). Node's own module list, read when the server stops after
// its first answers, shows it. Runs the built bin, dist/src/cli.js.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { stopChild } from '../helpers/processes.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the built CLI at its first answers', () => {
  it('has not loaded the modules it requires on first use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'connkit-lazy-'));
    dirs.push(dir);
    const listFile = join(dir, 'modules.json');
    const preload = join(dir, 'preload.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, JSON.stringify(process.moduleLoadList)));`,
    );
    const child = spawn(
      process.execPath,
      [
        '--require',
        preload,
        join(packageRoot, 'dist', 'src', 'cli.js'),
        'mock',
        '--port',
        '0',
        '--log-level',
        'silent',
        '--max-memory',
        '1G',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, XDG_STATE_HOME: dir } },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /connkit simulator on (http:\/\/\S+)/.exec(out);
          if (m?.[1] && out.includes('control API')) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      // A request with a body (read by the core door, not body-parser) and a read.
      const reset = await fetch(`${url}/__control/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(reset.status).toBe(200);
      expect((await fetch(`${url}/__control/fixtures`)).status).toBe(200);
    } finally {
      await stopChild(child);
    }
    const loaded = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
    expect(loaded).toContain('NativeModule http');
    expect(loaded).not.toContain('NativeModule zlib');
    expect(loaded).not.toContain('NativeModule assert');
    for (const m of ['https', 'tls', '_tls_wrap', 'v8']) expect(loaded).not.toContain(`NativeModule ${m}`);
  }, 30_000);
});
