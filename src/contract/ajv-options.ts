import type { Options } from 'ajv';

/**
 * How every ajv of the specs is set up, shared by the build-time generator (standalone code)
 * and the runtime compiler, so both check alike. OpenAPI adds keywords ajv does not know
 * (`example`, `x-…`), hence strict: false; the schemas are checked by Spectral and
 * swagger-parser (npm test), so validating them again against the meta-schema would only cost.
 */
export const ajvOptions: Options = { strict: false, allErrors: true, validateSchema: false };

/** Parameters arrive as strings: their checks coerce ("10" → 10, "a" → ["a"]). */
export const coercingOptions: Options = { ...ajvOptions, coerceTypes: 'array' };

// Auth0 types connection ids with its own format name; its only rule is the length the
// schema states already, so any string passes the format itself.
export const vendorFormats: Record<string, true> = { 'connection-id': true };

/** The $id a spec's document has inside an ajv, so `$ref: "<id>#/components/…"` reaches it. */
export const specId = (name: string, copy = 1): string =>
  `https://connkit.local/specs/${name}${copy > 1 ? `-${copy}` : ''}.json`;
