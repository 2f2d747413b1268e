import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFaker } from '../../src/sim/faker.js';
import type { Operation } from '../../src/contract/index.js';
import { errorSchemaPointer, vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { a0, lc, mca, wf } from '../helpers/fixtures.js';
import { testSimulator, type TestSim } from '../helpers/sim.js';

/**
 * 6,000 seeded malformed and random requests over every operation (more with
 * CONNKIT_FUZZ_REQUESTS=100000: a longer hunt, too long for every `npm test`): no 5xx, no crash,
 * the vendor's error envelope on every error, and the state afterwards exactly as before.
 * Every request that could change state is broken in at least one way, so none may succeed.
 */
const total = Number(process.env.CONNKIT_FUZZ_REQUESTS ?? 6_000);
const concurrency = 48;

let t: TestSim;
let fx: any;
beforeAll(async () => {
  t = await testSimulator({ journalSize: 100 });
  fx = await t.fixtures();
});
afterAll(() => t.close());

const f = newFaker(20261123);
const credentials = () => ({
  leadconduit: [lc(fx).user, lc(fx).superuser, { Authorization: 'Basic !!!' }, {}],
  auth0: [a0(fx).full, a0(fx).readOnly, a0(fx).badSignature, { Authorization: 'Bearer' }, {}],
  mycreditapp: [mca(fx).headers('guest'), mca(fx).headers('host'), mca(fx).headers('guest', 'not-a-uuid'), {}],
  wingfield: [wf(fx).write, wf(fx).read, { Authorization: 'Bearer tok_ext_v1_x.y' }, {}],
});

const nasty = [
  '../../etc/passwd',
  '..%2f..%2fsecret',
  '%00',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '\u202e\u0000\uffff',
  '😀'.repeat(40),
  'x'.repeat(3000),
  '-1',
  '1e309',
  'NaN',
  'null',
  '[]',
  '{}',
  'true',
];

function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: [v] };
  return v;
}

/** A body that is wrong in some way (malformed, wrong shape, hostile keys, huge or deep). */
function brokenBody(): { raw?: string; body?: unknown; contentType?: string } {
  switch (f.number.int({ min: 0, max: 9 })) {
    case 0:
      return { raw: '{"a": ' };
    case 1:
      return { raw: f.string.sample(40) };
    case 2:
      return { body: JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}}') };
    case 3:
      return { body: deep(f.number.int({ min: 50, max: 2000 })) };
    case 4:
      return { body: { [f.helpers.arrayElement(nasty)]: f.helpers.arrayElement(nasty) } };
    case 5:
      return { raw: `{"big": "${'y'.repeat(f.number.int({ min: 1000, max: 1_200_000 }))}"}` };
    case 6:
      return { body: f.helpers.arrayElement([[], 42, 'text', null, true]) };
    case 7:
      return { raw: '\xff\xfe{"bad utf8": "\xc3\x28"}' };
    case 8:
      return {
        body: {
          connection_id: 7,
          connectToken: [],
          status: {},
          archived: 'maybe',
          subscription: 1,
          email: 5,
          expired_at: 'never',
          host_organization_id: 'nope',
          invitation_token: 'short',
        },
      };
    default:
      return {
        raw: '{"x":1}',
        contentType: f.helpers.arrayElement([
          'text/plain',
          'application/xml',
          'application/json; charset=latin9',
          'multipart/form-data',
        ]),
      };
  }
}

function randomPath(op: Operation): string {
  return op.path.replace(/\{([^}]+)\}/g, () =>
    encodeURIComponent(
      f.helpers.arrayElement([...nasty, f.string.uuid(), f.database.mongodbObjectId(), f.string.alphanumeric(60)]),
    ),
  );
}

function randomQuery(op: Operation): string {
  const params = new URLSearchParams();
  for (const p of op.params.filter((x) => x.in === 'query')) {
    if (f.datatype.boolean()) continue;
    const n = f.number.int({ min: 1, max: 3 });
    for (let i = 0; i < n; i++)
      params.append(
        p.name,
        f.helpers.arrayElement([...nasty.slice(0, 9), String(f.number.int({ min: -5, max: 500 })), '']),
      );
  }
  if (f.number.int({ min: 0, max: 20 }) === 0) params.append('pad', 'q'.repeat(7000));
  if (f.number.int({ min: 0, max: 10 }) === 0) params.append('__proto__[x]', '1');
  return params.toString();
}

