import type { JsonObject } from '../../contract/load.js';
import { toIssues } from '../../contract/index.js';
import { specIndex } from '../../contract/registry.js';
import { ApiError, fieldName } from '../errors.js';
import { plainCopy } from '../module.js';
import { describeIssue } from '../issues.js';
import type { Session } from '../session.js';

export type { EditableCollection, RecordEdits, RecordPreset } from '../record-edits.js';
import type { EditableCollection, RecordEdits, RecordPreset } from '../record-edits.js';

/** Where an API's spec keeps the schema of a collection's stored records. */
const schemaPointer = (collection: string) => `/x-connkit/state/${collection.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function hasSchema(api: string, collection: string): boolean {
  const ext = specIndex(api).doc['x-connkit'] as JsonObject | undefined;
  const state = ext?.state as JsonObject | undefined;
  return state !== undefined && Object.hasOwn(state, collection);
}

/** What the page may do with each collection: GET /__control/state/{api} adds it to every entry. */
export function editsOf(api: string, edits: RecordEdits<unknown> | undefined, collection: string) {
  const editable = edits !== undefined && Object.hasOwn(edits, collection) && hasSchema(api, collection);
  const presets = editable
    ? Object.entries(edits[collection]?.presets ?? {}).map(([name, p]) => ({
        name,
        label: p.label,
        description: p.description,
      }))
    : [];
  return { editable, presets };
}

function collectionOf(
  api: string,
  edits: RecordEdits<unknown> | undefined,
  collection: string,
): EditableCollection<unknown> {
  const c = edits && Object.hasOwn(edits, collection) && hasSchema(api, collection) ? edits[collection] : undefined;
  if (!c) {
    const which = edits ? Object.keys(edits).filter((n) => hasSchema(api, n)) : [];
    throw new ApiError({
      kind: 'not_found',
      code: 'not_editable',
      message: `${api} ${collection} cannot be edited${which.length ? ` (editable: ${which.join(', ')})` : ''}`,
    });
  }
  return c;
}

/** The record against the spec's schema: the first issues, each naming its field (`body.status`). */
function check(api: string, collection: string, record: unknown): void {
  const validate = specIndex(api).schemaValidator(schemaPointer(collection));
  if (validate(record)) return;
  const issues = toIssues('body', validate.errors);
  const message = issues
    .slice(0, 5)
    .map((i) => `${fieldName([i.in, ...i.path])} ${describeIssue(i)}`)
    .join('; ');
  throw new ApiError({
    kind: 'unprocessable',
    code: 'invalid_record',
    message: `${api} ${collection}: ${message}`,
    field: issues[0] ? [issues[0].in, ...issues[0].path] : ['body'],
    issues,
  });
}

interface Target<A extends string = string> {
  session: Session;
  api: A;
  collection: string;
  id: string;
  /** The API's state factory (module.state). */
  factory: { toJSON(state: unknown): unknown; fromJSON(json: unknown): unknown };
  edits: RecordEdits<unknown> | undefined;
}

/**
 * Runs `change` on a copy of the API's state and swaps the copy in only once it reads back:
 * a refused edit leaves the session exactly as it was. The state is rebuilt from JSON, so
 * every index a vendor keeps follows the edit without the vendor writing edit code for it.
 */
function commit<A extends string>(t: Target<A>, change: (data: unknown, c: EditableCollection<unknown>) => void) {
  const c = collectionOf(t.api, t.edits, t.collection);
  const data = plainCopy(t.factory.toJSON(t.session.state(t.api)));
  if (!c.get(data, t.id))
    throw new ApiError({
      kind: 'not_found',
      code: 'record_not_found',
      message: `${t.api} ${t.collection} has no record ${t.id}`,
    });
  change(data, c);
  const after = c.get(data, t.id);
  if (after) check(t.api, t.collection, after);
  t.factory.fromJSON(data); // throws (nothing swapped) when the state cannot be built from it
  const snapshot = t.session.export();
  t.session.import({ ...snapshot, apis: { ...snapshot.apis, [t.api]: data } });
  return { api: t.api, collection: t.collection, session: t.session.name, id: t.id, record: after ?? null };
}

/** PUT /__control/state/{api}/{collection}/{id}. */
export function putRecord<A extends string>(t: Target<A>, record: Record<string, unknown>) {
  return commit(t, (data, c) => {
    check(t.api, t.collection, record);
    const listed = c.idOf(record);
    if (listed !== t.id)
      throw new ApiError({
        kind: 'unprocessable',
        code: 'id_changed',
        message: `${t.api} ${t.collection}: the record's id fields make ${listed}, not ${t.id}: they cannot change in an edit`,
        field: ['body'],
      });
    c.put(data, t.id, record);
  });
}

/** POST /__control/state/{api}/{collection}/{id}/presets/{preset}. */
export function applyPreset<A extends string>(t: Target<A>, preset: string, now: Date) {
  const presets = collectionOf(t.api, t.edits, t.collection).presets ?? {};
  const p = Object.hasOwn(presets, preset) ? presets[preset] : undefined;
  if (!p)
    throw new ApiError({
      kind: 'not_found',
      code: 'preset_not_found',
      message: `${t.api} ${t.collection} has no preset ${preset} (one of ${Object.keys(presets).join(', ') || 'none'})`,
    });
  return { ...commit(t, (data) => p.apply(data, t.id, now)), preset };
}

/** A collection kept by id in a plain object of the JSON state (most of them): get, put and the id. */
export function keyed<Data, R extends object>(
  select: (data: Data) => Record<string, R>,
  idOf: (record: Record<string, unknown>) => string,
  presets?: Record<string, RecordPreset<Data>>,
): EditableCollection<Data> {
  return {
    get: (data, id) => (Object.hasOwn(select(data), id) ? select(data)[id] : undefined),
    // The record passed the collection's schema check: it is of the stored type.
    put: (data, id, record) => void (select(data)[id] = record as R),
    idOf,
    presets,
  };
}
