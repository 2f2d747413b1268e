import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const tlsDir = mkdtempSync(join(tmpdir(), 'connkit-cli-tls-'));
const outDir = mkdtempSync(join(tmpdir(), 'connkit-cli-out-'));
afterAll(() => {
  for (const d of [tlsDir, outDir]) rmSync(d, { recursive: true, force: true });
});

const env = { ...process.env, CONNKIT_TLS_DIR: tlsDir, NODE_EXTRA_CA_CERTS: undefined };
const cliArgs = ['--import', 'tsx', join(packageRoot, 'src', 'cli.ts')];

/** Runs `connkit <args>` to its end. */
function connkit(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [...cliArgs, ...args], {
      cwd: packageRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** Starts `connkit mock <args>` and waits for its banner; stop() sends SIGTERM and gives the exit code. */
async function mock(args: string[]) {
  const p = spawn(process.execPath, [...cliArgs, 'mock', '--port', '0', '--log-level', 'silent', ...args], {
    cwd: packageRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  p.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${out}${err}`)), 60_000);
    p.stdout.on('data', (d) => {
      out += d;
      if (/control API.*\n$/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${out}${err}`)));
  });
  return {
    banner: out,
    stop: async () => {
      if (p.exitCode === null) p.kill('SIGTERM');
      return exited;
    },
  };
}

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    );
  });
}

const oneErrorLine = (r: { code: number | null; err: string }, pattern: RegExp) => {
  expect(r.code, r.err).toBe(2);
  expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
  expect(r.err).toMatch(pattern);
};

describe('connkit: version, help and usage errors', () => {
  it('--version prints the package version, exit 0', async () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    const r = await connkit(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(version);
  });

  it('-h is help on every command, exit 0; mock keeps only --host for the host', async () => {
    const runs = await Promise.all([['-h'], ['verify', '-h'], ['mock', '-h']].map(connkit));
    for (const r of runs) {
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/^Usage: connkit/);
    }
    const mockHelp = runs[2].out;
    expect(mockHelp).toMatch(/^\s+--host <host>/m);
    expect(mockHelp).toMatch(/^\s+-h, --help/m);
    for (const flag of ['--tls', '--tls-port', '--tls-cert', '--tls-key']) expect(mockHelp).toContain(flag);
  });

  // Every flag's values are walked in-process (mock-flags.test.ts); these prove the exit code.
  it('usage errors exit 2 with one line, for both commands', async () => {
    const [none, unknownCommand, badPort, verifyBad] = await Promise.all(
      [[], ['bogus'], ['mock', '--port', 'abc'], ['verify', '--bogus']].map(connkit),
    );
    expect(none.code).toBe(2);
    oneErrorLine(unknownCommand, /unknown command 'bogus'/);
    oneErrorLine(badPort, /--port.*'abc'.*whole number from 0 to 65535/);
    oneErrorLine(verifyBad, /unknown option '--bogus'/);
  });

  it('suggestions follow on the same line, with no literal escape', async () => {
    const [command, flag] = await Promise.all([['mok'], ['mock', '--prot', '1']].map(connkit));
    oneErrorLine(command, /^error: unknown command 'mok' \(Did you mean mock\?\)$/m);
    oneErrorLine(flag, /^error: unknown option '--prot' \(Did you mean --port\?\)$/m);
    for (const r of [command, flag]) expect(r.err).not.toContain('\\');
  });
});