const errorEnvelope = Object.fromEntries(
  [...vendorNames].map((v) => [v, specIndex(v).schemaValidator(errorSchemaPointer(v))]),
);

describe('fuzzing every operation', () => {
  it(`answers ${total} broken requests without a 5xx, in the vendor envelope, changing nothing`, async () => {
    const before = JSON.stringify((await t.call({ path: '/__control/state' })).body);
    const creds = credentials();
    const ops = vendorNames.flatMap((api) => specIndex(api).operations.map((op) => ({ api, op })));
    const problems: string[] = [];
    let sent = 0;
    const one = async () => {
      const { api, op } = f.helpers.arrayElement(ops);
      const index = specIndex(api);
      const mutating = op.method !== 'get';
      // An operation that changes state from nothing but who calls (account sync) is fuzzed unauthenticated.
      const onlyIdentity = mutating && !op.body && !op.params.some((p) => p.in === 'path');
      const headers: Record<string, string> = onlyIdentity ? {} : { ...f.helpers.arrayElement(creds[api]) };
      const body = op.method !== 'get' && (op.body || f.datatype.boolean()) ? brokenBody() : undefined;
      if (body?.contentType) headers['Content-Type'] = body.contentType;
      else if (body) headers['Content-Type'] = 'application/json';
      if (f.number.int({ min: 0, max: 8 }) === 0)
        headers['X-Odd-Header'] = f.helpers.arrayElement(['\t', ' leading', 'a'.repeat(4000), 'é']);
      if (f.number.int({ min: 0, max: 8 }) === 0) headers.Accept = 'application/xml';
      // A state-changing request keeps a broken body, so no fuzz request may succeed.
      const payload = mutating && !body ? brokenBody() : body;
      const path = `${index.prefix}${index.basePath}${randomPath(op)}`;
      const qs = randomQuery(op);
      let res: Response;
      try {
        res = await fetch(`${t.sim.url}${path}${qs ? `?${qs}` : ''}`, {
          method: op.method.toUpperCase(),
          headers: payload && !headers['Content-Type'] ? { ...headers, 'Content-Type': 'application/json' } : headers,
          body: payload ? (payload.raw ?? JSON.stringify(payload.body)) : undefined,
        });
      } catch (e) {
        problems.push(`${op.id}: no answer (${(e as Error).message})`);
        return;
      }
      const text = await res.text();
      sent++;
      if (res.status >= 500) problems.push(`${op.id} ${res.status}: ${text.slice(0, 200)}`);
      else if (mutating && res.status < 400) problems.push(`${op.id} accepted a broken request: ${res.status}`);
      else if (res.status >= 400) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          problems.push(`${op.id} ${res.status}: not JSON: ${text.slice(0, 100)}`);
          return;
        }
        if (!errorEnvelope[api](parsed))
          problems.push(`${op.id} ${res.status}: not the ${api} envelope: ${text.slice(0, 200)}`);
      }
    };
    const workers = Array.from({ length: concurrency }, async () => {
      while (sent + problems.length < total) await one();
    });
    await Promise.all(workers);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(total);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify((await t.call({ path: '/__control/state' })).body)).toBe(before);
    expect(t.sim.journal.list().filter((e) => e.violations)).toEqual([]);
  }, 300_000);

  it('survives raw bytes no HTTP client would send: invalid UTF-8 in the path, a bare LF', async () => {
    const url = new URL(t.sim.url);
    const raw = async (bytes: Buffer) =>
      new Promise<string>((resolve) => {
        const s = connect(Number(url.port), '127.0.0.1', () => s.end(bytes));
        let out = '';
        s.on('data', (d) => (out += d.toString('latin1')));
        s.on('close', () => resolve(out));
        s.on('error', () => resolve(out));
      });
    const answers = [
      await raw(
        Buffer.concat([
          Buffer.from('GET /leadconduit/connections/'),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        ]),
      ),
      await raw(
        Buffer.from('GET /auth0/api/v2/organizations/%ZZ/connections HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      ),
      await raw(
        Buffer.from(
          'POST /wingfield/api/v1/external-services/x/organization-relations/claim HTTP/1.1\nHost: x\nContent-Length: 3\nConnection: close\n\n{"a',
        ),
      ),
    ];
    for (const a of answers) expect(a.slice(0, 12)).toMatch(/^HTTP\/1\.1 [1-4]\d\d/);
    expect((await t.call({ path: '/__control/health' })).status).toBe(200);
  });
});
