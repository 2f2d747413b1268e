import type { SpecIndex } from '../src/spec/index.js';
import type { Exchange, RequestParts } from './types.js';

/** The URL of an operation at a target base URL, path parameters filled and query encoded. */
export function buildUrl(base: string, path: string, parts: RequestParts): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(parts.path?.[name] ?? `{${name}}`)));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(parts.query ?? {}))
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, String(v));
  const qs = query.toString();
  return `${base.replace(/\/$/, '')}${filled}${qs ? `?${qs}` : ''}`;
}

/** Characters of a response body kept for reports. */
export const keptChars = 64 * 1024;

export async function exchange(
  index: SpecIndex,
  base: string,
  operationId: string,
  parts: RequestParts,
  extraHeaders: Record<string, string>,
  timeoutMs: number,
): Promise<Exchange> {
  const op = index.byId.get(operationId);
  if (!op) throw new Error(`no operation ${operationId} in ${index.name}`);
  const url = buildUrl(base, op.path, parts);
  const headers: Record<string, string> = { ...extraHeaders, ...parts.headers };
  let body: string | undefined = parts.raw;
  if (parts.body !== undefined) {
    body = JSON.stringify(parts.body);
    headers['Content-Type'] ??= 'application/json';
  } else if (parts.raw !== undefined) headers['Content-Type'] ??= 'application/json';
  const method = (parts.method ?? op.method).toUpperCase();
  const started = performance.now();
  const ex: Exchange = { operationId, request: { method, url, headers, body }, durationMs: 0 };
  try {
    const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    // Reports keep the start of a huge body, and say how much was cut.
    const kept = text.length > keptChars ? `${text.slice(0, keptChars)}\n… [connkit: body cut here; ${Buffer.byteLength(text)} bytes in all]` : text;
    ex.response = { status: res.status, headers: Object.fromEntries(res.headers), body: parsed, text: kept, ...(kept === text ? {} : { truncated: true }) };
  } catch (e) {
    ex.error = (e as Error).cause ? `${(e as Error).message}: ${String((e as Error).cause)}` : (e as Error).message;
  }
  ex.durationMs = Math.round(performance.now() - started);
  return ex;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl that sends the same request again. */
export function curlOf(ex: Exchange): string {
  const parts = ['curl', '-i', '-X', ex.request.method, quote(ex.request.url)];
  for (const [k, v] of Object.entries(ex.request.headers)) parts.push('-H', quote(`${k}: ${v}`));
  if (ex.request.body !== undefined) parts.push('--data-raw', quote(ex.request.body));
  return parts.join(' ');
}
