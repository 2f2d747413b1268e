/**
 * Strings sorted as `<` sorts them (UTF-16 code units) by an MSD radix sort, so that a
 * million organizations' names are ranked while the world is built. The values are copied
 * once, in order, into one byte buffer; each index travels with a cache of its next four
 * bytes, so reading the buffer at random happens once per four characters, not once per
 * character (the random reads, not the counting, are what such a sort waits on).
 */

/** Below this many strings a range is finished by insertion sort. */
const SMALL = 32;

interface Packed {
  bytes: Uint8Array;
  starts: Uint32Array;
}

/** The values' code units as bytes, one after another; undefined when one is U+0000 or past U+00FF. */
function pack(keys: readonly string[]): Packed | undefined {
  const n = keys.length;
  const starts = new Uint32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = total;
    total += keys[i].length;
  }
  starts[n] = total;
  const bytes = new Uint8Array(total);
  for (let i = 0; i < n; i++) {
    const s = keys[i];
    const at = starts[i];
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 0 || c > 255) return undefined;
      bytes[at + j] = c;
    }
  }
  return { bytes, starts };
}

// The work arrays of the last sort, kept for the next: a world ranks four columns of a million
// values in a row, and fresh buffers each time make the collector run for the external memory.
let kept: { tmpA: Uint32Array; tmpC: Uint32Array } | undefined;
function scratch(n: number) {
  if (!kept || kept.tmpA.length < n) kept = { tmpA: new Uint32Array(n), tmpC: new Uint32Array(n) };
  return kept;
}

/** Drops the kept work arrays (a build calls it when its sorts are done). */
export function releaseScratch(): void {
  kept = undefined;
}

/** Indexes of `keys` in the order of their values; equal values keep their index order. */
export function sortStrings(keys: readonly string[]): Uint32Array {
  const n = keys.length;
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  const packed = pack(keys);
  if (!packed) {
    const all = Array.from(a).sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : x - y));
    a.set(all);
    return a;
  }
  const { bytes, starts } = packed;
  // cache[i]: the four bytes of a[i]'s value from depth `at` (0 past its end), high byte first.
  const cache = new Uint32Array(n);
  const fill = (lo: number, hi: number, at: number) => {
    for (let i = lo; i < hi; i++) {
      const r = a[i];
      const from = starts[r] + at;
      const end = starts[r + 1];
      let w = 0;
      for (let k = 0; k < 4; k++) w = (w << 8) | (from + k < end ? bytes[from + k] : 0);
      cache[i] = w >>> 0;
    }
  };
  const { tmpA, tmpC } = scratch(n);
  const count = new Uint32Array(257);
  // Ranges to sort: lo, hi, depth; the cache of a range holds its bytes from depth - depth % 4.
  const stack: number[] = [0, n, 0];
  fill(0, n, 0);
  while (stack.length) {
    const d = stack.pop() as number;
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    const shift = 24 - 8 * (d & 3);
    if (hi - lo <= SMALL) {
      insertionSort(a, cache, bytes, starts, lo, hi, d);
      continue;
    }
    count.fill(0);
    for (let i = lo; i < hi; i++) count[(cache[i] >>> shift) & 255]++;
    const first = (cache[lo] >>> shift) & 255;
    const next = d + 1;
    const refill = (next & 3) === 0;
    if (count[first] === hi - lo) {
      // One bucket: nothing moves (values that all ended here are equal).
      if (first !== 0) {
        if (refill) fill(lo, hi, next);
        stack.push(lo, hi, next);
      }
      continue;
    }
    let at = lo;
    for (let b = 0; b < 256; b++) {
      const c = count[b];
      count[b] = at;
      at += c;
    }
    for (let i = lo; i < hi; i++) {
      const to = count[(cache[i] >>> shift) & 255]++;
      tmpA[to] = a[i];
      tmpC[to] = cache[i];
    }
    a.set(tmpA.subarray(lo, hi), lo);
    cache.set(tmpC.subarray(lo, hi), lo);
    // count[b] is now the end of bucket b; bucket 0 holds values that ended: equal, done.
    let start = count[0];
    for (let b = 1; b < 256; b++) {
      const end = count[b];
      if (end - start > 1) {
        if (refill) fill(start, end, next);
        stack.push(start, end, next);
      }
      start = end;
    }
  }
  return a;
}

/** Insertion sort of a small range equal before depth `d`, by the bytes from `d` on. */
function insertionSort(
  a: Uint32Array,
  cache: Uint32Array,
  bytes: Uint8Array,
  starts: Uint32Array,
  lo: number,
  hi: number,
  d: number,
): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i];
    const cv = cache[i];
    let j = i - 1;
    while (j >= lo && compareBytes(bytes, starts, a[j], v, d) > 0) {
      a[j + 1] = a[j];
      cache[j + 1] = cache[j];
      j--;
    }
    a[j + 1] = v;
    cache[j + 1] = cv;
  }
}

/** Two packed values compared from byte `d` on; equal ones by index (the sort stays stable). */
function compareBytes(bytes: Uint8Array, starts: Uint32Array, x: number, y: number, d: number): number {
  let i = starts[x] + d;
  let j = starts[y] + d;
  const ei = starts[x + 1];
  const ej = starts[y + 1];
  for (; i < ei && j < ej; i++, j++) {
    const c = bytes[i] - bytes[j];
    if (c !== 0) return c;
  }
  return ei - i - (ej - j) || x - y;
}

/**
 * The rank of each value among the distinct values (equal values share one), as `<` orders
 * them: a sort key of four bytes standing for a string of any length.
 */
export function denseRanks(keys: readonly string[], order = sortStrings(keys)): Uint32Array {
  const ranks = new Uint32Array(keys.length);
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && keys[order[i]] !== keys[order[i - 1]]) rank++;
    ranks[order[i]] = rank;
  }
  return ranks;
}
