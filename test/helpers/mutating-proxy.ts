import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyRequest {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text, or undefined for no body. */
  body: any;
}

/** How a proxy rewrites the simulator's traffic. */
export interface Rewrite {
  request?(req: ProxyRequest): ProxyRequest;
  response?(
    req: ProxyRequest,
    res: ProxyResponse,
    forward: (req: ProxyRequest) => Promise<ProxyResponse>,
  ): ProxyResponse | Promise<ProxyResponse>;
}

/** A broken implementation, made by rewriting the simulator's traffic. */
export interface Mutant extends Rewrite {
  name: string;
  api: 'leadconduit' | 'auth0' | 'mycreditapp' | 'wingfield';
  /** The checks that must notice (at least one of them fails). */
  kills: string[];
}

const hop = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** An HTTP proxy on 127.0.0.1 in front of `upstream`, applying `mutant` (or nothing). */
export async function startProxy(upstream: string, mutant?: Rewrite | Mutant) {
  const forward = async (r: ProxyRequest): Promise<ProxyResponse> => {
    const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !hop.has(k.toLowerCase())));
    const res = await fetch(upstream + r.url, { method: r.method, headers, body: r.body });
    const text = await res.text();
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return {
      status: res.status,
      headers: Object.fromEntries([...res.headers].filter(([k]) => !hop.has(k) && k !== 'content-encoding')),
      body,
    };
  };
  const server = createServer((req, res) => {
    void (async () => {
      try {
        let r: ProxyRequest = {
          method: req.method!,
          url: req.url!,
          headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
          body: await readBody(req),
        };
        if (mutant?.request) r = mutant.request(r);
        let answer = await forward(r);
        if (mutant?.response) answer = await mutant.response(r, answer, forward);
        const payload =
          answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        const headers = { ...answer.headers };
        if (answer.body !== undefined && typeof answer.body !== 'string')
          headers['content-type'] ??= 'application/json; charset=utf-8';
        res.writeHead(answer.status, headers);
        res.end(answer.status === 204 ? undefined : payload);
      } catch (e) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${(e as Error).message}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
