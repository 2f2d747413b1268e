import type { Duplex } from 'node:stream';

/** What node:http's parser reports, and the answer it stands for (which vendor is unknown: no route was read). */
const answers: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'header_too_large',
    message: 'the request head is larger than 16 KiB',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    reason: 'Payload Too Large',
    code: 'chunk_extensions_too_large',
    message: 'the chunk extensions are larger than 16 KiB',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: 'the request did not arrive in time',
  },
};
const badRequest = {
  status: 400,
  reason: 'Bad Request',
  code: 'bad_request',
  message: 'the request is not valid HTTP/1.1',
};

/**
 * A request node:http could not parse, answered as connkit answers its own errors (the
 * ConnkitError envelope of the control spec) rather than with node's bare status line, then
 * the connection closed: what follows an unreadable head cannot be trusted to be a request.
 * As node does, nothing is written once an answer has begun, and a reset peer is just let go.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const headersSent = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || headersSent) return void socket.destroy();
  const a = (err.code && answers[err.code]) || badRequest;
  const body = JSON.stringify({ error: { code: a.code, message: a.message } });
  socket.end(
    `HTTP/1.1 ${a.status} ${a.reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
