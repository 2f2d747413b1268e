import { loadavg } from 'node:os';
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
    if (res.status >= 400)
      throw new Error(`${r.method} ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
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

/** Discarded before each timed read: the JIT and the server's caches settle. */
export type WarmUp = { duration: number } | { amount: number };

/**
 * A row: body size, then a warm-up (a fresh Node server needs seconds of load before its JIT
 * settles: 2 s at 50 connections measured a third of the steady rate), then the measured load. `bodyBytes` skips sampling (a write
 * whose sample was taken); a write warms up with tokens of its own, so gets no warm-up here.
 */
export async function measure(
  spec: RowSpec,
  baseUrl: string,
  r: Request,
  run: { duration: number; warmUp: WarmUp } | { amount: number },
  bodyBytes?: number,
  /** The server's CPU used so far, in ms: read around the measured load when given. */
  cpuMs?: () => number,
): Promise<Row> {
  const bytes = bodyBytes ?? (await meanBodyBytes(baseUrl + r.path, r, 5));
  if ('warmUp' in run) await load(baseUrl, r, run.warmUp);
  const cpuBefore = cpuMs?.();
  const result = await load(baseUrl, r, 'warmUp' in run ? { duration: run.duration } : run);
  const cpu =
    cpuMs && cpuBefore !== undefined && result.requests > 0
      ? { cpuUsPerRequest: Math.round(((cpuMs() - cpuBefore) * 1000) / result.requests) }
      : {};
  // On a shared machine a neighbour's load moves every figure: each row keeps what it ran beside.
  return { ...spec, bodyBytes: bytes, load: result, loadAverage: Math.round(loadavg()[0] * 100) / 100, ...cpu };
}
