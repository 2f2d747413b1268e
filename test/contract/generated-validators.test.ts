// The validators compiled at build time (src/generated/validators/, ajv's standalone code) are
// what the spec compiles to today, and judge every input as ajv compiling the spec at run time
// would: the same issues, field by field, so every vendor envelope names the same field.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { generateValidatorIndex, generateValidators, validatorParts } from '../../src/contract/generate-validators.js';
import { buildIndex, type Operation } from '../../src/contract/index.js';
import { readSpec, type JsonObject } from '../../src/contract/load.js';
import { specNames } from '../../src/contract/names.js';
import { loadBodyValidators } from '../../src/contract/request-validators.js';
import { loadResponseValidators } from '../../src/contract/response-validators.js';

const generated = (file: string) => readFile(join(packageRoot, 'src', 'generated', 'validators', file), 'utf8');

describe.each([...validatorParts])('src/generated/validators, %s', (part) => {
  it.each([...specNames])('%s is what ajv makes of the spec today (run npm run generate)', async (name) => {
    expect(await generated(`${name}.${part}.ts`)).toBe(generateValidators(name, part));
  });
  it('the index lists every spec', async () => {
    expect(await generated(`${part}.ts`)).toBe(generateValidatorIndex(part));
  });
});

/** Wrong values of every shape, for each member a body schema names and for the whole body. */
function badBodies(schema: JsonObject): unknown[] {
  const wrong = [null, 42, 'x', true, [], {}, { unknown_member: 1 }];
  const members = Object.keys((schema.properties ?? {}) as JsonObject);
  return [...wrong, ...members.flatMap((m) => wrong.map((w) => ({ [m]: w })))];
}

function paramInputs(op: Operation) {
  const values = ['', 'x', '-1', '0', '1.5', '99999999999', 'true'];
  return [
    { path: {}, query: {}, header: {} },
    ...op.params.flatMap((p) =>
      values.map((v) => ({
        path: p.in === 'path' ? { [p.name]: v } : {},
        query: p.in === 'query' ? { [p.name]: p.array ? [v, v] : v } : {},
        header: p.in === 'header' ? { [p.name.toLowerCase()]: v } : {},
      })),
    ),
  ];
}

describe.each([...specNames])('%s: build-time validators agree with runtime-compiled ones', (name) => {
  const built = buildIndex(name);
  // A document handed in is compiled at run time (the fallback for altered specs).
  const compiled = buildIndex(name, readSpec(name));
  beforeAll(() => Promise.all([loadResponseValidators(), loadBodyValidators(name)]));

  it('the index serves the build-time code, the altered document its own compile', () => {
    const bodies = built.operations.filter((op) => op.body);
    for (const op of bodies) {
      // ajv's runtime compile leaves its schema environment on the function; standalone code has none.
      expect(op.body && 'schemaEnv' in op.body.validate).toBe(false);
      expect(compiled.byId.get(op.id)?.body?.validate).toHaveProperty('schemaEnv');
    }
    const responses = built.operations.flatMap((op) => [...op.responses.values()]).filter((r) => r.validate);
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses) expect(r.validate && 'schemaEnv' in r.validate).toBe(false);
  });

  it('on parameters and bodies of every operation', () => {
    let checked = 0;
    for (const op of built.operations) {
      const twin = compiled.byId.get(op.id);
      if (!twin) throw new Error(`no ${op.id} in the runtime-compiled index`);
      for (const raw of paramInputs(op)) expect(op.parseParams(raw)).toEqual(twin.parseParams(raw));
      for (const body of op.body ? badBodies(op.body.schema) : []) {
        const issues = op.validateBody(body);
        expect(issues).toEqual(twin.validateBody(body));
        checked += issues.length;
      }
    }
    // The inputs are wrong: a run where nothing was found wrong checked nothing.
    expect(checked).toBeGreaterThan(0);
  });

  it('on responses of every operation', () => {
    let checked = 0;
    for (const op of built.operations)
      for (const [status, res] of op.responses) {
        if (!res.json || !/^\d+$/.test(status)) continue;
        for (const body of [null, 42, 'x', [], {}, { unknown_member: 1 }]) {
          const issues = op.validateResponse(Number(status), body, {});
          expect(issues).toEqual(compiled.byId.get(op.id)?.validateResponse(Number(status), body, {}));
          checked += issues.length;
        }
      }
    expect(checked).toBeGreaterThan(0);
  });
});
