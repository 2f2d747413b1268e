import type { X509Certificate, KeyObject } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { stateDir } from '../state-dir.js';

// The certificate libraries (@peculiar/x509, asn1js, pkijs: ~550 KiB that set up decorators and
// registries when loaded) are imported on the first TLS start only: a plain `connkit mock`
// never needs them, and loading them was a sixth of its cold start.
const caTools = () => import('./tls-ca.js');
const leafTools = () => import('./tls-leaf.js');
// Node's crypto and tls too: a plain-http mock never reads a certificate.
const nodeCrypto = () => import('node:crypto');

/** A problem with the socket layer the user can fix (a port, a file): one line, exit 2. */
export class ListenError extends Error {
  override name = 'ListenError';
}

export interface TlsMaterial {
  key: string;
  cert: string;
  /** The PEM a client must trust (NODE_EXTRA_CA_CERTS); unknown for a user's CA-issued cert. */
  caPath?: string;
}

/** Names every generated certificate covers: what a client on this machine calls it. */
export const localNames = ['localhost', '127.0.0.1', '::1'];

/**
 * Where the generated CA and certificate live, reused across starts so a client trusts the
 * CA once: `$CONNKIT_TLS_DIR`, else `$XDG_STATE_HOME/connkit/tls` (XDG's default for state
 * is `~/.local/state`).
 */
export function defaultTlsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CONNKIT_TLS_DIR) return env.CONNKIT_TLS_DIR;
  return join(stateDir(env), 'tls');
}

const files = (dir: string) => ({
  caCert: join(dir, 'ca.pem'),
  caKey: join(dir, 'ca-key.pem'),
  cert: join(dir, 'localhost.pem'),
  key: join(dir, 'localhost-key.pem'),
  lock: join(dir, '.lock'),
});

const day = 86_400_000;
// Browsers refuse server certificates valid for longer than 398 days, even from a local CA.
const leafDays = 397;
const renewWithinDays = 30;

const why = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such file'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'is a folder'
        : (e as Error).message;
};

async function readPem(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new ListenError(`cannot read the TLS ${what} ${path}: ${why(e)}`);
  }
}

const covers = (cert: X509Certificate, name: string) =>
  (isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined;
const validFor = (cert: X509Certificate, days: number) =>
  Date.parse(cert.validTo) - Date.now() > days * day && Date.parse(cert.validFrom) <= Date.now();

/** The user's own certificate and key (`--tls-cert`, `--tls-key`), checked before any port is bound. */
export async function userCertificate(certPath: string, keyPath: string): Promise<TlsMaterial> {
  // Read one after the other: when both are missing, the message always names the certificate.
  const cert = await readPem(certPath, 'certificate');
  const key = await readPem(keyPath, 'key');
  const { X509Certificate, createPrivateKey } = await nodeCrypto();
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new ListenError(`the TLS certificate ${certPath} is not a PEM certificate`);
  }
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey(key);
  } catch (e) {
    const encrypted = /passphrase|encrypted/i.test((e as Error).message) || key.includes('ENCRYPTED');
    throw new ListenError(
      `the TLS key ${keyPath} is ${encrypted ? 'encrypted: give an unencrypted PEM key' : 'not a PEM private key'}`,
    );
  }
  if (!x509.checkPrivateKey(keyObject))
    throw new ListenError(`the TLS key ${keyPath} does not belong to the certificate ${certPath}`);
  if (Date.parse(x509.validTo) < Date.now())
    throw new ListenError(
      `the TLS certificate ${certPath} expired on ${new Date(x509.validTo).toISOString().slice(0, 10)}`,
    );
  try {
    (await import('node:tls')).createSecureContext({ cert, key });
  } catch (e) {
    throw new ListenError(`the TLS certificate ${certPath} cannot be used: ${(e as Error).message}`);
  }
  // A self-signed certificate is its own trust anchor; one issued by a CA needs that CA trusted.
  const selfSigned = x509.issuer === x509.subject && x509.verify(x509.publicKey);
  return { cert, key, caPath: selfSigned ? certPath : undefined };
}

/** The flag that replaces the folder's material, named in every message that needs it. */
export const renewFlag = '--tls-renew';

const damaged = (path: string, what: string, state = 'damaged or unreadable') =>
  new ListenError(
    `the TLS ${what} ${path} is ${state}: start once with ${renewFlag} to make a new CA and certificate (clients must then trust the new ca.pem)`,
  );

/**
 * What is in the folder, if it still serves: a CA valid for a while whose name constraints
 * cover `names`, and a leaf it signed for them. A CA or CA key that is there but cannot be
 * used is an error naming it, never replaced silently: every client that trusts the old CA
 * would fail with nothing to say why. A leaf that cannot be used is simply issued again.
 */
