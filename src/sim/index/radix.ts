/**
 * Sorting a million rows within a request: a stable LSD radix sort on a float64 key, so a
 * list sorted by a new field costs a few linear passes instead of n·log n comparator calls.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Which half of the float holds the sign and exponent depends on the machine's byte order.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/**
 * `rows` reordered by `keys[row]` ascending; rows with equal keys keep their order in `rows`
 * (so a list already in tie-break order stays in it). Keys are finite numbers.
 */
export function radixSort(rows: Uint32Array, keys: Float64Array): Uint32Array {
  const n = rows.length;
  // Every pass below walks 65 536 buckets whatever n is: for the few records of a default
  // world (sorted at every cold start) a stable comparison sort is far cheaper, same order.
  if (n < 4096) return Uint32Array.from(Array.from(rows).sort((a, b) => compareKeys(keys[a], keys[b])));
  // Float bits made unsigned-comparable: flip every bit of negatives, the sign bit of the rest.
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    f64[0] = keys[rows[i]];
    const h = u32[HI];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~u32[LO] >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = u32[LO];
    }
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  // Four 16-bit digits, least significant first; a digit every key shares is skipped.
  const counts = new Uint32Array(65536);
  for (let d = 0; d < 4; d++) {
    const words = d < 2 ? lo : hi;
    const shift = (d & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(words[i] >>> shift) & 0xffff]++;
    if (n === 0 || counts[(words[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = order[i];
      next[counts[(words[at] >>> shift) & 0xffff]++] = at;
    }
    [order, next] = [next, order];
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[order[i]];
  return out;
}

/** The radix order of two finite keys: -0 before +0, as their bits order them. */
const compareKeys = (a: number, b: number): number =>
  a < b ? -1 : a > b ? 1 : Object.is(a, b) ? 0 : Object.is(a, -0) ? -1 : 1;

/**
 * A number ordered as `<` orders the strings' six UTF-16 units from `from` on, for strings
 * that share the units before it (ties possible).
 */
export function prefixKey(s: string, from = 0): number {
  let k = 0;
  for (let i = from; i < from + 6; i++) k = k * 256 + (i < s.length ? Math.min(s.charCodeAt(i), 255) : 0);
  return k;
}

// toISOString's shape: digits everywhere but these separators.
const isoShape = '0000-00-00T00:00:00.000Z';

/**
 * A number ordered as `<` orders canonical ISO timestamps (`toISOString`'s 24 characters),
 * read from the digits without the cost of a date parser; NaN for any other string.
 */
export function isoKey(s: string): number {
  if (s.length !== 24) return NaN;
  for (let i = 0; i < 24; i++) {
    const c = s.charCodeAt(i);
    const shape = isoShape.charCodeAt(i);
    if (shape === 48 ? c < 48 || c > 57 : c !== shape) return NaN;
  }
  const d = (i: number) => s.charCodeAt(i) - 48;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const day = (year * 13 + d(5) * 10 + d(6)) * 32 + d(8) * 10 + d(9);
  const ms =
    ((d(11) * 10 + d(12)) * 100 + d(14) * 10 + d(15)) * 100_000 +
    (d(17) * 10 + d(18)) * 1000 +
    d(20) * 100 +
    d(21) * 10 +
    d(22);
  // Month and day in mixed radix (13, 32), then hhmmssSSS: the digits' order, below 2⁵³.
  return day * 1_000_000_000 + ms;
}

/**
 * `rows` stably sorted by `cmp`, given `approx`: a key that never orders two rows against
 * `cmp` (equal approx keys are put in order by `cmp`). Runs of equal approx keys are small
 * for most fields, so almost all the work is the radix sort.
 */
export function sortRows(
  rows: Uint32Array,
  approx: Float64Array,
  exact: boolean,
  cmp: (a: number, b: number) => number,
): Uint32Array {
  const out = radixSort(rows, approx);
  if (exact) return out;
  const n = out.length;
  for (let start = 0; start < n;) {
    let end = start + 1;
    const k = approx[out[start]];
    while (end < n && approx[out[end]] === k) end++;
    if (end - start > 1) {
      const run = Array.from(out.subarray(start, end)).sort(cmp);
      for (let i = 0; i < run.length; i++) out[start + i] = run[i];
    }
    start = end;
  }
  return out;
}

/**
 * `rows` stably sorted by `keys[row]` as `<` orders the strings from `from` on (strings that
 * share the characters before it): one radix sort per six characters, last ones first, so
 * values that share long prefixes ("northwind-lending-17@…") cost linear passes, not runs
 * of comparator calls. Undefined when a string holds U+0000 or a character past U+00FF,
 * which the six-character keys cannot tell apart (the caller compares those).
 */
export function sortByText(rows: Uint32Array, keys: readonly string[], from = 0): Uint32Array | undefined {
  let longest = from;
  for (let row = 0; row < keys.length; row++) {
    const s = keys[row];
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0 || c > 255) return undefined;
    }
    if (s.length > longest) longest = s.length;
  }
  const approx = new Float64Array(keys.length);
  let out = rows;
  for (let at = from + Math.max(0, Math.ceil((longest - from) / 6) - 1) * 6; at >= from; at -= 6) {
    for (let row = 0; row < keys.length; row++) approx[row] = prefixKey(keys[row], at);
    out = radixSort(out, approx);
  }
  return out;
}

// Work space, reused from sort to sort: fresh megabytes per sort make the collector run a full
// cycle for the external memory, over a heap of millions of strings. Dropped by releaseRadixSpace.
let space: Uint32Array<ArrayBuffer>[] = [];
function work(count: number, n: number): Uint32Array<ArrayBuffer>[] {
  if (space.length < count || space[0].length < n)
    space = Array.from(
      { length: Math.max(count, space.length) },
      () => new Uint32Array(Math.max(n, space[0]?.length ?? 0)),
    );
  return space.slice(0, count).map((a) => a.subarray(0, n));
}

/** Lets go of the sorts' work space (a world's build calls it when its orders are made). */
export function releaseRadixSpace(): void {
  space = [];
}

/**
 * Below this many rows the integer sorts compare instead: each radix pass walks thousands of
 * buckets whatever n is, which a default world's few dozen rows (sorted at every cold start)
 * pay many times over. Array sort is stable, so the order is the radix passes' own.
 */
const smallSort = 512;
const byKey = (rows: Uint32Array, keys: Uint32Array | Float64Array): Uint32Array =>
  Uint32Array.from(Array.from(rows).sort((a, b) => keys[a] - keys[b]));

/** Exclusive prefix sums of `counts`, in place. */
function starts(counts: Uint32Array): void {
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
}

/**
 * `rows` reordered by `keys[row]` ascending (unsigned 32-bit keys, such as ranks), stably: the
 * keys are read once in the rows' order, then each pass of 11-bit digits (16 for keys past
 * 2²²) moves them with their rows, so every pass reads in order; reading a digit by row at
 * random in each pass was most of such a sort's time.
 */
export function radixSortU32(rows: Uint32Array, keys: Uint32Array): Uint32Array {
  const n = rows.length;
  if (n < smallSort) return byKey(rows, keys);
  const out = rows.slice();
  let [k, k2, r2] = work(3, n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = keys[rows[i]];
    k[i] = v;
    if (v > max) max = v;
  }
  const bits = max < 1 << 22 ? 11 : 16;
  const mask = (1 << bits) - 1;
  const counts = new Uint32Array(1 << bits);
  let r = out;
  for (let shift = 0; shift < 32 && max >>> shift > 0; shift += bits) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(k[i] >>> shift) & mask]++;
    // A digit every key shares moves nothing.
    if (counts[(k[0] >>> shift) & mask] === n) continue;
    starts(counts);
    for (let i = 0; i < n; i++) {
      const v = k[i];
      const to = counts[(v >>> shift) & mask]++;
      r2[to] = r[i];
      k2[to] = v;
    }
    [r, r2] = [r2, r];
    [k, k2] = [k2, k];
  }
  if (r !== out) out.set(r);
  return out;
}

