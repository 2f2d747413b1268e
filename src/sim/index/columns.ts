/** Typed arrays that grow as rows are appended (a builder does not know its final count). */
type Typed = Float64Array | Uint32Array | Int32Array | Uint8Array;

export class Column<A extends Typed> {
  private data: A;
  length = 0;

  constructor(
    private readonly make: (n: number) => A,
    capacity = 1024,
  ) {
    this.data = make(Math.max(16, capacity));
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      const bigger = this.make(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  /** The values, in an array of their own length; the column lets go of its buffer (the builder is done with it). */
  done(): A {
    const out = this.data.length === this.length ? this.data : (this.data.slice(0, this.length) as A);
    this.data = this.make(0);
    this.length = 0;
    return out;
  }
}

export const f64Column = (capacity?: number) => new Column((n) => new Float64Array(n), capacity);
export const u32Column = (capacity?: number) => new Column((n) => new Uint32Array(n), capacity);
export const i32Column = (capacity?: number) => new Column((n) => new Int32Array(n), capacity);
export const u8Column = (capacity?: number) => new Column((n) => new Uint8Array(n), capacity);

/**
 * Rows grouped by a key (the connections of each organization), as one array of rows and the
 * start of each key's part: two arrays for any number of groups, no array per group. Rows keep
 * their order within a group.
 */
export interface Groups {
  starts: Uint32Array;
  rows: Uint32Array;
}

export function groupRows(keys: Uint32Array, groupCount: number): Groups {
  const starts = new Uint32Array(groupCount + 1);
  for (let i = 0; i < keys.length; i++) starts[keys[i] + 1]++;
  for (let g = 0; g < groupCount; g++) starts[g + 1] += starts[g];
  const at = starts.slice(0, groupCount);
  const rows = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) rows[at[keys[i]]++] = i;
  return { starts, rows };
}

export const groupOf = (g: Groups, key: number): Uint32Array =>
  key < 0 || key + 1 >= g.starts.length ? new Uint32Array(0) : g.rows.subarray(g.starts[key], g.starts[key + 1]);
