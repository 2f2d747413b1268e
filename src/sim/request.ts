/**
 * A request as the core sees it, whichever door it came through (the Express server, MSW,
 * an in-process `handle()`): plain data, no transport object, so the core runs anywhere.
 */
export interface SimRequest {
  method: string;
  /** `scheme://host[:port]` the caller used: base URLs in answers are built from it. */
  origin: string;
  /** Path and query, still percent-encoded, as on the request line. */
  target: string;
  /** Lower-cased names; repeated headers joined with ", " (as fetch's Headers does). */
  headers: Record<string, string>;
  /** The body as sent, decoded as UTF-8; undefined when the request has none. */
  body?: string;
  /** The body was longer than the limit; `body` is then undefined. */
  bodyTooLarge?: boolean;
  /** The peer's address; undefined for in-process callers (MSW, `handle()`), who are this machine's own code. */
  remoteAddress?: string;
}

/** An answer of the core: `reset` asks the door to drop the connection without answering. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  /**
   * `body` as UTF-8, where the core has it already (a kept answer, encoded once): a door that
   * writes bytes sends these rather than encoding the same string again on every request.
   */
  bytes?: Uint8Array;
  reset?: boolean;
}

/** 1 MB, as the vendors' gateways allow; larger bodies get the vendor's error. */
export const bodyLimit = 1024 * 1024;

/** A WHATWG Request as the core's plain request (MSW, in-process callers). */
export async function fromFetchRequest(request: Request): Promise<SimRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  let body: string | undefined;
  let bodyTooLarge = false;
  if (request.body !== null) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > bodyLimit) bodyTooLarge = true;
    else body = new TextDecoder().decode(bytes);
  }
  return {
    method: request.method.toUpperCase(),
    origin: url.origin,
    target: url.pathname + url.search,
    headers,
    body,
    bodyTooLarge,
  };
}

/** The core's answer as a WHATWG Response; a reset becomes a network error, as a client sees it. */
export function toFetchResponse(res: SimResponse, method: string): Response {
  if (res.reset) return Response.error();
  const noBody = method === 'HEAD' || res.status === 204 || res.status === 304;
  return new Response(noBody ? null : (res.body ?? null), { status: res.status, headers: res.headers });
}