/**
 * `rows` reordered by `keys[row]` ascending, stably, for keys that are integers spanning less
 * than 2³⁹ (epoch milliseconds of any few years): three passes of 13-bit digits of the
 * distance from the least key, carried with the rows as in radixSortU32. Undefined for other
 * keys (the float sort takes them).
 */
export function radixSortIntegers(rows: Uint32Array, keys: Float64Array): Uint32Array | undefined {
  const n = rows.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const k = keys[rows[i]];
    if (!Number.isInteger(k)) return undefined;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (n && max - min >= 2 ** 39) return undefined;
  if (n < smallSort) return byKey(rows, keys);
  const out = rows.slice();
  let [lo, lo2, hi, hi2, r2] = work(5, n);
  for (let i = 0; i < n; i++) {
    const d = keys[rows[i]] - min;
    // The high part by division, the low one by subtraction: `%` on a double is a slow call.
    const high = Math.floor(d / 2 ** 26);
    hi[i] = high;
    lo[i] = d - high * 2 ** 26;
  }
  const counts = new Uint32Array(1 << 13);
  let r = out;
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass === 1 ? 13 : 0;
    const digits = pass === 2 ? hi : lo;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(digits[i] >>> shift) & 0x1fff]++;
    if (counts[(digits[0] >>> shift) & 0x1fff] === n) continue;
    starts(counts);
    if (pass < 2) {
      for (let i = 0; i < n; i++) {
        const v = lo[i];
        const to = counts[(v >>> shift) & 0x1fff]++;
        r2[to] = r[i];
        lo2[to] = v;
        hi2[to] = hi[i];
      }
      [lo, lo2] = [lo2, lo];
      [hi, hi2] = [hi2, hi];
    } else for (let i = 0; i < n; i++) r2[counts[hi[i]]++] = r[i];
    [r, r2] = [r2, r];
  }
  if (r !== out) out.set(r);
  return out;
}