describe('connkit mock: starts, or says in one line why not (exit 2)', () => {
  it('--size 1 with --tls: every API at its prefixed and vendor paths, over http and https, the printed CA trusted; SIGTERM exits 0', async () => {
    const m = await mock(['--size', '1', '--tls', '--tls-port', '0']);
    try {
      const http = m.banner.match(/on (http:\/\/127\.0\.0\.1:\d+) and (https:\/\/127\.0\.0\.1:\d+)/)!;
      expect(http, m.banner).toBeTruthy();
      const caPath = m.banner.match(/NODE_EXTRA_CA_CERTS=(\S+)/)![1];
      expect(caPath).toBe(join(tlsDir, 'ca.pem'));
      // Per API: its prefixed base, its vendor base over http and https, and a curl on the first.
      // Within 100 columns: a curl that does not fit is one `connkit curl <api>` away.
      for (const line of m.banner.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
      const blocks = m.banner
        .split('\n\n')
        .filter((b) => /^\s+(curl |try it: )/m.test(b) && !b.includes('HTTPS:'))
        .map((b) => b.split('\n').map((l) => l.trim().replace(/\s+\(.*\)$/, '')));
      expect(blocks).toHaveLength(4);
      for (const block of blocks) {
        const tryIt = /^try it: eval "\$\(connkit (curl \w+ --url \S+)\)"$/.exec(block[4]);
        if (!tryIt) continue;
        const printed = await connkit(tryIt[1].split(' '));
        expect(printed.code, printed.err).toBe(0);
        block[4] = printed.out.trim();
      }
      const calls = blocks.flatMap(([, prefixed, vendor, vendorTls, curl]) => {
        expect(vendorTls.startsWith(http[2])).toBe(true);
        return [prefixed, vendor, vendorTls].map((base) => curl.replace(prefixed, base));
      });
      const script = `
        const calls = JSON.parse(process.argv[1]);
        const run = async (line) => {
          const tokens = [...line.matchAll(/'([^']*)'|(\\S+)/g)].map((m) => m[1] ?? m[2]).slice(1);
          const headers = {}; let url = '';
          for (let i = 0; i < tokens.length; i++) {
            if (tokens[i] === '-u') headers.Authorization = 'Basic ' + Buffer.from(tokens[++i]).toString('base64');
            else if (tokens[i] === '-H') { const [n, ...v] = tokens[++i].split(':'); headers[n] = v.join(':').trim(); }
            else url = tokens[i];
          }
          return (await fetch(url, { headers })).status;
        };
        const out = [];
        for (const c of calls) out.push(await run(c));
        console.log(JSON.stringify(out));`;
      const child = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', script, JSON.stringify([...calls, `curl ${http[2]}/__control/fixtures`])],
        {
          env: { ...process.env, NODE_EXTRA_CA_CERTS: caPath },
        },
      );
      expect(JSON.parse(child.stdout)).toEqual(Array(13).fill(200));
    } finally {
      expect(await m.stop()).toBe(0);
    }
  });

  it('a port in use, for http and for https', async () => {
    const { server, port } = await occupy();
    try {
      const [plain, tls] = await Promise.all([
        connkit(['mock', '--port', String(port)]),
        connkit(['mock', '--port', '0', '--tls-port', String(port)]),
      ]);
      oneErrorLine(plain, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      oneErrorLine(tls, new RegExp(`TLS port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      server.close();
    }
  });

  it('unreadable or bad certificate and key files', async () => {
    const garbage = join(outDir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate');
    const [missing, bad] = await Promise.all([
      connkit([
        'mock',
        '--port',
        '0',
        '--tls-cert',
        join(outDir, 'none.pem'),
        '--tls-key',
        join(outDir, 'none-key.pem'),
      ]),
      connkit(['mock', '--port', '0', '--tls-cert', garbage, '--tls-key', garbage]),
    ]);
    oneErrorLine(missing, /cannot read the TLS certificate .*none\.pem: no such file/);
    oneErrorLine(bad, /is not a PEM certificate/);
  });

  it('a host that is not this machine', async () => {
    oneErrorLine(
      await connkit(['mock', '--port', '0', '--host', 'no-such-host.invalid']),
      /cannot resolve the host no-such-host\.invalid/,
    );
  });
});

describe('connkit curl: one line why not (exit 2)', () => {
  it('no simulator at the URL, an API it does not serve, an unknown API', async () => {
    const { server, port } = await occupy();
    server.close();
    const m = await mock(['--size', '1', '--api', 'wingfield']);
    try {
      const url = /simulator on (http:\/\/\S+)/.exec(m.banner)?.[1] ?? '';
      const [nobody, notServed, unknown, served] = await Promise.all(
        [
          ['curl', 'auth0', '--url', `http://127.0.0.1:${port}`],
          ['curl', 'auth0', '--url', url],
          ['curl', 'nope'],
          ['curl', 'wingfield', '--url', url, '--session', 'it'],
        ].map(connkit),
      );
      oneErrorLine(nobody, new RegExp(`no connkit answers at http://127\\.0\\.0\\.1:${port}`));
      oneErrorLine(notServed, /does not serve auth0 \(it serves wingfield\)/);
      oneErrorLine(unknown, /unknown API 'nope'/);
      expect(served.code, served.err).toBe(0);
      expect(served.out).toMatch(
        new RegExp(
          `^curl -H 'X-Connkit-Session: it' -H 'Authorization: Bearer \\S+' '${url.replaceAll('.', '\\.')}/wingfield/api/v1/`,
        ),
      );
    } finally {
      await m.stop();
    }
  });
});

describe('connkit verify: the same exit codes', () => {
  it('1 when checks fail, 2 for a profile that cannot be read', async () => {
    // Answers 500 to everything: no operation refuses a request without credentials.
    const broken = createHttpServer((req, res) => res.writeHead(500, { 'Content-Type': 'application/json' }).end('{}'));
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/api/v1`;
    try {
      const profile = join(packageRoot, 'fixtures', 'profiles', 'wingfield.yaml');
      const [failed, noProfile] = await Promise.all([
        connkit([
          'verify',
          '--api',
          'wingfield',
          '--target',
          target,
          '--profile',
          profile,
          '--checks',
          'missing_auth_rejected',
          '--out',
          outDir,
        ]),
        connkit([
          'verify',
          '--api',
          'wingfield',
          '--target',
          target,
          '--profile',
          join(outDir, 'missing.yaml'),
          '--out',
          outDir,
        ]),
      ]);
      expect(failed.code, failed.out + failed.err).toBe(1);
      expect(noProfile.code, noProfile.out + noProfile.err).toBe(2);
    } finally {
      broken.close();
    }
  });
});
