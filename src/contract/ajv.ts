import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options } from 'ajv';
import addFormats from 'ajv-formats';
import { ajvOptions, vendorFormats } from './ajv-options.js';

/** One configured ajv for schemas of the specs (JSON Schema 2020-12, as OpenAPI 3.1 uses). */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...ajvOptions, ...options });
  addFormats.default(ajv);
  for (const [name, format] of Object.entries(vendorFormats)) ajv.addFormat(name, format);
  return ajv;
}
