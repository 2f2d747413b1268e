import { discriminatedAt } from './discriminated.js';
import { derefDeep, escapePointer, resolveLocal, type Json, type JsonObject } from './load.js';

export type ParamLocation = 'path' | 'query' | 'header';
export const locations: ParamLocation[] = ['path', 'query', 'header'];
export const httpMethods = ['get', 'put', 'post', 'patch', 'delete'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface Param {
  name: string;
  in: ParamLocation;
  required: boolean;
  array: boolean;
  default?: Json;
  schema: JsonObject;
}
export type ParamWithPointer = Param & { pointer: string };

/** A spec value as text, as String() has it, but an object as its JSON rather than "[object Object]". */
export function text(v: Json | undefined): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** Every operation of a spec with the pointers its validators start from. */
export function* walkOperations(doc: JsonObject): Generator<{
  path: string;
  method: HttpMethod;
  op: JsonObject;
  item: JsonObject;
  itemPointer: string;
  opPointer: string;
}> {
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    const pathItem = item as JsonObject;
    const itemPointer = `/paths/${escapePointer(path)}`;
    for (const method of httpMethods) {
      const op = pathItem[method] as JsonObject | undefined;
      if (op) yield { path, method, op, item: pathItem, itemPointer, opPointer: `${itemPointer}/${method}` };
    }
  }
}

export function collectParams(
  doc: JsonObject,
  item: JsonObject,
  op: JsonObject,
  itemPtr: string,
  opPtr: string,
): ParamWithPointer[] {
  const byKey = new Map<string, ParamWithPointer>();
  const add = (list: Json | undefined, base: string) =>
    ((list ?? []) as Json[]).forEach((raw, i) => {
      const { node, pointer } = resolveLocal(doc, raw, `${base}/parameters/${i}`);
      const p = node as JsonObject;
      const schemaNode = derefDeep(doc, p.schema) as JsonObject;
      const types = ([] as Json[]).concat(schemaNode.type ?? []);
      // Operation-level parameters override path-level ones of the same name and place.
      byKey.set(`${text(p.in)}:${text(p.name)}`, {
        name: text(p.name),
        in: p.in as ParamLocation,
        required: p.required === true,
        array: types.includes('array'),
        default: schemaNode.default,
        schema: schemaNode,
        pointer: `${pointer}/schema`,
      });
    });
  add(item.parameters, itemPtr);
  add(op.parameters, opPtr);
  return [...byKey.values()];
}

export function requestBody(doc: JsonObject, op: JsonObject, opPtr: string) {
  if (!op.requestBody) return undefined;
  const { node, pointer } = resolveLocal(doc, op.requestBody, `${opPtr}/requestBody`);
  const rb = node as JsonObject;
  if (!(rb.content as JsonObject)?.['application/json']) return undefined;
  return { required: rb.required === true, pointer: `${pointer}/content/application~1json/schema` };
}

/** The pointer of each documented response's JSON schema, by status. */
export function responseSchemas(doc: JsonObject, op: JsonObject, opPointer: string) {
  return Object.entries((op.responses ?? {}) as JsonObject).map(([status, raw]) => {
    const { node, pointer } = resolveLocal(doc, raw, `${opPointer}/responses/${status}`);
    const res = node as JsonObject;
    const media = (res.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
    return { status, res, pointer, schema: media?.schema ? `${pointer}/content/application~1json/schema` : undefined };
  });
}

/** The key of one place's parameter check of an operation, in the generated validators. */
export const paramsKey = (opPointer: string, loc: ParamLocation): string => `${opPointer}#${loc}`;

/** One object schema over an operation's parameters in one place, each one's schema by $ref. */
export function paramGroupSchema(own: ParamWithPointer[], id: string): JsonObject {
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [p.name, { $ref: `${id}#${p.pointer}` }])),
    required: own.filter((p) => p.required).map((p) => p.name),
  };
}

/**
 * Every validator the index of a spec asks for, so the build compiles exactly these: each
 * operation's parameter checks (by place), its body and the branches of a discriminated one,
 * the schema of each state collection (record edits on the control API) and, apart, its
 * responses (checked only when asked: `validateResponses`, verify).
 */
export function validatorTargets(doc: JsonObject, id: string) {
  const strict = new Set<string>();
  const responses = new Set<string>();
  const coercing = new Map<string, JsonObject>();
  for (const { op, item, itemPointer, opPointer } of walkOperations(doc)) {
    const params = collectParams(doc, item, op, itemPointer, opPointer);
    for (const loc of locations) {
      const own = params.filter((p) => p.in === loc);
      if (own.length) coercing.set(paramsKey(opPointer, loc), paramGroupSchema(own, id));
    }
    const body = requestBody(doc, op, opPointer);
    if (body) {
      strict.add(body.pointer);
      for (const branch of discriminatedAt(doc, body.pointer)?.branches.values() ?? []) strict.add(branch);
    }
    for (const r of responseSchemas(doc, op, opPointer)) if (r.schema) responses.add(r.schema);
  }
  const state = (doc['x-connkit'] as JsonObject | undefined)?.state;
  if (state && typeof state === 'object' && !Array.isArray(state))
    for (const collection of Object.keys(state)) strict.add(`/x-connkit/state/${escapePointer(collection)}`);
  return { strict: [...strict], coercing, responses: [...responses] };
}
