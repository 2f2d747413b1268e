import { AsyncLocalStorage } from 'node:async_hooks';
import type { SpecIndex } from '../src/contract/index.js';
import type { Exchange, RequestParts } from './types.js';

/** What verify lets a target do to it: how much of an answer it reads. */
export interface TransportLimits {
  maxResponseBytes: number;
}

export const defaultMaxResponseBytes = 16 * 1024 * 1024;

// A verify run sets its limits once around everything it sends (checks, model tier, probes),
// so that no caller of exchange() can forget them; runs side by side keep their own.
const limitsScope = new AsyncLocalStorage<TransportLimits>();
export const withLimits = <T>(limits: TransportLimits, fn: () => Promise<T>): Promise<T> => limitsScope.run(limits, fn);
const currentLimits = (): TransportLimits => limitsScope.getStore() ?? { maxResponseBytes: defaultMaxResponseBytes };

/** An answer verify refuses to take in whole; the exchange gets it as its error. */
export class Refused extends Error {}

/**
 * How deep an answer may nest. No vendor's schema goes past a dozen levels, and what reads a
 * report (redaction, the JSON and HTML reporters, JSON.stringify itself) recurses: an answer a
 * few thousand levels deep would overflow the stack after the run, losing every report.
 */
export const maxNesting = 256;

/** Whether JSON text opens more than `max` arrays or objects inside one another (brackets in strings skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  if (text.length <= 2 * max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The body as text, read only up to `max` bytes (decoded, so a compressed bomb counts as what
 * it expands to): every answer verify reads, the target's, the control API's and a provider
 * state source's, goes through here.
 */
export async function readCapped(res: Response, max: number = currentLimits().maxResponseBytes): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw new Refused(`answer of ${declared} bytes (Content-Length) is over --max-response-bytes ${max}; not read`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel();
      throw new Refused(`answer over --max-response-bytes ${max}: stopped reading after ${bytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * A redirect is never followed: one to another origin would carry the request (its credentials,
 * its body) where the profile never said to send it, and one within the target's origin is an
 * answer the spec does not document, which the response checks then report as it is.
 */
function crossOriginRedirect(res: Response, url: string): string | undefined {
  const location = res.headers.get('location');
  if (res.status < 300 || res.status > 399 || !location) return undefined;
  let to: URL;
  try {
    to = new URL(location, url);
  } catch {
    return undefined;
  }
  if (to.origin === new URL(url).origin) return undefined;
  return `redirect ${res.status} to another origin (${to.origin}) not followed: verify sends nothing outside the target's origin`;
}

/** The URL of an operation at a target base URL, path parameters filled and query encoded. */
export function buildUrl(base: string, path: string, parts: RequestParts): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(parts.path?.[name] ?? `{${name}}`)),
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(parts.query ?? {}))
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, String(v));
  const qs = query.toString();
  return `${base.replace(/\/$/, '')}${filled}${qs ? `?${qs}` : ''}`;
}

/** Characters of a response body kept for reports. */
export const keptChars = 64 * 1024;

export async function exchange<Op extends string>(
  index: SpecIndex,
  base: string,
  operationId: Op,
  parts: RequestParts,
  extraHeaders: Record<string, string>,
  timeoutMs: number,
  limits: TransportLimits = currentLimits(),
): Promise<Exchange<Op>> {
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
  const ex: Exchange<Op> = { operationId, request: { method, url, headers, body }, durationMs: 0 };
  try {
    const res = await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const away = crossOriginRedirect(res, url);
    if (away) {
      await res.body?.cancel();
      throw new Refused(away);
    }
    const text = await readCapped(res, limits.maxResponseBytes);
    if (nestsDeeperThan(text, maxNesting))
      throw new Refused(`answer nests arrays or objects over ${maxNesting} levels deep; not read`);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    // Reports keep the start of a huge body, and say how much was cut.
    const kept =
      text.length > keptChars
        ? `${text.slice(0, keptChars)}\n… [connkit: body cut here; ${Buffer.byteLength(text)} bytes in all]`
        : text;
    ex.response = {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: parsed,
      text: kept,
      ...(kept === text ? {} : { truncated: true }),
    };
  } catch (e) {
    ex.error =
      e instanceof Refused
        ? e.message
        : (e as Error).cause
          ? `${(e as Error).message}: ${String((e as Error).cause)}`
          : (e as Error).message;
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
