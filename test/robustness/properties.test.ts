import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation, SpecIndex } from '../../src/contract/index.js';
import { errorSchemaPointer, vendorNames, type VendorName } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { startSimulator, type RunningSimulator } from '../../src/server/index.js';
import {
  applyMutation,
  dotIds,
  hostileAuthorizations,
  mutationArbitrary,
  succeeding,
  type Mutation,
  type Wire,
} from './mutations.js';

/**
 * For every operation of every spec (from the spec index, not a list): its valid request and
 * that request broken one way at a time, through the core's `handle()`, the Node server and
 * the Express app alone. Whatever comes in: no 5xx but a fault scenario's documented one, a
 * status the operation documents, a body and headers valid against that response, the
 * vendor's envelope on an error, and a refused request leaves the session's whole state as it
 * was. Every door gives the same status.
 */
let sim: RunningSimulator;
let fixtures: Record<string, unknown>;
let appServer: Server | undefined;
let appPort = 0;
beforeAll(async () => {
  // Answers are checked here, against the spec, rather than turned into 500s by the server.
  sim = await startSimulator({ port: 0, host: '127.0.0.1', logLevel: 'silent', maxSessions: 100_000 });
  fixtures = (await sim.control.fixtures()).apis;
  const server = createServer(sim.app);
  appServer = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  appPort = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => (appServer ? appServer.close(resolve) : resolve(undefined)));
  await sim?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

let sessions = 0;
const freshSession = () => `probe-${process.pid}-${++sessions}`;

const target = (index: SpecIndex, w: Wire) => {
  const qs = w.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${index.prefix}${index.basePath}${w.path}${qs ? `?${qs}` : ''}`;
};

/** Through `handle()`: a WHATWG Request, as MSW and in-process callers make it. */
async function viaHandle(index: SpecIndex, w: Wire, session: string): Promise<Answer> {
  const res = await sim.handle(
    new Request(`${sim.url}${target(index, w)}`, {
      method: w.method,
      headers: { ...w.headers, 'X-Connkit-Session': session },
      body: w.body,
    }),
  );
  return { status: res.status, headers: Object.fromEntries(res.headers), text: await res.text() };
}

/** Through the socket with node:http, so the request line keeps the raw spelling (`..` unresolved). */
function viaSocket(index: SpecIndex, w: Wire, session: string): Promise<Answer> {
  return overSocket(Number(new URL(sim.url).port), index, w, session);
}

/** Through the Express app alone (what a caller mounting `app` gets): it serves the vendor APIs too. */
function viaApp(index: SpecIndex, w: Wire, session: string): Promise<Answer> {
  return overSocket(appPort, index, w, session);
}

function overSocket(port: number, index: SpecIndex, w: Wire, session: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        // One connection per request: a refusal Node itself makes (a bad head) closes its socket.
        agent: false,
        method: w.method,
        path: target(index, w),
        headers: {
          ...w.headers,
          'X-Connkit-Session': session,
          ...(w.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(w.body)) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers, text });
        });
      },
    );
    req.on('error', reject);
    req.end(w.body);
  });
}

/** One API's whole state in a session, as the control API exports it: equal digests, equal states. */
async function digest(api: VendorName, session: string): Promise<string> {
  const res = await sim.handle(
    new Request(`${sim.url}/__control/state`, { headers: { 'X-Connkit-Session': session } }),
  );
  expect(res.status).toBe(200);
  const body: unknown = await res.json();
  const apis = isObject(body) ? body.apis : undefined;
  const state = isObject(apis) ? apis[api] : undefined;
  expect(state).toBeDefined();
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

/** A fresh session's state is the seeded world's, the same for every fresh session: digested once per API. */
const seededDigests = new Map<VendorName, Promise<string>>();
function seeded(api: VendorName): Promise<string> {
  let d = seededDigests.get(api);
  if (!d) seededDigests.set(api, (d = digest(api, freshSession())));
  return d;
}

const parse = (text: string): unknown => {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
};

/** Every promise an answer keeps, as messages naming what broke (empty: all kept). */
function problems(api: VendorName, op: Operation, w: Wire, a: Answer): string[] {
  const out: string[] = [];
  const body = parse(a.text);
  if (a.status >= 500 && !w.fault) out.push(`${a.status}: ${a.text.slice(0, 300)}`);
  if (w.mustRefuse && a.status < 400) out.push(`accepted a request the spec refuses: ${a.status}`);
  if (a.status >= 400 && !specIndex(api).schemaValidator(errorSchemaPointer(api))(body))
    out.push(`${a.status} not in the ${api} envelope: ${a.text.slice(0, 300)}`);
  // A path that spells a separator or a dot segment may be routed to another operation: its
  // answer is held to the envelope above, not to this operation's responses.
  if (!w.rerouted && a.status !== 405) {
    const issues = op.validateResponse(
      a.status,
      a.headers['content-type']?.includes('json') ? body : a.text,
      a.headers,
    );
    for (const i of issues) out.push(`${a.status} off the spec: ${i.message} at ${i.path.join('.')}`);
  }
  return out;
}

const show = (w: Wire) =>
  `${w.method} ${w.path}${w.query.length ? `?${new URLSearchParams(w.query)}` : ''} ${JSON.stringify(w.headers)} ${w.body?.slice(0, 200) ?? ''}`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const operations = vendorNames.flatMap((api) => specIndex(api).operations.map((op) => [api, op] as const));

describe('every operation, valid and broken, through every door', () => {
  it.each(operations.map(([api, op]) => [`${api} ${op.id}`, api, op] as const))(
    '%s keeps the spec and the state',
    async (_name, api, op) => {
      const index = specIndex(api);
      const baseline = succeeding(api, op, fixtures);
      expect(baseline, `no valid request for ${op.id}`).toBeDefined();
      if (!baseline) return;
      const mutating = op.method !== 'get';
      // The valid request is answered with a success through either door: the runs below break a working request.
      for (const send of [viaHandle, viaSocket, viaApp]) {
        const ok = await send(index, applyMutation(op, baseline, { kind: 'valid' }), freshSession());
        expect(ok.status, ok.text).toBeLessThan(300);
      }
      await fc.assert(
        fc.asyncProperty(mutationArbitrary(op), async (m: Mutation) => {
          const w = applyMutation(op, baseline, m);
          const answers: Answer[] = [];
          for (const send of [viaHandle, viaSocket, viaApp]) {
            const session = freshSession();
            const a = await send(index, w, session);
            answers.push(a);
            const found = problems(api, op, w, a);
            if (mutating && a.status >= 400 && (await digest(api, session)) !== (await seeded(api)))
              found.push(`refused with ${a.status} but changed the state`);
            if (found.length)
              throw new Error(`${send.name} ${show(w)}\n  ${found.join('\n  ')}\n  answer: ${a.text.slice(0, 300)}`);
          }
          // A WHATWG URL resolves dot segments before handle() sees them; the socket keeps them.
          const [handled, socketed, app] = answers;
          if (!(m.kind === 'pathId' && dotIds.has(m.value)) && handled && socketed)
            expect(handled.status, `${show(w)}: handle ${handled.text} socket ${socketed.text}`).toBe(socketed.status);
          if (socketed && app)
            expect(app.status, `${show(w)}: app ${app.text} server ${socketed.text}`).toBe(socketed.status);
        }),
        { numRuns: 15, seed: 20261202 },
      );
    },
    60_000,
  );
});

describe('every credential no vendor issues', () => {
  it.each([...vendorNames])('%s refuses each on every operation, in its envelope, changing nothing', async (api) => {
    const index = specIndex(api);
    const session = freshSession();
    const before = await digest(api, session);
    const found: string[] = [];
    for (const op of index.operations) {
      const baseline = succeeding(api, op, fixtures);
      if (!baseline) continue;
      for (const value of hostileAuthorizations) {
        const w = applyMutation(op, baseline, { kind: 'authorization', value });
        const a = await viaHandle(index, w, session);
        const problems_ = problems(api, op, w, a);
        if (a.status !== 401 && a.status !== 403) problems_.push(`answered ${a.status}, not 401 or 403`);
        if (problems_.length) found.push(`${op.id} ${value.slice(0, 60)}: ${problems_.join('; ')}`);
      }
    }
    expect(found).toEqual([]);
    expect(await digest(api, session)).toBe(before);
  });
});
