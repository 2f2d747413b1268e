/**
 * Substring search over one text column: the lower-cased values joined by a newline into one
 * string, so a needle is found by native `indexOf` across all of them; no string per row is
 * made when searching.
 */
export class SearchText {
  private readonly joined: string;
  /** Where each value starts in `joined` (one more entry: the end). */
  private readonly starts: Uint32Array;

  constructor(lowered: readonly string[]) {
    const n = lowered.length;
    this.starts = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      this.starts[i] = at;
      at += lowered[i].length + 1;
    }
    this.starts[n] = at;
    this.joined = lowered.join('\n');
  }

  /** Indexes of the values containing `needle` (lower-cased already), ascending. */
  find(needle: string): number[] {
    const { joined, starts } = this;
    const found: number[] = [];
    if (starts.length < 2) return found;
    let from = 0;
    for (;;) {
      const at = joined.indexOf(needle, from);
      if (at < 0) break;
      // The value holding `at`: the last start at or before it.
      let lo = 0;
      let hi = starts.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      // A hit running past its value's end (into the separator) is no match there, nor is any later one.
      if (at + needle.length < starts[lo + 1]) found.push(lo);
      from = starts[lo + 1];
    }
    return found;
  }
}
