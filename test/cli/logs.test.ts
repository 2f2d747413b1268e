import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { createServer } from '../../src/server/index.js';
import { shortUrl, type LogStream } from '../../src/server/log-lines.js';

// An SGR escape: what colour looks like in the bytes.
// Built from the ESC code point: a control character in a regex literal reads as a typo.
const esc = String.fromCharCode(27);
const ansi = new RegExp(`${esc}\\[\\d+m`);
const noEscapes = (s: string) => s.replace(new RegExp(`${esc}\\[\\d+m`, 'g'), '');

/** A stream that keeps what it is given; a TTY (with colours) when asked. */
function capture(tty: boolean): LogStream & { lines: () => string[] } {
  let text = '';
  return {
    isTTY: tty,
    hasColors: () => tty,
    write: (chunk: string) => (text += chunk),
    lines: () => text.split('\n').filter(Boolean),
  };
}

const orgs = 'http://127.0.0.1/wingfield/api/v1/external-services/00000000-0000-4000-8000-000000000000/organizations';

async function logOf(
  stream: ReturnType<typeof capture>,
  options: Parameters<typeof createServer>[0] = {},
): Promise<string[]> {
  const sim = createServer({ apis: ['wingfield'], sizes: { wingfield: 1 }, logStream: stream, ...options });
  await sim.handle(new Request(orgs));
  await sim.handle(new Request(orgs, { headers: { 'X-Connkit-Session': 'team-a', Prefer: 'scenario=server-error' } }));
  return stream.lines();
}

afterEach(() => vi.unstubAllEnvs());

describe('request logs', () => {
  it('a long URL loses its query, then the middle of its path, never its ends', () => {
    expect(shortUrl('/a/b?x=1', 80)).toBe('/a/b?x=1');
    expect(shortUrl(`/auth0/api/v2/organizations/org_1/connections?${'q'.repeat(60)}`, 50)).toBe(
      '/auth0/api/v2/organizations/org_1/connections?…',
    );
    const cut = shortUrl(`/wingfield/api/v1/external-services/${'0'.repeat(36)}/organizations`, 50);
    expect(cut).toHaveLength(50);
    expect(cut).toMatch(/^\/wingfield\/api\/v\S*…0+\/organizations$/);
  });

  it('on a TTY: one short coloured line per request with time, method, path, status, ms, then session and scenario when they say something', async () => {
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', undefined);
    const lines = await logOf(capture(true));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(ansi);
    const [plain, named] = lines.map(noEscapes);
    // The path's middle gives way so the line stays short: its start and end say what it was.
    expect(plain).toMatch(/^\d\d:\d\d:\d\d\.\d{3} GET \/wingfield\/api\/v1\/\S*…\S*\/organizations 401 \d+\.\dms$/);
    expect(plain.length).toBeLessThan(110);
    expect(named).toMatch(/ 500 \d+\.\dms session=team-a scenario=server-error$/);
  });

  it('NO_COLOR takes the colour away; FORCE_COLOR=0 too; FORCE_COLOR brings it to a pipe that asked for pretty', async () => {
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('FORCE_COLOR', undefined);
    const noColor = await logOf(capture(true));
    expect(noColor.join('\n')).not.toMatch(ansi);
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', '0');
    expect((await logOf(capture(true))).join('\n')).not.toMatch(ansi);
    vi.stubEnv('FORCE_COLOR', '1');
    expect((await logOf(capture(false), { logFormat: 'pretty' }))[0]).toMatch(ansi);
  });

  it('not a TTY, or --log-format json: pino JSON lines, as before', async () => {
    for (const [stream, options] of [
      [capture(false), {}],
      [capture(true), { logFormat: 'json' as const }],
    ] as const) {
      const lines = (await logOf(stream, options)).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({
        level: 30,
        api: 'wingfield',
        operationId: 'listExternalServiceOrganizations',
        status: 401,
        session: 'default',
      });
      expect(lines[1]).toMatchObject({ status: 500, session: 'team-a', scenarios: ['server-error'] });
    }
  });

  it('--log-level silent: no request lines in either format', async () => {
    expect(await logOf(capture(true), { logLevel: 'silent' })).toEqual([]);
  });
});

describe('connkit mock in a pseudo-terminal (script from util-linux)', () => {
  it('prints pretty lines there, without colour under NO_COLOR', async () => {
    const command = [
      process.execPath,
      '--import',
      'tsx',
      join(packageRoot, 'src', 'cli.ts'),
      'mock',
      '--port',
      '0',
      '--api',
      'wingfield',
      '--size',
      '1',
    ].join(' ');
    const p = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: packageRoot,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => p.once('exit', () => r()));
    let out = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        p.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /simulator on (http:\/\/[\d.:]+)/.exec(out);
          if (m && out.includes('control API')) resolve(m[1]);
        });
        void exited.then(() => reject(new Error(`exited: ${out}`)));
      });
      const before = out.length;
      await fetch(`${url}/wingfield/api/v1/external-services/x/organizations`);
      while (!out.slice(before).includes('\n')) await new Promise((r) => p.stdout.once('data', r));
      const line = out.slice(before).split(/\r?\n/)[0];
      expect(line).toMatch(
        /^\d\d:\d\d:\d\d\.\d{3} GET \/wingfield\/api\/v1\/external-services\/x\/organizations 40\d \d+\.\dms$/,
      );
      expect(out).not.toMatch(ansi);
    } finally {
      // Ctrl-C through the terminal: the server stops as it would for a person.
      p.stdin.write('\x03');
      await exited;
    }
  });
});
