import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adapters } from '../../conformance/adapters/index.js';
import { buildUrl } from '../../conformance/http.js';
import { startSimulator, type RunningSimulator } from '../../src/server/index.js';
import { specIndex } from '../../src/contract/registry.js';
import { vendorNames } from '../../src/contract/names.js';

/**
 * One pipeline, two doors: the same requests, in the same order, to two simulators of the same
 * seed — one over a socket through the Express server, one in-process through `handle()` —
 * give the same answers to the byte. Every operation of every API is asked for once with the
 * conformance adapters' baseline request (a success), once without credentials, once with a
 * malformed body where it takes one.
 */
let server: RunningSimulator;
let inProcess: RunningSimulator;
beforeAll(async () => {
  // One instant for both: records made "now" carry the same timestamps through either door.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-01T12:00:00Z') });
  server = await startSimulator({ port: 0, host: '127.0.0.1', logLevel: 'silent', validateResponses: true });
  inProcess = await startSimulator({ port: 0, host: '127.0.0.1', logLevel: 'silent', validateResponses: true });
});
afterAll(async () => {
  vi.useRealTimers();
  await server?.close();
  await inProcess?.close();
});

// Values that move with the clock, not with the door.
const clockHeaders = new Set([
  'date',
  'x-ratelimit-reset',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);
const kept = (h: Headers) =>
  Object.fromEntries([...h].filter(([k]) => !clockHeaders.has(k) && !k.startsWith('access-control-')));

async function both(url: string, init: RequestInit) {
  const viaSocket = await fetch(server.url + url, init);
  const viaHandle = await inProcess.handle(new Request(server.url + url, init));
  return [
    { status: viaSocket.status, headers: kept(viaSocket.headers), body: await viaSocket.text() },
    { status: viaHandle.status, headers: kept(viaHandle.headers), body: await viaHandle.text() },
  ];
}

describe.each([...vendorNames])('%s through the socket and through handle()', (api) => {
  const index = specIndex(api);
  it.each(index.operations.map((op) => [op.id, op] as const))('%s answers byte for byte the same', async (_id, op) => {
    const profile = (await server.control.fixtures()).apis[api];
    const parts = adapters[api].baseline(profile as never, op.id);
    expect(parts, `no baseline request for ${op.id}`).toBeDefined();
    const url = buildUrl(index.prefix + index.basePath, op.path, parts!);
    const method = op.method.toUpperCase();
    const body = parts!.body === undefined ? undefined : JSON.stringify(parts!.body);
    const json = { 'Content-Type': 'application/json' };
    const requests: RequestInit[] = [
      { method, headers: { ...parts!.headers, ...(body ? json : {}) }, body },
      { method, headers: body ? json : {}, body },
    ];
    if (op.body) requests.push({ method, headers: { ...parts!.headers, ...json }, body: '{"broken": ' });
    for (const init of requests) {
      const [socket, handle] = await both(url, init);
      expect(socket.status, socket.body).toBeLessThan(500);
      expect(handle).toEqual(socket);
    }
  });
});
