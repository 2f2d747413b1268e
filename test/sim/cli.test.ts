import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

let child: ChildProcess;
let banner = '';

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(packageRoot, 'src', 'cli.ts'),
      'mock',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--log-level',
      'silent',
    ],
    {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${banner}`)), 30_000);
    child.stdout!.on('data', (d) => {
      banner += d;
      if (banner.includes('control API')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${banner}`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
});

/** Runs one printed `curl` line with fetch: -u user:pass, -H 'Name: value', the URL. */
async function runCurl(line: string): Promise<Response> {
  const tokens = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(1);
  const headers: Record<string, string> = {};
  let url = '';
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '-u') headers.Authorization = `Basic ${Buffer.from(tokens[++i]).toString('base64')}`;
    else if (tokens[i] === '-H') {
      const [name, ...value] = tokens[++i].split(':');
      headers[name] = value.join(':').trim();
    } else url = tokens[i];
  }
  return fetch(url, { headers });
}

describe('connkit mock', () => {
  it("prints every API's base URL and a curl that works", async () => {
    const lines = banner.split('\n').map((l) => l.trim());
    // A curl too long for the banner is printed by the `connkit curl` it names instead.
    const printed = lines.flatMap((l) => /^try it: eval "\$\(connkit (curl .*)\)"$/.exec(l)?.[1].split(' ') ?? []);
    const curls = lines.filter((l) => l.startsWith('curl '));
    for (let i = 0; i < printed.length; i += 4)
      curls.push(
        execFileSync(
          process.execPath,
          ['--import', 'tsx', join(packageRoot, 'src', 'cli.ts'), ...printed.slice(i, i + 4)],
          { cwd: packageRoot, encoding: 'utf8' },
        ).trim(),
      );
    expect(curls).toHaveLength(4);
    for (const prefix of ['/leadconduit', '/auth0/api/v2', '/mycreditapp/v1-beta', '/wingfield/api/v1'])
      expect(banner).toContain(prefix);
    for (const curl of curls) {
      const res = await runCurl(curl);
      expect(res.status, curl).toBe(200);
    }
  });

  it('stops on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('connkit verify (the command)', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'src', 'cli.ts'), 'verify', ...args], {
        cwd: packageRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.once('exit', (code) => resolve({ code, out }));
    });

  it('lists every check with one line each', async () => {
    const { code, out } = await cli(['--list-checks']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(40);
    for (const name of [
      'response_schema_conformance',
      'negative_data_rejection',
      'wf_claim_race',
      'lc_sso_outage_fail_open',
    ])
      expect(out).toMatch(new RegExp(`^${name} `, 'm'));
  });

  it('exits 2 when the target cannot be reached or arguments are missing', async () => {
    expect(
      (
        await cli([
          '--api',
          'auth0',
          '--target',
          'http://127.0.0.1:9/api/v2',
          '--control',
          'http://127.0.0.1:9/__control',
          '--timeout',
          '2000',
        ])
      ).code,
    ).toBe(2);
    expect((await cli(['--api', 'auth0'])).code).toBe(2);
  });
});
