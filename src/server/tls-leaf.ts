// The leaf certificate connkit's local CA issues, apart from tls.ts so that selfsigned (and the
// certificate libraries under it) load on the first TLS start only, not on every `connkit mock`.
import { isIP } from 'node:net';
import { generate } from 'selfsigned';

const day = 86_400_000;

/** A P-256 leaf for `names`, signed by `ca`, valid from a day ago for `leafDays` days. */
export async function newLeaf(
  ca: { cert: string; key: string },
  names: string[],
  leafDays: number,
): Promise<{ cert: string; key: string }> {
  const notBeforeDate = new Date(Date.now() - day);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + leafDays * day),
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })),
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
