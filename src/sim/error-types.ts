import { errorSchemaPointer } from '../contract/names.js';
import { getPointer, type Json } from '../contract/load.js';
import type { SpecIndex } from '../contract/index.js';

const strings = (node: Json | undefined): string[] =>
  Array.isArray(node) ? node.filter((v): v is string => typeof v === 'string') : [];

function envelope(index: SpecIndex): Json | undefined {
  try {
    return getPointer(index.doc, errorSchemaPointer(index.name));
  } catch {
    return undefined;
  }
}

const member = (node: Json | undefined, key: string): Json | undefined =>
  node !== null && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;

/** The error types a spec documents: `x-connkit-error-types` on its error envelope schema (none when it lists none). */
export function documentedErrorTypes(index: SpecIndex): string[] {
  return strings(member(envelope(index), 'x-connkit-error-types'));
}

/** A string-valued map the envelope schema carries under `key` (LeadConduit's sentence classes), in the spec's order. */
export function envelopeMap(index: SpecIndex, key: string): [string, string][] {
  const node = member(envelope(index), key);
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  return Object.entries(node).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** `body[key]` when body is a plain object: how a vendor's hook walks an answer it did not type. */
export function memberOf(body: unknown, key: string): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  return Object.entries(body).find(([k]) => k === key)?.[1];
}
