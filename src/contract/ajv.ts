import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options } from 'ajv';
import addFormats from 'ajv-formats';

// Auth0 types connection ids with its own format name; its only rule is the length the
// schema states already, so any string passes the format itself.
const vendorFormats: Record<string, true> = { 'connection-id': true };

/**
 * One configured ajv for every schema in the specs (JSON Schema 2020-12, as OpenAPI 3.1
 * uses). OpenAPI adds keywords ajv does not know (`example`, `x-…`), hence strict: false.
 */
export function createAjv(options: Options = {}): Ajv2020 {
  // The schemas are checked by Spectral and swagger-parser (npm test); validating them again
  // against the meta-schema on every start would cost more than all the compiling.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, ...options });
  addFormats.default(ajv);
  for (const [name, format] of Object.entries(vendorFormats)) ajv.addFormat(name, format);
  return ajv;
}
