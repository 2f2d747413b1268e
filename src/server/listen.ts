import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError } from './client-error.js';
import { ListenError, defaultTlsDir, localCertificate, localNames, userCertificate, type TlsMaterial } from './tls.js';

export { ListenError, defaultTlsDir } from './tls.js';

export interface ListenOptions {
  host: string;
  port: number;
  /**
   * Serve HTTPS too, on `port`. With `cert` and `key` (PEM file paths) the user's own;
   * without, a certificate from connkit's local CA, kept in `dir` (`defaultTlsDir()`).
   */
  tls?: {
    port: number;
    cert?: string;
    key?: string;
    dir?: string;
    /** make a new CA and certificate (`--tls-renew`) */ renew?: boolean;
  };
}

export interface Listening {
  url: string;
  port: number;
  tlsUrl?: string;
  tlsPort?: number;
  /** the PEM file a client must trust (NODE_EXTRA_CA_CERTS) */
  caPath?: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const wildcard = new Set(['0.0.0.0', '::', '[::]']);

/** The host as it goes in a URL: a wildcard bind is reached on loopback, IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** A failed bind as one line the user can act on; `what` is '' or 'TLS '. */
function describeListenError(e: NodeJS.ErrnoException, host: string, port: number, what = ''): string {
  const where = `${urlHost(host)}:${port}`;
  switch (e.code) {
    case 'EADDRINUSE':
      return `${what}port ${port} on ${host} is already in use (pick another one)`;
    case 'EACCES':
      return `no permission to listen on ${where} (ports below 1024 need privileges)`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `cannot resolve the host ${host}`;
    default:
      return `cannot listen on ${where}: ${e.message}`;
  }
}

function bind(server: Server, host: string, port: number, what = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (e: NodeJS.ErrnoException) => reject(new ListenError(describeListenError(e, host, port, what)));
    server.once('error', failed);
    try {
      server.listen({ host, port }, () => {
        server.off('error', failed);
        resolve((server.address() as AddressInfo).port);
      });
    } catch (e) {
      // An out-of-range port throws here rather than emitting 'error'.
      failed(e as NodeJS.ErrnoException);
    }
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function tlsMaterial(host: string, tls: NonNullable<ListenOptions['tls']>): Promise<TlsMaterial> {
  if (tls.cert || tls.key) {
    if (!tls.cert || !tls.key) throw new ListenError('a TLS certificate and its key go together: give both or neither');
    return userCertificate(tls.cert, tls.key);
  }
  // A specific --host (a LAN name or address) goes in the certificate too, so clients there can use it.
  const extra = wildcard.has(host) || localNames.includes(host) ? [] : [host.replace(/^\[|\]$/g, '')];
  return localCertificate(tls.dir ?? defaultTlsDir(), extra, { renew: tls.renew });
}

/**
 * Serves `handler` over plain HTTP on `port` and, with `tls`, over HTTPS (HTTP/1.1) on
 * `tls.port` at the same time. Certificates are settled before any port is bound, so a bad
 * file leaves nothing listening. Every failure the user can fix is a ListenError with one line.
 */
export async function listen(handler: Handler, options: ListenOptions): Promise<Listening> {
  const { host } = options;
  const material = options.tls ? await tlsMaterial(host, options.tls) : undefined;
  const servers: Server[] = [];
  try {
    const http = createHttpServer(handler);
    http.on('clientError', answerClientError);
    servers.push(http);
    const port = await bind(http, host, options.port);
    const out: Listening = {
      url: `http://${urlHost(host)}:${port}`,
      port,
      close: async () => {
        await Promise.all(servers.map(closeServer));
      },
    };
    if (material && options.tls) {
      // Loaded here: a plain-http start never pays for https (and the tls it brings).
      const { createServer: createHttpsServer } = await import('node:https');
      const https = createHttpsServer({ key: material.key, cert: material.cert }, handler);
      https.on('clientError', answerClientError);
      servers.push(https);
      out.tlsPort = await bind(https, host, options.tls.port, 'TLS ');
      out.tlsUrl = `https://${urlHost(host)}:${out.tlsPort}`;
      out.caPath = material.caPath;
    }
    return out;
  } catch (e) {
    await Promise.all(servers.map(closeServer));
    throw e;
  }
}
