import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import type { Options } from 'ajv';
import { ajvOptions, coercingOptions, specId, vendorFormats } from './ajv-options.js';
import { readSpec, type JsonObject } from './load.js';
import { specNames } from './names.js';
import { withoutAnnotations } from './trim.js';
import { validatorTargets } from './walk.js';

/**
 * Which validators a generated file holds: a request's parameters (`params`, coercing), its
 * body and the state collections (`bodies`, strict), the answers (`responses`, strict): a read
 * never parses a body's checks.
 */
export type ValidatorPart = 'params' | 'bodies' | 'responses';
export const validatorParts: readonly ValidatorPart[] = ['params', 'bodies', 'responses'];

function standaloneAjv(options: Options, doc: JsonObject, id: string): Ajv2020 {
  const ajv = new Ajv2020({ ...options, code: { source: true, lines: false } });
  addFormats.default(ajv);
  for (const [name, format] of Object.entries(vendorFormats)) ajv.addFormat(name, format);
  ajv.addSchema({ ...doc, $id: id });
  return ajv;
}

/**
 * ajv's standalone code as CommonJS-style `exports["key"] = …` statements inside a function:
 * two instances number their functions alike, so each gets a scope of its own, and the code
 * runs on the first check of its spec rather than at import.
 */
function tableFunction(
  fn: string,
  ajv: Ajv2020,
  refs: Record<string, string>,
  runtime: Map<string, string>,
  aliases: [string, string][] = [],
): string {
  // The code `require`s ajv's runtime helpers and ajv-formats' formats; an ES module imports them.
  const code = Object.keys(refs).length
    ? standalone.default(ajv, refs).replace(/require\("([^"]+)"\)/g, (_, mod: string) => {
        let local = runtime.get(mod);
        if (!local) runtime.set(mod, (local = `runtime${runtime.size}`));
        return local;
      })
    : '';
  const shared = aliases.map(([key, same]) => `  exports[${JSON.stringify(key)}] = exports[${JSON.stringify(same)}];`);
  return [`function ${fn}() {`, '  const exports = {};', code, ...shared, '  return exports;', '}', ''].join('\n');
}

// A CommonJS module's `exports` from its ES namespace, whichever way the loader maps `default`:
// Node and bundlers in Node's mode give `exports` itself, vitest's interop and bundlers in their
// own mode give `exports.default` beside the named exports. Written into each generated file:
// generated code imports nothing of connkit's at run time.
const interop = [
  'function commonJsExports(ns) {',
  '  const d = ns.default;',
  "  return typeof d === 'object' && d !== null && '__esModule' in d ? d : ns;",
  '}',
];

/** src/generated/validators/<spec>.<part>.ts: the validators the index of the spec asks for, compiled now. */
export function generateValidators(name: string, part: ValidatorPart): string {
  const id = specId(name);
  // ajv's code carries the schemas it checks as constants: without annotations they weigh less.
  const doc = withoutAnnotations(readSpec(name)) as JsonObject;
  const targets = validatorTargets(doc, id);
  const strict = standaloneAjv(ajvOptions, doc, id);
  const strictPointers = part === 'bodies' ? targets.strict : part === 'responses' ? targets.responses : [];
  const strictRefs = Object.fromEntries(strictPointers.map((p) => [p, `${id}#${p}`]));
  const coercing = standaloneAjv(coercingOptions, doc, id);
  const coercingRefs: Record<string, string> = {};
  // Operations that take the same parameters (the control API's session header, a vendor's
  // paging) share one function: a third of the code to parse on a first request.
  const first = new Map<string, string>();
  const aliases: [string, string][] = [];
  if (part === 'params')
    for (const [key, schema] of targets.coercing) {
      const text = JSON.stringify(schema);
      const same = first.get(text);
      if (same) {
        aliases.push([key, same]);
        continue;
      }
      first.set(text, key);
      const groupId = `${id}/params/${encodeURIComponent(key)}`;
      coercing.addSchema({ ...schema, $id: groupId });
      coercingRefs[key] = groupId;
    }
  const runtime = new Map<string, string>();
  const tables = [
    tableFunction('strictValidators', strict, strictRefs, runtime),
    tableFunction('coercingValidators', coercing, coercingRefs, runtime, aliases),
  ];
  return [
    `// Generated from specs/${name}.yaml by ajv's standalone code (npm run generate). Do not edit.`,
    '// @ts-nocheck',
    '',
    "import type { Compiled } from '../../contract/standalone.js';",
    ...[...runtime].map(([mod, local]) => `import * as ${local}Module from '${mod}.js';`),
    '',
    ...interop,
    ...[...runtime].map(([, local]) => `const ${local} = commonJsExports(${local}Module);`),
    '',
    ...tables,
    `export const ${name}: Compiled = { strict: strictValidators, coercing: coercingValidators };`,
    '',
  ].join('\n');
}

/**
 * src/generated/validators/<part>.ts: each spec's compiled validators of that part, by spec
 * name. The bodies import each spec's file on its first body (a read never parses them); the
 * parameters, which nearly every first request checks, and the responses, imported as a whole
 * on demand already, statically (an import() costs a millisecond of its own).
 */
export function generateValidatorIndex(part: ValidatorPart): string {
  if (part === 'bodies')
    return [
      '// Generated by npm run generate. Do not edit.',
      '',
      "import type { Compiled } from '../../contract/standalone.js';",
      "import type { SpecName } from '../../contract/names.js';",
      '',
      `export const ${part}: Record<SpecName, () => Promise<Compiled>> = {`,
      ...specNames.map((name) => `  ${name}: () => import('./${name}.${part}.js').then((m) => m.${name}),`),
      '};',
      '',
    ].join('\n');
  return [
    '// Generated by npm run generate. Do not edit.',
    '',
    "import type { Compiled } from '../../contract/standalone.js';",
    "import type { SpecName } from '../../contract/names.js';",
    ...specNames.map((name) => `import { ${name} } from './${name}.${part}.js';`),
    '',
    `export const ${part}: Record<SpecName, Compiled> = { ${specNames.join(', ')} };`,
    '',
  ].join('\n');
}
