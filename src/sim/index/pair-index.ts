/**
 * Rows found by a pair of 32-bit keys (host and guest organization), in one open-addressing
 * table of typed arrays: a million pairs cost a few megabytes, no Map or key string per pair.
 */
export class PairIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly a: Uint32Array,
    private readonly b: Uint32Array,
  ) {
    let size = 16;
    while (size < a.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    // A pair met again keeps its first row, as a Map filled in row order would not: the first is the one lists show.
    for (let row = 0; row < a.length; row++)
      if (this.get(a[row], b[row]) < 0) this.slots[this.free(a[row], b[row])] = row;
  }

  private hash(x: number, y: number): number {
    return (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b)) & this.mask;
  }

  private free(x: number, y: number): number {
    let s = this.hash(x, y);
    while (this.slots[s] >= 0) s = (s + 1) & this.mask;
    return s;
  }

  /** The row of the pair, or -1. */
  get(x: number, y: number): number {
    for (let s = this.hash(x, y); ; s = (s + 1) & this.mask) {
      const row = this.slots[s];
      if (row < 0) return -1;
      if (this.a[row] === x && this.b[row] === y) return row;
    }
  }
}
