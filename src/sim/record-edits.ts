// What a vendor module says the page may edit of its state: the types only, so the module
// contract (module.ts) and the control operations that apply edits both read them.

/**
 * A one-click change a vendor module declares for a record of one collection: what a
 * frontend developer needs the mock to show next ("expire this token", "disconnect").
 * It works on a copy of the API's state as JSON; throwing ApiError refuses it.
 */
export interface RecordPreset<Data> {
  label: string;
  description: string;
  apply(data: Data, id: string, now: Date): void;
}

/**
 * How one collection's records are read and written in the API's JSON state (what the
 * state's toJSON gives and fromJSON takes). Method syntax on purpose: a vendor's
 * RecordEdits<ItsData> then stands in the registry as RecordEdits<unknown>.
 */
export interface EditableCollection<Data> {
  get(data: Data, id: string): object | undefined;
  /** Stores a record already checked against the spec's schema for the collection (so it is of the stored type). */
  put(data: Data, id: string, record: object): void;
  /** The id a record is listed under: the fields that make it may not change in an edit. */
  idOf(record: Record<string, unknown>): string;
  presets?: Record<string, RecordPreset<Data>>;
}

export type RecordEdits<Data> = Record<string, EditableCollection<Data>>;
