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
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    left = remaining(v, left - 1);
    if (left < 0) return left;
  }
  return left;
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
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    yield* jsonChunks(v);
  }
  yield '}';
}
