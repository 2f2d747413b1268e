import { specDocuments } from './documents.js';
import type { SpecName } from './names.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * A spec as the core reads it: local $refs left in place (ajv resolves them). The documents are
 * generated from specs/*.yaml into src/generated/specs.ts (npm run generate; the drift test
 * keeps them equal), so reading a spec needs no file system: the core runs in a browser. A
 * bundle may hold them without the prose for readers (documents.ts); readFullSpec has it all.
 */
export function readSpec(name: string): JsonObject {
  const load = specDocuments[name as SpecName];
  if (!load) throw new Error(`connkit: no spec named ${name}`);
  return load() as JsonObject;
}

/** Follows a local `$ref` chain ("#/components/…") to the node it names, with its pointer. */
export function resolveLocal(doc: JsonObject, node: Json, pointer: string): { node: Json; pointer: string } {
  const seen = new Set<string>();
  while (node && typeof node === 'object' && !Array.isArray(node) && typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) throw new Error(`unsupported or circular $ref ${ref} at ${pointer}`);
    seen.add(ref);
    pointer = ref.slice(1);
    node = getPointer(doc, pointer);
  }
  return { node, pointer };
}

export function getPointer(doc: Json, pointer: string): Json {
  let node: Json = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') throw new Error(`no node at ${pointer}`);
    node = Array.isArray(node) ? node[Number(key)] : node[key];
    if (node === undefined) throw new Error(`no node at ${pointer}`);
  }
  return node;
}

export const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The node with every local $ref inside it replaced by its target (the specs have no cycles),
 * for code that reads schemas rather than validating with them (data generators).
 */
export function derefDeep(doc: JsonObject, node: Json, seen: string[] = []): Json {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((n) => derefDeep(doc, n, seen));
  if (typeof node.$ref === 'string') {
    if (seen.includes(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
    const { $ref, ...siblings } = node;
    const target = derefDeep(doc, getPointer(doc, $ref.slice(1)), [...seen, $ref]) as JsonObject;
    return Object.keys(siblings).length ? { ...target, ...(derefDeep(doc, siblings, seen) as JsonObject) } : target;
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, derefDeep(doc, v, seen)]));
}
