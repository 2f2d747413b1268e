import type { IncomingMessage } from 'node:http';

/** `https` for a request that came in over TLS, `http` otherwise. */
export const scheme = (req: IncomingMessage): string =>
  'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
