import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../src/contract/index.js';
import { errorSchemaPointer, vendorNames } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { startSimulator, type RunningSimulator } from '../../src/server/index.js';
import { hostileIds } from './mutations.js';

/**
 * Every operation of the control API (from its spec), its path filled with the spec's own
 * values (APIs, collections, presets, scenario names) or hostile ones (`constructor`,
 * `__proto__`, separators), its body valid-ish or broken: never a 5xx, a documented status,
 * a body valid against that response, connkit's envelope on an error.
 */
const control = specIndex('control');
let sim: RunningSimulator;
/** Collection and preset names of every API, as GET /__control/state/{api} lists them. */
const collections: string[] = [];
const presets: string[] = [];
/** Each API's collections with their presets: paths that reach a record, so the id decides the answer. */
const listed: { api: string; collection: string; preset: string }[] = [];
beforeAll(async () => {
  sim = await startSimulator({ port: 0, host: '127.0.0.1', logLevel: 'silent', maxSessions: 100_000 });
  for (const api of vendorNames) {
    const res = await sim.handle(new Request(`${sim.url}/__control/state/${api}`));
    const body: unknown = await res.json();
    if (isObject(body) && Array.isArray(body.collections))
      for (const c of body.collections) {
        if (!isObject(c) || typeof c.name !== 'string') continue;
        collections.push(c.name);
        listed.push({ api, collection: c.name, preset: 'none' });
        if (Array.isArray(c.presets))
          for (const p of c.presets)
            if (isObject(p) && typeof p.name === 'string') {
              presets.push(p.name);
              listed.push({ api, collection: c.name, preset: p.name });
            }
      }
  }
});
afterAll(() => sim?.close());

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names every JavaScript object answers to without holding them: a lookup that forgets `hasOwn` finds these. */
const inherited = ['constructor', 'tostring', 'valueof', 'hasownproperty', 'isprototypeof', '__proto__', 'toString'];

function pathValue(op: Operation, name: string): fc.Arbitrary<string> {
  const param = op.params.find((p) => p.in === 'path' && p.name === name);
  const listed = Array.isArray(param?.schema.enum) ? param.schema.enum.map(String) : [];
  const known = name === 'collection' ? collections : name === 'preset' ? presets : [];
  return fc.oneof(
    ...(listed.length || known.length ? [fc.constantFrom(...listed, ...known)] : []),
    fc.constantFrom(...inherited),
    fc.constantFrom(...hostileIds).map((v) => v.slice(0, 300)),
  );
}

const bodies = fc.oneof(
  fc.constant(undefined),
  fc.constant('{}'),
  fc.constantFrom('{', '[]', 'null', '"x"', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}'),
  fc
    .dictionary(
      fc.constantFrom('seed', 'apis', 'params', 'state', 'scopes', 'email', 'name', 'id', '__proto__', 'constructor'),
      fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
      { maxKeys: 3 },
    )
    .map((d) => JSON.stringify(d)),
);

const errorEnvelope = control.schemaValidator(errorSchemaPointer('control'));

describe('the control API, every operation', () => {
  it.each(control.operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    '%s answers hostile names and bodies in its spec',
    async (_name, op) => {
      const names = op.params.filter((p) => p.in === 'path').map((p) => p.name);
      const anyValues = fc.tuple(...names.map((n) => pathValue(op, n)));
      // A listed api, collection and preset with a hostile id: the id alone decides the answer.
      // Listed names all along but one, which is hostile: that one alone decides the answer.
      const listedValues = fc
        .tuple(
          fc.constantFrom(...listed.filter((l) => !names.includes('preset') || l.preset !== 'none')),
          fc.nat(Math.max(0, names.length - 1)),
          fc.oneof(fc.constantFrom(...inherited), pathValue(op, 'id')),
        )
        .map(([l, at, hostile]) =>
          names.map((n, i) =>
            i === at
              ? hostile
              : n === 'api'
                ? l.api
                : n === 'collection'
                  ? l.collection
                  : n === 'preset'
                    ? l.preset
                    : 'x',
          ),
        );
      const path = names.includes('collection')
        ? fc.oneof({ arbitrary: anyValues, weight: 1 }, { arbitrary: listedValues, weight: 3 })
        : anyValues;
      await fc.assert(
        fc.asyncProperty(path, bodies, async (values, body) => {
          let i = 0;
          const filled = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++] ?? ''));
          const sendsBody = op.method !== 'get' && body !== undefined;
          const res = await sim.handle(
            new Request(`${sim.url}/__control${filled}`, {
              method: op.method.toUpperCase(),
              headers: {
                'X-Connkit-Session': `probe-control-${i}-${Math.abs(hash(filled))}`,
                ...(sendsBody ? { 'Content-Type': 'application/json' } : {}),
              },
              body: sendsBody ? body : undefined,
            }),
          );
          const text = await res.text();
          const headers = Object.fromEntries(res.headers);
          let parsed: unknown = text;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch {
            // a text body (NDJSON, YAML) is checked as text
          }
          const what = `${op.method.toUpperCase()} /__control${filled} ${sendsBody ? body : ''} → ${res.status} ${text.slice(0, 300)}`;
          expect(res.status, what).toBeLessThan(500);
          if (res.status >= 400) expect(errorEnvelope(parsed), what).toBe(true);
          // No API, collection, record or preset is named `constructor`: refused or not found, as
          // any unknown name is (a PUT may create the record).
          const rerouted = values.some((v) => /%2F|^\.{1,2}$|%2e/i.test(v));
          if (op.method !== 'put' && !rerouted && values.some((v) => inherited.includes(v)))
            expect([400, 404], what).toContain(res.status);
          // 405 is the router's answer to a path that reaches another template (a `%2F` id).
          if (res.status !== 405 && !rerouted)
            expect(op.validateResponse(res.status, parsed, headers), what).toEqual([]);
        }),
        { numRuns: names.length >= 2 ? 150 : 30, seed: 20261202 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    60_000,
  );
});

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
