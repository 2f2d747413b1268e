import { AsnConvert } from '@peculiar/asn1-schema';
import {
  GeneralName,
  GeneralSubtree,
  GeneralSubtrees,
  NameConstraints,
  id_ce_nameConstraints,
} from '@peculiar/asn1-x509';
import {
  BasicConstraintsExtension,
  Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
  X509CertificateGenerator,
  cryptoProvider,
} from '@peculiar/x509';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { hostname } from 'node:os';

// Node 20's WebCrypto, the one @peculiar/x509 signs with.
cryptoProvider.set(globalThis.crypto);

const day = 86_400_000;
const caDays = 3650;

/**
 * The subtree a name needs permitted: a loopback IPv4 address the whole of 127.0.0.0/8, `::1`
 * itself, any other address itself, a DNS name itself and its subdomains (RFC 5280, 4.2.1.10).
 */
function subtreeFor(name: string): GeneralSubtree {
  const ip = isIP(name);
  if (ip === 4)
    return new GeneralSubtree({
      base: new GeneralName({ iPAddress: name.startsWith('127.') ? '127.0.0.0/8' : `${name}/32` }),
    });
  if (ip === 6) return new GeneralSubtree({ base: new GeneralName({ iPAddress: `${name}/128` }) });
  return new GeneralSubtree({ base: new GeneralName({ dNSName: name.toLowerCase() }) });
}

const der = (subtree: GeneralSubtree) => Buffer.from(AsnConvert.serialize(subtree)).toString('hex');

/** The names of `names` the CA's permitted subtrees do not cover (all of them if it has none). */
export function missingConstraints(caPem: string, names: string[]): string[] {
  const ext = new X509Certificate(caPem).getExtension(id_ce_nameConstraints);
  if (!ext) return names;
  const permitted = new Set((AsnConvert.parse(ext.value, NameConstraints).permittedSubtrees ?? []).map(der));
  return names.filter((n) => !permitted.has(der(subtreeFor(n))));
}

const pem = (label: string, bytes: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(bytes)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n?$/, '\n')}-----END ${label}-----\n`;

/**
 * A new local CA whose critical name constraints permit exactly `names` (loopback as whole
 * ranges): a leaf it signs for any other name fails verification in every client that honours
 * RFC 5280, so the key in the user's state folder is worth nothing to anyone else.
 * (selfsigned, which issues the leaf, has no name-constraints extension.)
 */
export async function localCa(names: string[]): Promise<{ cert: string; key: string }> {
  const keys = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const notBefore = new Date(Date.now() - day);
  const permitted = new GeneralSubtrees([...new Map(names.map((n) => [der(subtreeFor(n)), subtreeFor(n)])).values()]);
  const cert = await X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: [{ CN: [`connkit local CA (${hostname()})`] }, { O: ['connkit development'] }],
    notBefore,
    notAfter: new Date(notBefore.getTime() + caDays * day),
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new BasicConstraintsExtension(true, 0, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature, true),
      new Extension(
        id_ce_nameConstraints,
        true,
        AsnConvert.serialize(new NameConstraints({ permittedSubtrees: permitted })),
      ),
      await SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    cert: cert.toString('pem').replace(/\r\n/g, '\n').replace(/\n?$/, '\n'),
    key: pem('PRIVATE KEY', await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey)),
  };
}
