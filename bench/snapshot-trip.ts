import { createHash } from 'node:crypto';

export interface SnapshotTrip {
  bytes: number;
  exportMs: number;
  importMs: number;
  /** The session the snapshot went into exported the very same bytes. */
  sameBytes: boolean;
}

const ndjson = 'application/x-ndjson';

/** Streams an NDJSON export to a digest (never held whole); the digest and the byte count. */
async function exportDigest(url: string, session?: string): Promise<{ digest: string; bytes: number; ms: number }> {
  const t = performance.now();
  const res = await fetch(`${url}/__control/state`, {
    headers: { Accept: ndjson, ...(session ? { 'X-Connkit-Session': session } : {}) },
  });
  if (res.status !== 200 || !res.body) throw new Error(`export: ${res.status}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const reader = res.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    hash.update(r.value);
    bytes += r.value.length;
  }
  return { digest: hash.digest('hex'), bytes, ms: performance.now() - t };
}

/**
 * The default session's snapshot out through `GET /__control/state` and into a new session
 * through `PUT`, both streamed end to end (the export is piped into the import), then exported
 * again and compared by digest.
 */
export async function snapshotTrip(url: string): Promise<SnapshotTrip> {
  const first = await exportDigest(url);
  const source = await fetch(`${url}/__control/state`, { headers: { Accept: ndjson } });
  if (!source.body) throw new Error('export: no body');
  const t = performance.now();
  // A streamed request body needs `duplex: 'half'` in Node's fetch; the DOM types do not know it yet.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'PUT',
    headers: { 'Content-Type': ndjson, 'X-Connkit-Session': 'bench-restored' },
    body: source.body,
    duplex: 'half',
  };
  const put = await fetch(`${url}/__control/state`, init);
  if (put.status !== 200) throw new Error(`import: ${put.status} ${await put.text()}`);
  const importMs = performance.now() - t;
  const again = await exportDigest(url, 'bench-restored');
  return {
    bytes: first.bytes,
    exportMs: Math.round(first.ms),
    importMs: Math.round(importMs),
    sameBytes: again.digest === first.digest,
  };
}
