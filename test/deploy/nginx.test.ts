import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/free-port.js';
import { packageRoot } from '../../src/paths.js';
import { findNginx, startMock, stopChild, type MockProcess } from '../helpers/processes.js';

// deploy/nginx.conf as shipped, in front of two connkit processes: only the addresses change.
const nginx = findNginx();
if (!nginx) console.warn('test/deploy/nginx.test.ts skipped: nginx is not installed here (apt-get install -y nginx; CI installs it)');

interface Sessions {
  instance: string;
  sessions: { name: string; scenarios: string[] }[];
}

describe.skipIf(!nginx)('deploy/nginx.conf: sessions hashed over two connkit processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'connkit-nginx-'));
  const mocks: MockProcess[] = [];
  let proxy: ChildProcess | undefined;
  let front = '';
  let log = '';

  const call = async (base: string, method: string, path: string, session?: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (session) headers['X-Connkit-Session'] = session;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const sessionsVia = async (base: string, session?: string) => (await call(base, 'GET', '/__control/sessions', session)).json as Sessions;
  const ssoConnections = async (session: string) => {
    const r = (await call(front, 'GET', '/__control/state/leadconduit', session)).json as { collections: { name: string; total: number }[] };
    return r.collections.find((c) => c.name === 'sso-connections')?.total;
  };

  beforeAll(async () => {
    mocks.push(await startMock(['--instance', 'a']), await startMock(['--instance', 'b']));
    const port = await freePort();
    const shipped = readFileSync(join(packageRoot, 'deploy', 'nginx.conf'), 'utf8');
    const conf = shipped
      .replace(/server connkit-a:4010;/, `server ${new URL(mocks[0]?.url ?? '').host};`)
      .replace(/server connkit-b:4010;/, `server ${new URL(mocks[1]?.url ?? '').host};`)
      .replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
    // If the shipped file changes shape, this test must notice rather than test something else.
    expect(conf.match(/127\.0\.0\.1:\d+;/g)).toHaveLength(3);
    writeFileSync(join(dir, 'nginx.conf'), conf);
    proxy = spawn(nginx ?? 'nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')} warn;`], { stdio: ['ignore', 'pipe', 'pipe'] });
    proxy.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    front = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const up = await fetch(`${front}/__control/health`).then((r) => r.ok, () => false);
      if (up) break;
      if (i > 100 || proxy.exitCode !== null) throw new Error(`nginx did not come up: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    if (proxy) await stopChild(proxy);
    await Promise.all(mocks.map((m) => m.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  const names = Array.from({ length: 16 }, (_, i) => `shard-${i}`);

  it('sends every request of a session to one process, and spreads the sessions over both', async () => {
    const home = new Map<string, string>();
    for (const name of names) {
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) seen.add((await sessionsVia(front, name)).instance);
      expect(seen.size, name).toBe(1);
      home.set(name, [...seen][0] ?? '');
    }
    expect(new Set(home.values())).toEqual(new Set(['a', 'b']));
    // Each process holds exactly the sessions hashed to it (asked directly, past the proxy).
    for (const [i, instance] of ['a', 'b'].entries()) {
      const direct = await sessionsVia(mocks[i]?.url ?? '');
      expect(direct.instance).toBe(instance);
      const held = direct.sessions.map((s) => s.name).filter((n) => n !== 'default');
      expect(held.sort()).toEqual(names.filter((n) => home.get(n) === instance).sort());
    }
  });

  it('sends the default session (no header) to one process every time', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) seen.add((await sessionsVia(front)).instance);
    expect(seen.size).toBe(1);
  });

  it('switches a scenario on for its session only, on the process that holds it', async () => {
    const on = await call(front, 'PUT', '/__control/scenarios/maintenance', 'shard-0', {});
    expect(on.status).toBe(200);
    for (const name of names) {
      const list = (await sessionsVia(front, name)).sessions.find((s) => s.name === name);
      expect(list?.scenarios, name).toEqual(name === 'shard-0' ? ['maintenance'] : []);
    }
    const maintained = await fetch(`${front}/v1-beta/host-connections`, { headers: { 'X-Connkit-Session': 'shard-0' } });
    expect(maintained.status).toBe(503);
    const other = await fetch(`${front}/v1-beta/host-connections`, { headers: { 'X-Connkit-Session': 'shard-1' } });
    expect(other.status).not.toBe(503);
    await call(front, 'DELETE', '/__control/scenarios/maintenance', 'shard-0');
  });

  it('resets only the session it names', async () => {
    const base = await ssoConnections('shard-2');
    for (const name of names) expect(await ssoConnections(name)).toBe(base);
    for (const name of names) expect((await call(front, 'POST', '/__control/leadconduit/sso-only-connections', name, {})).status).toBe(201);
    for (const name of names) expect(await ssoConnections(name)).toBe((base ?? 0) + 1);
    expect((await call(front, 'POST', '/__control/reset', 'shard-2', {})).status).toBe(200);
    for (const name of names) expect(await ssoConnections(name), name).toBe(name === 'shard-2' ? base : (base ?? 0) + 1);
  });

  it("streams a session's journal from its process, by header or by ?session= (EventSource sends no headers)", async () => {
    for (const [name, how] of [['shard-3', 'header'], ['shard-4', 'query']] as const) {
      const abort = new AbortController();
      const res = await fetch(`${front}/__control/journal/stream${how === 'query' ? `?session=${name}` : ''}`, { headers: how === 'header' ? { 'X-Connkit-Session': name } : {}, signal: abort.signal });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no stream body');
      await reader.read(); // the retry line: the stream is open
      const sent = await fetch(`${front}/v1-beta/host-connections`, { headers: { 'X-Connkit-Session': name } });
      expect(sent.status).toBe(401); // no credential: still journaled, under its session
      let text = '';
      while (!text.includes(`"session":"${name}"`)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += new TextDecoder().decode(value);
      }
      expect(text).toMatch(/event: entry/);
      abort.abort();
    }
  });
});
