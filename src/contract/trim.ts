import type { Json, JsonObject } from './load.js';

// Members whose keys are names chosen by the spec's author, not keywords: a property may be
// called `description` and must stay.
const maps = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'parameters',
  'responses',
  'requestBodies',
  'headers',
  'paths',
  'content',
  'variables',
  'mapping',
  'securitySchemes',
]);
// Annotations: no validator reads them, and the build's code would carry each one as text.
const annotations = new Set(['description', 'summary', 'example', 'examples']);

/** A spec without its annotations, for compiling validators (every pointer into a schema still holds). */
export function withoutAnnotations(node: Json, isMap = false): Json {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((n) => withoutAnnotations(n));
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (!isMap && annotations.has(k)) continue;
    out[k] = withoutAnnotations(v, !isMap && maps.has(k));
  }
  return out;
}

// What the core reads of a spec besides its schemas: operation summaries, and every `x-…`
// member (scenarios, state collections with the descriptions the record editor shows).
const readAtRunTime = new Set(['summary']);
// Written for people reading the spec; nothing at run time reads them.
const forReaders = new Set(['description', 'example', 'examples', 'x-connkit-assumption']);
// Read by verify alone (its model tier runs in Node, from the whole document).
const forVerify = new Set(['model']);
const withoutVerify = (v: Json): Json =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).filter(([key]) => !forVerify.has(key)))
    : v;

/**
 * A spec as the core reads it: without the prose and examples written for its readers (the
 * browser build carries this copy; the Node door serves the whole document on its docs page).
 */
export function runtimeDocument(node: Json, isMap = false): Json {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((n) => runtimeDocument(n));
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (!isMap && forReaders.has(k) && !readAtRunTime.has(k)) continue;
    out[k] =
      !isMap && k === 'x-connkit'
        ? withoutVerify(v)
        : !isMap && k.startsWith('x-')
          ? v
          : runtimeDocument(v, !isMap && maps.has(k));
  }
  return out;
}
