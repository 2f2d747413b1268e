import type { Options, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { ajvOptions, coercingOptions, specId, vendorFormats } from './ajv-options.js';
import type { JsonObject } from './load.js';

/** What an index compiles at run time: a schema by pointer, or a parameter group's schema. */
export interface RuntimeCompiler {
  ref(pointer: string): ValidateFunction;
  coercing(schema: JsonObject): ValidateFunction;
  /** The $id the document has in the compiler's instances. */
  id: string;
}

type AjvModule = typeof import('ajv/dist/2020.js');
type FormatsModule = typeof import('ajv-formats');

interface AjvParts {
  Ajv: AjvModule['Ajv2020'];
  addFormats: FormatsModule['default'];
}
let provided: AjvParts | undefined;

/** ajv for a runtime without `require` (the browser entry imports it and hands it over). */
export function provideAjv(parts: AjvParts): void {
  provided = parts;
}

/**
 * ajv itself, loaded synchronously on the first validator the build did not compile (a
 * test's altered spec, a schema of the spec no operation uses, a snapshot's state shape):
 * off the import path, since loading it costs more than the rest of a test file's import.
 */
const loadAjv = once((): AjvParts => {
  if (provided) return provided;
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module');
  if (!nodeModule) throw new Error('connkit: no ajv to compile a validator with (provideAjv)');
  const require = nodeModule.createRequire(import.meta.url);
  const ajv = require('ajv/dist/2020.js') as AjvModule;
  const formats = require('ajv-formats') as FormatsModule;
  return { Ajv: ajv.Ajv2020, addFormats: formats.default };
});

/** An ajv set up as the build's: formats, the vendors' own formats. */
function configured(options: Options): Ajv2020 {
  const { Ajv, addFormats } = loadAjv();
  const ajv = new Ajv(options);
  addFormats(ajv);
  for (const [name, format] of Object.entries(vendorFormats)) ajv.addFormat(name, format);
  return ajv;
}

/**
 * One pair of instances per process (strict, and coercing for parameters) rather than per
 * spec: setting up an instance costs more than adding a document.
 */
const shared = once((): [Ajv2020, Ajv2020] => [configured(ajvOptions), configured(coercingOptions)]);

/** A schema of its own (not a spec's) compiled with the house options plus `options`, ajv loaded on first use. */
export function compileSchema(schema: JsonObject | Record<string, unknown>, options: Options = {}): ValidateFunction {
  const key = JSON.stringify(options);
  let ajv = extra.get(key);
  if (!ajv) extra.set(key, (ajv = configured({ ...ajvOptions, ...options })));
  return ajv.compile(schema);
}
const extra = new Map<string, Ajv2020>();

const copies = new Map<string, number>();

/** A compiler over one document; its document joins the shared instances on its first compile. */
export function runtimeCompiler(name: string, doc: JsonObject): RuntimeCompiler {
  // A second document of the same spec (a test's altered copy) gets an $id of its own.
  const copy = (copies.get(name) ?? 0) + 1;
  copies.set(name, copy);
  const id = specId(name, copy);
  const added = once(() => {
    for (const ajv of shared()) ajv.addSchema({ ...doc, $id: id }, undefined, undefined, false);
    return shared();
  });
  return {
    id,
    ref: (pointer) => added()[0].compile({ $ref: `${id}#${pointer}` }),
    coercing: (schema) => added()[1].compile(schema),
  };
}

export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
