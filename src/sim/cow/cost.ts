/**
 * What the memory budget counts, estimated from what was built or copied rather than
 * measured on the heap per request (a heap reading is slow and moves with the collector).
 * The figures are heap bytes per object as measured on MyCreditApp's records, rounded up.
 */
export const bytesPerRecord = 400;
/** One overlay entry of a session: a Map entry, its key and the value it shadows with. */
export const bytesPerCopiedEntry = 200;
/** One view a session made of a base object (a proxy and its weak-map entry). */
export const bytesPerView = 80;
/** A session that copied nothing: its maps, counters and scenario list. */
export const bytesPerSession = 4096;

/** Objects and arrays in a plain-JSON value: a base world's size in records. */
export function countRecords(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    n++;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (typeof x === 'object' && x !== null) stack.push(x);
  }
  return n;
}

/** 1 for an object or array, 0 for anything else: a record's own count where its nested values hold no objects. */
export const objectCount = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 : 0);
