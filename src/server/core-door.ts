import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from '../sim/core.js';
import { bodyLimit, type SimRequest, type SimResponse } from '../sim/request.js';

/** The request's headers as the core wants them: lower-case names, repeated values joined. */
export function headersOf(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}

/** Whether a body follows the head: a length (even 0) or a chunked transfer, as HTTP/1.1 says. */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;

const noHeaders: readonly string[] = [];

/**
 * The answer on the wire: the head as a flat list (no header object merged per request), with
 * the body's length, so node:http writes head and body as one string and frames no chunks (a
 * chunked answer costs a writev of four buffers and a last empty chunk). `first` are headers
 * that go before the answer's own (the vendor APIs' CORS headers).
 */
export function write(res: ServerResponse, answer: SimResponse, first: readonly string[] = noHeaders): void {
  if (answer.reset) {
    res.socket?.destroy();
    return;
  }
  const head = first.slice();
  const { headers, body, bytes } = answer;
  for (const name in headers) head.push(name, headers[name]);
  // A kept answer comes encoded already: its length is known and node:http sends the bytes as
  // they are, where a string would be measured and encoded again on every request.
  if (bytes !== undefined) head.push('Content-Length', String(bytes.byteLength));
  else if (body !== undefined) head.push('Content-Length', String(Buffer.byteLength(body)));
  res.writeHead(answer.status, head);
  res.end(bytes ?? body);
}

/**
 * One request on its way to the core: the body as it arrives, then the answer. A class rather
 * than closures made per request: its methods are shared, the listeners read it as `this`.
 */
class Exchange {
  private chunks: Buffer[] = [];
  private size = 0;
  private tooLarge = false;

  constructor(
    private readonly door: Door,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly fail: (err: unknown) => void,
  ) {}

  read(): void {
    if (!hasBody(this.req)) return this.dispatch(undefined);
    this.req.on('data', (chunk: Buffer) => this.take(chunk));
    this.req.on('end', () => this.ended());
    this.req.on('error', this.fail);
  }

  private take(chunk: Buffer): void {
    // Past the limit the rest is drained and only the fact is kept.
    this.size += chunk.length;
    if (this.size > bodyLimit) this.tooLarge = true;
    else this.chunks.push(chunk);
  }

  private ended(): void {
    if (this.tooLarge) return this.dispatch(undefined);
    const { chunks } = this;
    this.dispatch(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
  }

  private dispatch(body: string | undefined): void {
    const { req } = this;
    const request: SimRequest = {
      method: req.method ?? 'GET',
      origin: `${this.door.scheme(req)}://${req.headers.host ?? '127.0.0.1'}`,
      target: req.url ?? '/',
      headers: headersOf(req.headers),
      body,
      bodyTooLarge: this.tooLarge,
      remoteAddress: req.socket.remoteAddress ?? '',
    };
    this.door.sim.dispatch(request).then((answer) => this.answer(answer), this.fail);
  }

  private answer(answer: SimResponse): void {
    try {
      write(this.res, answer, this.door.first);
    } catch (err) {
      this.fail(err);
    }
  }
}

interface Door {
  sim: Simulator;
  scheme: (req: IncomingMessage) => string;
  first: readonly string[];
}

/**
 * Hands every request that reaches it to the core and writes the answer: the server is a
 * door, the behaviour is the core's. No Request/Response objects are made on this path.
 * `first` are headers every answer carries before its own (see `write`).
 */
export function coreDoor(
  sim: Simulator,
  scheme: (req: IncomingMessage) => string,
  first: readonly string[] = noHeaders,
): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  const door: Door = { sim, scheme, first };
  return (req, res, next) => new Exchange(door, req, res, next).read();
}
