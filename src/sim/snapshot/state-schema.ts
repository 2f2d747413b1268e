import type { Json, JsonObject } from '../../contract/load.js';
import { derefDeep, getPointer } from '../../contract/load.js';
import { specIndex } from '../../contract/registry.js';

/**
 * One API's state schema, read from the specs rather than written again here: the API's
 * `<Vendor>State` of control.yaml (what `Snapshot.apis.<api>` refers to), in which each node
 * marked `x-connkit-records: {collection, without?}` becomes the record schema the API's own
 * spec gives that collection (`x-connkit.state.<collection>`, the record editor's schema, or
 * `x-connkit.internal.<collection>` for records the editor does not change), less the fields
 * listed in `without`.
 */
export function stateSchema(api: string): JsonObject {
  const control = specIndex('control').doc;
  const apis = getPointer(control, '/components/schemas/Snapshot/properties/apis') as JsonObject;
  const listed = (apis.properties as JsonObject | undefined)?.[api];
  const schema = derefDeep(control, listed ?? apis.additionalProperties ?? {});
  return withRecords(schema, api) as JsonObject;
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function withRecords(node: Json, api: string): Json {
  if (Array.isArray(node)) return node.map((n) => withRecords(n, api));
  if (!isObject(node)) return node;
  const marked = node['x-connkit-records'];
  if (isObject(marked) && typeof marked.collection === 'string')
    return recordSchema(api, marked.collection, marked.without);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withRecords(v, api)]));
}

/**
 * The record schema an API's spec gives a collection, as written (not dereferenced): the
 * editable ones under `x-connkit.state`, the rest under `x-connkit.internal`.
 */
export function recordSchemaOf(api: string, collection: string): JsonObject | undefined {
  const member = specIndex(api).doc['x-connkit'] as JsonObject | undefined;
  return [member?.state, member?.internal]
    .map((records) => (isObject(records) && Object.hasOwn(records, collection) ? records[collection] : undefined))
    .find(isObject);
}

function recordSchema(api: string, collection: string, without: Json | undefined): JsonObject {
  const doc = specIndex(api).doc;
  const own = recordSchemaOf(api, collection);
  if (!own)
    throw new Error(
      `control.yaml names ${api} records '${collection}', which specs/${api}.yaml's x-connkit.state and x-connkit.internal lack`,
    );
  const deref = derefDeep(doc, own) as JsonObject;
  // A stored record holds the fields its schema names and no others, even where the schema is an
  // answer's (open to fields a later version adds): an import must not store what nothing reads.
  const schema = 'additionalProperties' in deref ? deref : { ...deref, additionalProperties: false };
  const drop = new Set(Array.isArray(without) ? without.filter((k) => typeof k === 'string') : []);
  if (!drop.size) return schema;
  const properties = isObject(schema.properties) ? schema.properties : {};
  return {
    ...schema,
    properties: Object.fromEntries(Object.entries(properties).filter(([k]) => !drop.has(k))),
    required: (Array.isArray(schema.required) ? schema.required : []).filter(
      (k) => typeof k !== 'string' || !drop.has(k),
    ),
  };
}
