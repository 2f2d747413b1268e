/**
 * Parallel typed columns kept in sort order under inserts and removals: a binary search finds
 * the place, `copyWithin` opens or closes it. What an overlay of changed rows keeps per sorted
 * list: a write moves one row, nothing is sorted again.
 */
export class SortedSlots {
  length = 0;
  private cols: Int32Array[];

  constructor(
    readonly width: number,
    capacity = 16,
  ) {
    this.cols = Array.from({ length: width }, () => new Int32Array(capacity));
  }

  col(i: number): Int32Array {
    return this.cols[i].subarray(0, this.length);
  }

  /** The first place whose entry is not before the probe (`before(i)`: entry i sorts before it). */
  lowerBound(before: (i: number) => boolean): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insertAt(at: number, values: readonly number[]): void {
    if (this.length === this.cols[0].length)
      this.cols = this.cols.map((c) => {
        const bigger = new Int32Array(c.length * 2);
        bigger.set(c);
        return bigger;
      });
    for (let k = 0; k < this.width; k++) {
      const c = this.cols[k];
      c.copyWithin(at + 1, at, this.length);
      c[at] = values[k];
    }
    this.length++;
  }

  removeAt(at: number): void {
    for (const c of this.cols) c.copyWithin(at, at + 1, this.length);
    this.length--;
  }

  /** The place of the entry whose column `k` holds `value` (-1 if none). */
  find(k: number, value: number): number {
    return this.col(k).indexOf(value);
  }
}
