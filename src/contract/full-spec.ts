import { specDocuments } from '../generated/specs.js';
import type { JsonObject } from './load.js';
import type { SpecName } from './names.js';

/**
 * A spec as written, its descriptions and examples included, for the people reading it (the
 * docs page): a module of its own, so a bundle whose core reads the runtime copies
 * (documents.ts) carries the whole documents only where this is imported.
 */
export function readFullSpec(name: string): JsonObject {
  const load = specDocuments[name as SpecName];
  if (!load) throw new Error(`connkit: no spec named ${name}`);
  return load() as JsonObject;
}
