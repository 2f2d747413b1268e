// TLS material you can trust: a damaged CA or key stops the start naming the file and
// --tls-renew; the folder and files are the owner's only on every start; the CA's name
// constraints let its key sign for this machine's names and nothing else (openssl says so).
import { execFile, execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { ListenError, listen } from '../../src/server/listen.js';
import { localCertificate } from '../../src/server/tls.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'connkit-tls-'));
  dirs.push(d);
  return join(d, 'tls');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const handler = (_req: IncomingMessage, res: ServerResponse) => res.end('ok');
const start = (dir: string, extra: { renew?: boolean; host?: string } = {}) =>
  listen(handler, { host: extra.host ?? '127.0.0.1', port: 0, tls: { port: 0, dir, renew: extra.renew } });
const fingerprint = (dir: string) => new X509Certificate(readFileSync(join(dir, 'ca.pem'))).fingerprint256;

async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('started');
}

describe('damaged TLS material', () => {
  it.each([
    ['ca.pem', '-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n'],
    ['ca-key.pem', 'not a key'],
    ['ca-key.pem', ''],
  ])('a damaged %s stops the start naming it and --tls-renew; the old material stays', async (file, content) => {
    const dir = tmp();
    await (await start(dir)).close();
    writeFileSync(join(dir, file), content);
    const e = await refusal(start(dir));
    expect(e).toBeInstanceOf(ListenError);
    expect(e.message).toContain(join(dir, file));
    expect(e.message).toContain('--tls-renew');
    expect(readFileSync(join(dir, file), 'utf8')).toBe(content);
  });

  it('a CA key that belongs to another CA, or a CA with its key gone, is damaged too', async () => {
    const dir = tmp();
    const other = tmp();
    await (await start(dir)).close();
    await (await start(other)).close();
    writeFileSync(join(dir, 'ca-key.pem'), readFileSync(join(other, 'ca-key.pem')));
    expect((await refusal(start(dir))).message).toMatch(/ca-key\.pem.*--tls-renew/);
    rmSync(join(dir, 'ca-key.pem'));
    expect((await refusal(start(dir))).message).toMatch(/ca-key\.pem.*missing.*--tls-renew/);
  });

  it('--tls-renew makes a new CA and a certificate that serves', async () => {
    const dir = tmp();
    await (await start(dir)).close();
    const before = fingerprint(dir);
    writeFileSync(join(dir, 'ca.pem'), 'garbage');
    const l = await start(dir, { renew: true });
    try {
      expect(fingerprint(dir)).not.toBe(before);
      // A client that trusts the new ca.pem is served.
      const child = await promisify(execFile)(
        process.execPath,
        [
          '-e',
          `fetch(${JSON.stringify(`https://localhost:${l.tlsPort}/`)}).then(r => r.text()).then(t => process.stdout.write(t))`,
        ],
        {
          env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') },
        },
      );
      expect(child.stdout).toBe('ok');
    } finally {
      await l.close();
    }
    // And it is kept: the next start reuses it.
    const again = fingerprint(dir);
    await (await start(dir)).close();
    expect(fingerprint(dir)).toBe(again);
  });

  it('a --host the CA may not sign for asks for --tls-renew rather than replacing the CA', async () => {
    const dir = tmp();
    await (await start(dir)).close();
    // A wildcard bind adds no name to sign for; a specific LAN name does.
    await (await start(dir, { host: '0.0.0.0' })).close();
    const before = fingerprint(dir);
    const e = await refusal(localCertificate(dir, ['mock.lan']));
    expect(e.message).toMatch(/may not sign for mock\.lan.*--tls-renew/);
    expect(fingerprint(dir)).toBe(before);
    await localCertificate(dir, ['mock.lan'], { renew: true });
    expect(fingerprint(dir)).not.toBe(before);
  });
});

describe('permissions', () => {
  it('puts the folder back to 0700 and every file to 0600 on every start', async () => {
    const dir = tmp();
    await (await start(dir)).close();
    chmodSync(dir, 0o755);
    for (const f of ['ca.pem', 'ca-key.pem', 'localhost.pem', 'localhost-key.pem']) chmodSync(join(dir, f), 0o644);
    await (await start(dir)).close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['ca.pem', 'ca-key.pem', 'localhost.pem', 'localhost-key.pem'])
      expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
  });
});

describe.runIf(hasOpenssl)('name constraints, as openssl reads them', () => {
  it('permit localhost, 127.0.0.0/8, ::1 and the --host only, critically', async () => {
    const dir = tmp();
    await localCertificate(dir, ['mock.lan', '192.168.7.9']);
    const text = execFileSync('openssl', ['x509', '-in', join(dir, 'ca.pem'), '-noout', '-text'], { encoding: 'utf8' });
    const block = /X509v3 Name Constraints: critical\n\s+Permitted:\n((?:\s+(?:DNS|IP):.*\n)+)/.exec(text);
    expect(block, text).not.toBeNull();
    const permitted = (block?.[1] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    expect(permitted).toEqual(
      [
        'DNS:localhost',
        'DNS:mock.lan',
        'IP:0:0:0:0:0:0:0:1/FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF',
        'IP:127.0.0.0/255.0.0.0',
        'IP:192.168.7.9/255.255.255.255',
      ].sort(),
    );
    expect(text).not.toMatch(/Excluded:/);
  });

  it('make a leaf the CA key signs for another name fail verification', async () => {
    const dir = tmp();
    await (await start(dir)).close();
    const ca = { cert: readFileSync(join(dir, 'ca.pem'), 'utf8'), key: readFileSync(join(dir, 'ca-key.pem'), 'utf8') };
    const issue = async (name: string) => {
      const pems = await generate([{ name: 'commonName', value: name }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        ca,
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'subjectAltName', altNames: [{ type: 2, value: name }] },
        ],
      });
      const path = join(dir, `${name}.pem`);
      writeFileSync(path, pems.cert);
      return path;
    };
    const verify = (leaf: string) => {
      try {
        return execFileSync('openssl', ['verify', '-CAfile', join(dir, 'ca.pem'), leaf], {
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (e) {
        return (
          String((e as { stdout?: string; stderr?: string }).stdout ?? '') +
          String((e as { stderr?: string }).stderr ?? '')
        );
      }
    };
    expect(verify(await issue('evil.example'))).toMatch(/permitted subtree violation/);
    expect(verify(await issue('app.localhost'))).toMatch(/: OK/);
    expect(verify(join(dir, 'localhost.pem'))).toMatch(/: OK/);
    expect(existsSync(join(dir, 'evil.example.pem'))).toBe(true);
  });
});

describe('connkit mock --tls-renew', () => {
  it('asks for TLS with new material, and does not go with a certificate of ones own', async () => {
    const { parseMock, UsageError } = await import('../../src/cli/mock.js');
    expect(parseMock(['--tls-renew']).tls).toEqual({ port: 4443, renew: true });
    expect(parseMock(['--tls']).tls?.renew).toBeUndefined();
    expect(() => parseMock(['--tls-renew', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toThrow(UsageError);
  });
});
