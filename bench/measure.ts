import type { RecordedAnswer } from './bare-server.js';
import { load, type Request } from './load.js';
import type { Row } from './results.js';

// Headers node:http writes itself; the rest of an answer's head is copied to the bare server.
const ownHeaders = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** One answer, recorded so the bare server can send the same status, headers and bytes. */
export async function record(url: string, r: Request, i: number): Promise<RecordedAnswer> {
  const res = await fetch(url, { method: r.method, headers: r.headers, body: r.body?.(i) });
  const body = Buffer.from(await res.arrayBuffer());
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!ownHeaders.has(name)) headers[name] = value;
  });
  return { status: res.status, headers, bodyBytes: body.length, bodyBase64: body.toString('base64') };
}

/** Mean body bytes over a few answers: a dynamic mock's answers differ in size. */
async function meanBodyBytes(url: string, r: Request, samples: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < samples; i++) {
    const res = await fetch(url, { method: r.method, headers: r.headers, body: r.body?.(i) });
    if (res.status >= 400) throw new Error(`${r.method} ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    total += (await res.arrayBuffer()).byteLength;
  }
  return Math.round(total / samples);
}

export interface RowSpec {
  id: string;
  label: string;
  version: string;
  flags: string[];
}

/**
 * A row: body size, then one second of warm-up (discarded: the JIT and the server's caches
 * settle), then the measured load. `bodyBytes` skips sampling (a write whose sample was taken).
 */
export async function measure(spec: RowSpec, baseUrl: string, r: Request, run: { duration: number } | { amount: number }, bodyBytes?: number): Promise<Row> {
  const bytes = bodyBytes ?? (await meanBodyBytes(baseUrl + r.path, r, 5));
  if ('duration' in run) await load(baseUrl, r, { duration: 1 });
  const result = await load(baseUrl, r, run);
  return { ...spec, bodyBytes: bytes, load: result };
}