async function stored(
  dir: string,
  names: string[],
): Promise<{ ca?: { cert: string; key: string }; leaf?: TlsMaterial }> {
  const f = files(dir);
  const read = (p: string) =>
    readFile(p, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw damaged(p, p === f.caKey ? 'CA key' : 'file');
    });
  const [caCert, caKey, cert, key] = await Promise.all([read(f.caCert), read(f.caKey), read(f.cert), read(f.key)]);
  if (!caCert && !caKey) return {};
  if (!caCert) throw damaged(f.caCert, 'CA certificate', 'missing (its key is there)');
  if (!caKey) throw damaged(f.caKey, 'CA key', 'missing (its certificate is there)');
  const { X509Certificate, createPrivateKey } = await nodeCrypto();
  let ca: X509Certificate;
  try {
    ca = new X509Certificate(caCert);
  } catch {
    throw damaged(f.caCert, 'CA certificate');
  }
  let caKeyObject: KeyObject;
  try {
    caKeyObject = createPrivateKey(caKey);
  } catch {
    throw damaged(f.caKey, 'CA key');
  }
  if (!ca.ca || !ca.checkPrivateKey(caKeyObject)) throw damaged(f.caKey, 'CA key', 'not the key of ca.pem');
  if (!validFor(ca, leafDays))
    throw new ListenError(
      `the TLS CA ${f.caCert} expires on ${new Date(ca.validTo).toISOString().slice(0, 10)}: start once with ${renewFlag} to make a new one`,
    );
  const uncovered = (await caTools()).missingConstraints(caCert, names);
  if (uncovered.length)
    throw new ListenError(
      `the TLS CA ${f.caCert} may not sign for ${uncovered.join(', ')} (its name constraints do not permit it): start once with ${renewFlag} to make a CA that may`,
    );
  const kept = { ca: { cert: caCert, key: caKey } };
  if (!cert || !key) return kept;
  try {
    const leaf = new X509Certificate(cert);
    const ok =
      leaf.verify(ca.publicKey) &&
      leaf.checkPrivateKey(createPrivateKey(key)) &&
      validFor(leaf, renewWithinDays) &&
      names.every((n) => covers(leaf, n));
    return ok ? { ...kept, leaf: { cert, key, caPath: f.caCert } } : kept;
  } catch {
    return kept;
  }
}

/** Owner only, on every start: the CA key signs for this machine's names, nobody else's business. */
async function tighten(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  const f = files(dir);
  await Promise.all(
    [f.caCert, f.caKey, f.cert, f.key].map((p) =>
      chmod(p, 0o600).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e))),
    ),
  );
}

/** Files are replaced whole (write aside, rename), so a reader never sees half of one. */
async function put(path: string, text: string, mode: number): Promise<void> {
  const aside = `${path}.${process.pid}.tmp`;
  await writeFile(aside, text, { mode });
  await rename(aside, path);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two connkits starting at once must not each write a CA of their own: one makes, the other waits. */
async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 30_000) await unlink(lock).catch(() => undefined);
      else if (Date.now() > deadline)
        throw new ListenError(`another connkit holds ${lock}; remove it if none is running`);
      else await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

/**
 * The local CA and a certificate it signed for `localNames` (and any extra name), made on
 * first use and reused while valid: a client that trusts `ca.pem` once keeps trusting
 * every later start. The leaf is re-issued (same CA) when it nears its end or lacks a name;
 * the CA only with `renew` (`--tls-renew`). The CA's name constraints permit `localhost`, the
 * loopback addresses and the extra names only, so its key can sign for nothing else.
 */
export async function localCertificate(
  dir: string,
  extraNames: string[] = [],
  options: { renew?: boolean } = {},
): Promise<TlsMaterial> {
  const names = [...new Set([...localNames, ...extraNames])];
  const f = files(dir);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await tighten(dir);
    if (!options.renew) {
      const found = await stored(dir, names);
      if (found.leaf) return found.leaf;
    }
    return await withLock(f.lock, async () => {
      const again = options.renew ? {} : await stored(dir, names);
      if (again.leaf) return again.leaf;
      const ca = again.ca ?? (await (await caTools()).localCa(names));
      if (!again.ca) {
        await put(f.caKey, ca.key, 0o600);
        await put(f.caCert, ca.cert, 0o600);
      }
      const leaf = await (await leafTools()).newLeaf(ca, names, leafDays);
      await put(f.key, leaf.key, 0o600);
      await put(f.cert, leaf.cert, 0o600);
      return { ...leaf, caPath: f.caCert };
    });
  } catch (e) {
    if (e instanceof ListenError) throw e;
    throw new ListenError(`cannot keep TLS files in ${dir}: ${why(e)} (set CONNKIT_TLS_DIR to another folder)`);
  }
}
