/** Containers holding more entries than this (counted at every depth) are written entry by entry, never as one string. */
export const splitAbove = 256;

export const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null;

/**
 * Whether `value` holds at most `budget` entries at every depth together: small enough to be
 * one string. Counting stops once past the budget, so asking costs little even at 1 M records
 * (a collection of few groups, each of many records, is large though it has few keys).
 */
export function isSmall(value: unknown, budget = splitAbove): boolean {
  return remaining(value, budget) >= 0;
}

function remaining(value: unknown, budget: number): number {
  if (!isContainer(value)) return budget;
  let left = budget;
  if (Array.isArray(value)) {
    // Each entry costs one at least: a longer array is past the budget before any is read.
    if (value.length > budget) return -1;
    for (let i = 0; i < value.length; i++) {
      left = remaining(value[i], left - 1);
      if (left < 0) return left;
    }
    return left;
  }
  // A record's few fields: Object.values, the fastest read of a plain object.
  const keys = Reflect.ownKeys(value);
  for (const v of keys.length > splitAbove ? lazyValues(value, keys) : Object.values(value)) {
    left = remaining(v, left - 1);
    if (left < 0) return left;
  }
  return left;
}

/**
 * `Object.entries(value)`, read one entry at a time. A state's large collections are views that
 * make each record when it is read (a session's copy-on-write proxy, a vendor's columns):
 * `Object.entries` made every one (and, on a proxy, each twice: its descriptor, then its value)
 * before the first was used, and `isSmall` needs only the first few hundred. One descriptor
 * per key here, its value used; a small object is read by `Object.entries` itself, faster.
 */
export function ownEntries(value: object): Iterable<[string, unknown]> {
  const keys = Reflect.ownKeys(value);
  return keys.length <= splitAbove ? Object.entries(value) : lazyEntries(value, keys);
}

function* lazyEntries(value: object, keys: (string | symbol)[]): Generator<[string, unknown]> {
  for (const k of keys) {
    if (typeof k !== 'string') continue;
    const d = Reflect.getOwnPropertyDescriptor(value, k);
    if (d?.enumerable) yield [k, 'value' in d ? d.value : Reflect.get(value, k)];
  }
}

function* lazyValues(value: object, keys: (string | symbol)[]): Generator<unknown> {
  for (const [, v] of lazyEntries(value, keys)) yield v;
}

/**
 * The text of `JSON.stringify(value)`, byte for byte, in pieces: a large collection never
 * becomes one string, so a state of any size is written (a million records is past what a
 * single V8 string can hold).
 */
export function* jsonChunks(value: unknown): Generator<string> {
  if (!isContainer(value) || isSmall(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      const v = value[i];
      // As JSON.stringify: what JSON cannot say in an array is null.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonChunks(v);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [k, v] of ownEntries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    yield* jsonChunks(v);
  }
  yield '}';
}
