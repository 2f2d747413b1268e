import type { JsonObject } from '../../contract/load.js';
import { toIssues } from '../../contract/index.js';
import { specIndex } from '../../contract/registry.js';
import { ApiError, fieldName } from '../errors.js';
import { plainCopy } from '../module.js';
import { describeIssue } from '../issues.js';
import { replaceFields } from '../replace-fields.js';
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
  edits: RecordEdits<unknown> | undefined;
}

const notFound = <A extends string>(t: Target<A>) =>
  new ApiError({
    kind: 'not_found',
    code: 'record_not_found',
    message: `${t.api} ${t.collection} has no record ${t.id}`,
  });

/** The session's own state of the API (its copy-on-write fork) and the record the edit is about. */
function locate<A extends string>(t: Target<A>) {
  const c = collectionOf(t.api, t.edits, t.collection);
  const state = t.session.state(t.api, 'write');
  const before = c.get(state, t.id);
  if (!before) throw notFound(t);
  return { c, state, before };
}

/**
 * Every check on the record it becomes (its schema, its id, the fields the state indexes it
 * by) before anything is written, then the one record stored through the vendor's `put`:
 * a refused edit leaves the session exactly as it was, and nothing else of it is copied.
 */
function store<A extends string>(t: Target<A>, at: ReturnType<typeof locate>, record: object) {
  check(t.api, t.collection, record);
  const fields: Record<string, unknown> = { ...record };
  const listed = at.c.idOf(fields);
  if (listed !== t.id)
    throw new ApiError({
      kind: 'unprocessable',
      code: 'id_changed',
      message: `${t.api} ${t.collection}: the record's id fields make ${listed}, not ${t.id}: they cannot change in an edit`,
      field: ['body'],
    });
  at.c.put(at.state, t.id, record);
  t.session.changed();
  return at.c.get(at.state, t.id) ?? null;
}

const answer = <A extends string>(t: Target<A>, record: object | null) => ({
  api: t.api,
  collection: t.collection,
  session: t.session.name,
  id: t.id,
  record: record === null ? null : plainCopy(record),
});

/** PUT /__control/state/{api}/{collection}/{id}. */
export function putRecord<A extends string>(t: Target<A>, record: Record<string, unknown>) {
  return answer(t, store(t, locate(t), record));
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
  const at = locate(t);
  const next = p.apply(at.state, t.id, now);
  if (next !== 'removed') return { ...answer(t, store(t, at, next)), preset };
  t.session.changed();
  return { ...answer(t, null), preset };
}

const isMap = <R>(records: Record<string, R> | ReadonlyMap<string, R>): records is ReadonlyMap<string, R> =>
  records instanceof Map;

/** A collection kept by id in a plain object or a Map of the state's data: get, put in place, the id. */
export function keyed<State, R extends object>(
  select: (state: State) => Record<string, R> | ReadonlyMap<string, R>,
  idOf: (record: Record<string, unknown>) => string,
  options: {
    presets?: Record<string, RecordPreset<State>>;
    /** How the state changes a stored record so its indexes follow; else its fields are replaced in place. */
    change?: (state: State, stored: R, record: R) => void;
  } = {},
): EditableCollection<State> {
  const get = (state: State, id: string): R | undefined => {
    const records = select(state);
    if (isMap(records)) return records.get(id);
    return Object.hasOwn(records, id) ? records[id] : undefined;
  };
  const { change = (_state: State, stored: R, record: R) => replaceFields(stored, record), presets } = options;
  return {
    get,
    put: (state, id, record) => {
      const stored = get(state, id);
      // The record passed the collection's schema check: it is of the stored type.
      if (stored) change(state, stored, record as R);
    },
    idOf,
    presets,
  };
}
