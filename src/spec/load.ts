import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot, specPath } from '../paths.js';

// yaml is loaded only when a spec has no up-to-date JSON build: start-up skips it.
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * A spec as written: YAML parsed, local $refs left in place (ajv resolves them). The build's
 * JSON copy is used when its hash says it is this very YAML (it parses many times faster).
 */
export function readSpec(name: string): JsonObject {
  const text = readFileSync(specPath(name), 'utf8');
  const built = join(packageRoot, 'dist', 'specs', `${name}.json`);
  if (existsSync(built)) {
    const { hash, spec } = JSON.parse(readFileSync(built, 'utf8')) as { hash: string; spec: JsonObject };
    if (hash === createHash('sha256').update(text).digest('hex')) return spec;
  }
  return parseYaml(text) as JsonObject;
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
