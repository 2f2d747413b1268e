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

/**
 * ajv itself, loaded synchronously on the first validator the build did not compile (a
 * test's altered spec, a schema of the spec no operation uses): off the import path, since
 * loading and setting it up costs more than a test file's whole start. A browser has no
 * `require`; the browser build compiles what its core asks for ahead of time.
 */
const loadAjv = once((): { Ajv: AjvModule['Ajv2020']; addFormats: FormatsModule['default'] } => {
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module');
  if (!nodeModule)
    throw new Error('connkit: this validator was not compiled at build time, and this runtime cannot compile one');
  const require = nodeModule.createRequire(import.meta.url);
  const ajv = require('ajv/dist/2020.js') as AjvModule;
  const formats = require('ajv-formats') as FormatsModule;
  return { Ajv: ajv.Ajv2020, addFormats: formats.default };
});

/**
 * One pair of instances per process (strict, and coercing for parameters) rather than per
 * spec: setting up an instance costs more than adding a document.
 */
const shared = once((): [Ajv2020, Ajv2020] => {
  const { Ajv, addFormats } = loadAjv();
  const make = (options: Options) => {
    const ajv = new Ajv(options);
    addFormats(ajv);
    for (const [name, format] of Object.entries(vendorFormats)) ajv.addFormat(name, format);
    return ajv;
  };
  return [make(ajvOptions), make(coercingOptions)];
});

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
