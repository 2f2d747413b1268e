// The built CLI leaves body-parser (and so zlib) and sonic-boom's assert unloaded until used
// (scripts/bundle-cli.mjs): a dependency that starts reading another member at load would
// bring them back into every start. So are https and tls (only a --tls start serves them) and
// v8 (read for the default memory budget only: this start gives --max-memory). Node's own module list, read when the server stops after
// its first answers, shows it. Runs the built bin, dist/src/cli.cjs.
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

/** Starts the built bin with `args`, runs `use` on its URL, and gives Node's module list at its exit. */
async function modulesAfter(args: string[], use: (url: string) => Promise<void>): Promise<string[]> {
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
    ['--require', preload, join(packageRoot, 'dist', 'src', 'cli.cjs'), 'mock', '--port', '0', ...args],
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
    await use(url);
  } finally {
    await stopChild(child);
  }
  return JSON.parse(readFileSync(listFile, 'utf8')) as string[];
}

describe('the built CLI at its first answers', () => {
  it('has not loaded the modules it requires on first use', async () => {
    const loaded = await modulesAfter(['--log-level', 'silent', '--max-memory', '1G'], async (url) => {
      // A request with a body (read by the core door, not body-parser) and a read.
      const reset = await fetch(`${url}/__control/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(reset.status).toBe(200);
      expect((await fetch(`${url}/__control/fixtures`)).status).toBe(200);
    });
    expect(loaded).toContain('NativeModule http');
    expect(loaded).not.toContain('NativeModule zlib');
    expect(loaded).not.toContain('NativeModule assert');
    for (const m of ['https', 'tls', '_tls_wrap', 'v8']) expect(loaded).not.toContain(`NativeModule ${m}`);
  }, 30_000);

  it('a silent start that serves vendor APIs only loads neither Express nor pino', async () => {
    // Indicators, since bundled modules are not in Node's list: Express requires debug, which
    // requires tty (stdout here is a pipe, so nothing else does), and pino's tools worker_threads.
    const fresh = await modulesAfter(['--log-level', 'silent'], async (url) => {
      // The core answers it (a vendor path), refused in LeadConduit's envelope: no key given.
      const res = await fetch(`${url}/leadconduit/connections`);
      expect(res.status).toBe(401);
      await res.arrayBuffer();
    });
    for (const m of ['tty', 'worker_threads']) expect(fresh).not.toContain(`NativeModule ${m}`);
    // And the indicators do show each: a control call loads Express, a logging start pino.
    const logging = await modulesAfter(['--log-level', 'info'], async (url) => {
      await (await fetch(`${url}/__control/health`)).arrayBuffer();
    });
    for (const m of ['tty', 'worker_threads']) expect(logging).toContain(`NativeModule ${m}`);
  }, 30_000);
});
