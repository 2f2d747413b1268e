import type { Issue } from './index.js';
import { derefDeep, getPointer, resolveLocal, type Json, type JsonObject } from './load.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isJsonObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A body schema that is a `oneOf` with a discriminator and its mapping: which branch each tag value names. */
export interface Discriminated {
  tag: string;
  /** Tag value → pointer of its branch schema. */
  branches: Map<string, string>;
}

export function discriminatedAt(doc: JsonObject, pointer: string): Discriminated | undefined {
  const { node } = resolveLocal(doc, getPointer(doc, pointer), pointer);
  if (!isJsonObject(node) || !Array.isArray(node.oneOf) || !isJsonObject(node.discriminator)) return undefined;
  const { propertyName, mapping } = node.discriminator;
  if (typeof propertyName !== 'string' || !isJsonObject(mapping)) return undefined;
  const branches = new Map<string, string>();
  for (const [value, ref] of Object.entries(mapping))
    if (typeof ref === 'string' && ref.startsWith('#/')) branches.set(value, ref.slice(1));
  return { tag: propertyName, branches };
}

/** The fields a branch takes besides its tag, as people name them: `params.organization_id`, optional ones with `?`. */
export function takes(doc: JsonObject, pointer: string, tag: string): string[] {
  const walk = (schema: Json | undefined, prefix: string): string[] => {
    if (!isJsonObject(schema) || !isJsonObject(schema.properties)) return [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    return Object.entries(schema.properties).flatMap(([name, sub]) => {
      if (!prefix && name === tag) return [];
      const path = `${prefix}${name}`;
      // An object that may hold nothing (`params: {}`) takes nothing.
      if (
        isJsonObject(sub) &&
        sub.additionalProperties === false &&
        (!isJsonObject(sub.properties) || Object.keys(sub.properties).length === 0)
      )
        return [];
      const inner = walk(sub, `${path}.`);
      return inner.length ? inner : [`${path}${required.includes(name) ? '' : '?'}`];
    });
  };
  return walk(derefDeep(doc, getPointer(doc, pointer)), '');
}

/**
 * The branch a body's tag names, or the one issue for a tag that names none: a discriminated
 * body is then checked against that branch alone, so an error speaks of the state asked for
 * rather than of every branch the body is not.
 */
export function pickBranch(d: Discriminated, body: unknown): { value: string; pointer: string } | Issue | undefined {
  if (!isObject(body)) return undefined;
  const value = body[d.tag];
  const pointer = typeof value === 'string' ? d.branches.get(value) : undefined;
  if (pointer !== undefined && typeof value === 'string') return { value, pointer };
  const known = [...d.branches.keys()];
  return value === undefined
    ? {
        in: 'body',
        path: [d.tag],
        keyword: 'required',
        message: 'is required',
        params: { missingProperty: d.tag, context: `one of ${known.join(', ')}` },
      }
    : {
        in: 'body',
        path: [d.tag],
        keyword: 'enum',
        message: `must be one of ${known.join(', ')}`,
        params: { allowedValues: known },
      };
}
