import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { ListenError, defaultTlsDir, listen } from '../../src/server/listen.js';

const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `connkit-${name}-`));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Answers which door the request came through. */
const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) =>
  res.end(JSON.stringify({ tls: 'encrypted' in req.socket && req.socket.encrypted === true, path: req.url }));

/** GET over HTTPS trusting only `ca` (no NODE_TLS_REJECT_UNAUTHORIZED games). */
function httpsGet(
  url: string,
  ca: Buffer | string,
  agent?: Agent,
): Promise<{ status: number; body: string; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, agent: agent ?? false }, (res) => {
      const fingerprint = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256;
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, fingerprint }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as import('node:net').AddressInfo).port }),
    );
  });
}

describe('listen(): plain http and https at once', () => {
  it('serves both, the https one to a client that trusts the printed CA, and a child node with NODE_EXTRA_CA_CERTS', async () => {
    const dir = tmp('tls');
    const l = await listen(handler, { host: '127.0.0.1', port: 0, tls: { port: 0, dir } });
    try {
      expect(l.url).toBe(`http://127.0.0.1:${l.port}`);
      expect(l.tlsUrl).toBe(`https://127.0.0.1:${l.tlsPort}`);
      expect(l.caPath).toBe(join(dir, 'ca.pem'));
      expect(JSON.parse(await (await fetch(`${l.url}/x`)).text())).toEqual({ tls: false, path: '/x' });

      const ca = readFileSync(l.caPath!);
      for (const url of [`${l.tlsUrl}/y`, `https://localhost:${l.tlsPort}/y`]) {
        const got = await httpsGet(url, ca);
        expect(JSON.parse(got.body), url).toEqual({ tls: true, path: '/y' });
      }
      // Without the CA the certificate is not trusted: the trust really comes from ca.pem.
      await expect(httpsGet(`${l.tlsUrl}/y`, '')).rejects.toThrow(/self-signed|unable to (get|verify)/i);

      const child = await promisify(execFile)(
        process.execPath,
        [
          '-e',
          `fetch(${JSON.stringify(`https://localhost:${l.tlsPort}/z`)}).then(r => r.text()).then(t => process.stdout.write(t))`,
        ],
        {
          env: { ...process.env, NODE_EXTRA_CA_CERTS: l.caPath },
        },
      );
      expect(JSON.parse(child.stdout)).toEqual({ tls: true, path: '/z' });
    } finally {
      await l.close();
    }
  });

  it('makes a CA and a leaf for localhost, 127.0.0.1 and ::1, keys readable by the owner only', async () => {
    const dir = tmp('tls');
    const l = await listen(handler, { host: '127.0.0.1', port: 0, tls: { port: 0, dir } });
    await l.close();
    const ca = new X509Certificate(readFileSync(join(dir, 'ca.pem')));
    const leaf = new X509Certificate(readFileSync(join(dir, 'localhost.pem')));
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkIP('::1')).toBe('::1');
    expect(leaf.checkHost('example.com')).toBeUndefined();
    for (const key of ['ca-key.pem', 'localhost-key.pem']) expect(statSync(join(dir, key)).mode & 0o077, key).toBe(0);
  });

  it('reuses the CA and certificate across starts (same files, same fingerprint)', async () => {
    const dir = tmp('tls');
    const first = await listen(handler, { host: '127.0.0.1', port: 0, tls: { port: 0, dir } });
    const ca = readFileSync(first.caPath!);
    const leafBefore = readFileSync(join(dir, 'localhost.pem'), 'utf8');
    const fp1 = (await httpsGet(first.tlsUrl!, ca)).fingerprint;
    await first.close();
    const second = await listen(handler, { host: '127.0.0.1', port: 0, tls: { port: 0, dir } });
    try {
      expect(second.caPath).toBe(first.caPath);
      expect(readFileSync(second.caPath!)).toEqual(ca);
      expect(readFileSync(join(dir, 'localhost.pem'), 'utf8')).toBe(leafBefore);
      const fp2 = (await httpsGet(second.tlsUrl!, ca)).fingerprint;
      expect(fp2).toBe(fp1);
    } finally {
      await second.close();
    }
  });

  it('two starts at once on an empty folder end with one CA both serve under', async () => {
    const dir = tmp('tls');
    const [a, b] = await Promise.all(
      [0, 1].map(() => listen(handler, { host: '127.0.0.1', port: 0, tls: { port: 0, dir } })),
    );
    try {
      const ca = readFileSync(join(dir, 'ca.pem'));
      for (const l of [a, b]) expect((await httpsGet(l.tlsUrl!, ca)).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("serves the user's own certificate, and a self-signed one is what a client trusts", async () => {
    const dir = tmp('own');
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    writeFileSync(join(dir, 'cert.pem'), pems.cert);
    writeFileSync(join(dir, 'key.pem'), pems.private);
    const l = await listen(handler, {
      host: '127.0.0.1',
      port: 0,
      tls: { port: 0, cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') },
    });
    try {
      expect(l.caPath).toBe(join(dir, 'cert.pem'));
      const got = await httpsGet(l.tlsUrl!, pems.cert);
      expect(got.fingerprint).toBe(new X509Certificate(pems.cert).fingerprint256);
    } finally {
      await l.close();
    }
  });

  it('close() ends both servers and the connections kept alive on them', async () => {
    const dir = tmp('tls');
    const l = await listen(handler, { host: '127.0.0.1', port: 0, tls: { port: 0, dir } });
    const agent = new Agent({ keepAlive: true });
    await httpsGet(l.tlsUrl!, readFileSync(l.caPath!), agent);
    await fetch(l.url); // undici keeps this one alive too
    const started = Date.now();
    await l.close();
    // Servers wait out a kept-alive connection's 5 s timeout unless close() ends it.
    expect(Date.now() - started).toBeLessThan(4000);
    await expect(fetch(l.url)).rejects.toThrow();
    await expect(httpsGet(l.tlsUrl!, readFileSync(l.caPath!))).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  });

  it('plain http alone without tls', async () => {
    const l = await listen(handler, { host: '127.0.0.1', port: 0 });
    try {
      expect(l.tlsUrl).toBeUndefined();
      expect(l.caPath).toBeUndefined();
      expect((await fetch(l.url)).status).toBe(200);
    } finally {
      await l.close();
    }
  });
});

describe('listen(): failures are one clear line', () => {
  const oneLine = (e: Error) => {
    expect(e).toBeInstanceOf(ListenError);
    expect(e.message).not.toContain('\n');
    return e.message;
  };

  it('a plain or TLS port in use, and nothing is left listening', async () => {
    const { server, port } = await occupy();
    try {
      expect(oneLine(await rejection(listen(handler, { host: '127.0.0.1', port })))).toBe(
        `port ${port} on 127.0.0.1 is already in use (pick another one)`,
      );
      // The plain server bound first: it must be closed again when the TLS one fails.
      const free = await occupy();
      free.server.close();
      const e = await rejection(
        listen(handler, { host: '127.0.0.1', port: free.port, tls: { port, dir: tmp('tls') } }),
      );
      expect(oneLine(e)).toBe(`TLS port ${port} on 127.0.0.1 is already in use (pick another one)`);
      const again = await listen(handler, { host: '127.0.0.1', port: free.port });
      await again.close();
    } finally {
      server.close();
    }
  });

  it('an out-of-range port and a host that is not this machine', async () => {
    expect(oneLine(await rejection(listen(handler, { host: '127.0.0.1', port: 70000 })))).toMatch(
      /^cannot listen on 127\.0\.0\.1:70000: /,
    );
    expect(oneLine(await rejection(listen(handler, { host: 'no-such-host.invalid', port: 0 })))).toBe(
      'cannot resolve the host no-such-host.invalid',
    );
  });

  it('bad, unreadable, mismatched or half-given certificate and key, checked before any port is bound', async () => {
    const dir = tmp('bad');
    const a = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', algorithm: 'sha256' });
    const b = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', algorithm: 'sha256' });
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cert = file('cert.pem', a.cert);
    const key = file('key.pem', a.private);
    const otherKey = file('other-key.pem', b.private);
    const garbage = file('garbage.pem', 'not a pem\n');
    const { server, port } = await occupy();
    server.close(); // a port free right now: a failure must not be a bind failure
    const attempt = (tls: { cert?: string; key?: string }) =>
      rejection(listen(handler, { host: '127.0.0.1', port, tls: { port: 0, ...tls } })).then(oneLine);

    expect(await attempt({ cert: join(dir, 'missing.pem'), key })).toBe(
      `cannot read the TLS certificate ${join(dir, 'missing.pem')}: no such file`,
    );
    expect(await attempt({ cert, key: dir })).toBe(`cannot read the TLS key ${dir}: is a folder`);
    expect(await attempt({ cert: garbage, key })).toBe(`the TLS certificate ${garbage} is not a PEM certificate`);
    expect(await attempt({ cert, key: garbage })).toBe(`the TLS key ${garbage} is not a PEM private key`);
    expect(await attempt({ cert, key: otherKey })).toBe(
      `the TLS key ${otherKey} does not belong to the certificate ${cert}`,
    );
    expect(await attempt({ cert })).toMatch(/give both or neither/);
    const after = await listen(handler, { host: '127.0.0.1', port });
    await after.close();
  });

  it('a TLS folder that cannot be written names the folder and the way out', async () => {
    const blocker = join(tmp('ro'), 'file');
    writeFileSync(blocker, '');
    const e = await rejection(
      listen(handler, { host: '127.0.0.1', port: 0, tls: { port: 0, dir: join(blocker, 'tls') } }),
    );
    expect(oneLine(e)).toMatch(new RegExp(`^cannot keep TLS files in ${join(blocker, 'tls')}: .*CONNKIT_TLS_DIR`));
  });
});

describe('defaultTlsDir', () => {
  it('is $CONNKIT_TLS_DIR, else under $XDG_STATE_HOME, else ~/.local/state', () => {
    expect(defaultTlsDir({ CONNKIT_TLS_DIR: '/x/tls', XDG_STATE_HOME: '/s' })).toBe('/x/tls');
    expect(defaultTlsDir({ XDG_STATE_HOME: '/s' })).toBe('/s/connkit/tls');
    expect(defaultTlsDir({})).toMatch(/\/\.local\/state\/connkit\/tls$/);
  });
});
