// `connkit mock --persist DIR`: killed with SIGKILL at seeded random moments during a stream
// of writes, restarted, it still has every write acknowledged more than the flush interval
// before the kill; a damaged state file stops the start (exit 2) naming it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Faker, en } from '@faker-js/faker';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { persistFile } from '../../src/server/persist.js';

const cliArgs = ['--import', 'tsx', join(packageRoot, 'src', 'cli.ts')];
const intervalMs = 200;
const dir = mkdtempSync(join(tmpdir(), 'connkit-persist-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `connkit mock --persist dir` on a free port; resolves with its URL once the banner is out. */
function start(): Promise<{ url: string; child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    [
      ...cliArgs,
      'mock',
      '--port',
      '0',
      '--log-level',
      'silent',
      '--persist',
      dir,
      '--persist-interval',
      String(intervalMs),
    ],
    {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /connkit simulator on (http:\/\/[^\s]+)/.exec(out);
      if (m && /control API/.test(out)) resolve({ url: m[1], child, exited });
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

/** A write the state must keep: a new LeadConduit API key, acknowledged when its answer arrives. */
async function mint(url: string): Promise<string> {
  const res = await fetch(`${url}/__control/leadconduit/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`mint answered ${res.status}`);
  return ((await res.json()) as { api_key: string }).api_key;
}

describe('--persist', () => {
  it('keeps every write acknowledged more than the flush interval before a SIGKILL', async () => {
    // Seeded: the same kill moments on every run.
    const dice = new Faker({ locale: en, seed: 1717 });
    const delays = [1, 2, 3, 4].map(() => dice.number.int({ min: 150, max: 1200 }));
    const acked: { key: string; at: number }[] = [];
    const mustHave: string[] = [];
    for (const delay of delays) {
      const { url, child, exited } = await start();
      let running = true;
      const writer = (async () => {
        while (running) {
          try {
            const key = await mint(url);
            acked.push({ key, at: performance.now() });
          } catch {
            return;
          }
        }
      })();
      await new Promise((r) => setTimeout(r, delay));
      const killedAt = performance.now();
      child.kill('SIGKILL');
      running = false;
      await exited;
      await writer;
      for (const a of acked) if (a.at < killedAt - intervalMs) mustHave.push(a.key);
      acked.length = 0;
    }
    expect(mustHave.length).toBeGreaterThan(10);
    const { url, child, exited } = await start();
    const state = await (await fetch(`${url}/__control/state`)).text();
    const missing = mustHave.filter((k) => !state.includes(k));
    expect(missing).toEqual([]);
    // And each is a working credential again, not just text in a file.
    const res = await fetch(`${url}/leadconduit/connections`, {
      headers: { Authorization: `Basic ${Buffer.from(`API:${mustHave[0]}`).toString('base64')}` },
    });
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('writes at shutdown what changed just before it', async () => {
    const first = await start();
    const key = await mint(first.url);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const again = await start();
    expect(await (await fetch(`${again.url}/__control/state`)).text()).toContain(key);
    again.child.kill('SIGTERM');
    await again.exited;
  });

  const header = '{"connkit":1,"format":"ndjson","session":"default","seed":42}';
  it.each([
    ['not JSON', `${header}\n{"api":"auth0","path":[],"value":{}}\n{"api":`],
    [
      'a snapshot with a collection replaced by a number',
      `${header}\n{"api":"auth0","path":[],"value":{}}\n{"api":"auth0","path":["links"],"value":5}\n`,
    ],
    ['a session header without its name', '{"connkit":1,"format":"ndjson","seed":42}\n'],
    ['another file', JSON.stringify({ hello: 'world' })],
  ])(
    'refuses to start on a damaged state file (%s): exit 2 naming it, the file left as it was',
    async (_what, text) => {
      const path = join(dir, persistFile);
      writeFileSync(path, text);
      const started = start();
      await expect(started).rejects.toThrow(/exited 2: .*--persist: the state file .*connkit-state\.ndjson is damaged/);
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
  );
});
