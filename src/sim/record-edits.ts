// What a vendor module says the page may edit of its state: the types only, so the module
// contract (module.ts) and the control operations that apply edits both read them.

/**
 * A one-click change a vendor module declares for a record of one collection: what a
 * frontend developer needs the mock to show next ("expire this token", "disconnect").
 * It answers the record as it becomes, which is checked against the collection's schema and
 * stored by `put` like any edit; or it takes the record out through the state's own methods
 * and answers `'removed'`. Throwing ApiError (before changing anything) refuses it.
 */
export interface RecordPreset<State> {
  label: string;
  description: string;
  apply(state: State, id: string, now: Date): object | 'removed';
}

/**
 * How one collection's records are read and written in the API's live state (the vendor's
 * state class, a session's copy-on-write fork of it included): one record at a time, through
 * the class's own methods, so every index the class keeps follows the edit and nothing else
 * of the state is copied. Method syntax on purpose: a vendor's RecordEdits<ItsState> then
 * stands in the registry as RecordEdits<unknown>.
 */
export interface EditableCollection<State> {
  get(state: State, id: string): object | undefined;
  /** Stores a record already checked against the spec's schema for the collection (so it is of the stored type). */
  put(state: State, id: string, record: object): void;
  /** The id a record is listed under: the fields that make it may not change in an edit. */
  idOf(record: Record<string, unknown>): string;
  presets?: Record<string, RecordPreset<State>>;
}

export type RecordEdits<State> = Record<string, EditableCollection<State>>;
