import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from '../sim/core.js';
import { bodyLimit, type SimRequest, type SimResponse } from '../sim/request.js';

/** The request's headers as the core wants them: lower-case names, repeated values joined. */
export function headersOf(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** Whether a body follows the head: a length (even 0) or a chunked transfer, as HTTP/1.1 says. */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;

/** Reads the body up to the limit; past it, the rest is drained and only the fact is kept. */
function readBody(req: IncomingMessage): Promise<{ body?: string; tooLarge?: boolean }> {
  if (!hasBody(req)) return Promise.resolve({});
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { tooLarge } : { body: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

export function write(res: ServerResponse, answer: SimResponse): void {
  if (answer.reset) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/**
 * Hands every request that reaches it to the core and writes the answer: the server is a
 * door, the behaviour is the core's. No Request/Response objects are made on this path.
 */
export function coreDoor(
  sim: Simulator,
  scheme: (req: IncomingMessage) => string,
): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  return (req, res, next) => {
    readBody(req)
      .then(({ body, tooLarge }) => {
        const request: SimRequest = {
          method: req.method ?? 'GET',
          origin: `${scheme(req)}://${req.headers.host ?? '127.0.0.1'}`,
          target: req.url ?? '/',
          headers: headersOf(req.headers),
          body,
          bodyTooLarge: tooLarge,
          remoteAddress: req.socket.remoteAddress ?? '',
        };
        return sim.dispatch(request);
      })
      .then((answer) => write(res, answer), next);
  };
}
