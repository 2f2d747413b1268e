/**
 * A Map by id over a list of records with distinct ids, whose hash table is made on the first
 * lookup or write: a builder hands over the list it made, and a world of a million records
 * pays for a million inserts (a third of LeadConduit's build) only when a request looks one up.
 * Until then it iterates and counts the list itself, in the list's order, which is the order
 * the inserts would have given.
 *
 * A plain Map to everyone else, a session's fork of it (ForkMap) included: the fork reads the
 * base through these same methods, so the first lookup in any session fills the shared table
 * once, and a fork's writes stay in the fork.
 */
export class LazyMap<K, V> extends Map<K, V> {
  private pending: readonly V[] | undefined;

  constructor(
    values: readonly V[],
    private readonly keyOf: (value: V) => K,
  ) {
    super();
    this.pending = values;
  }

  private fill(): void {
    const values = this.pending;
    if (!values) return;
    this.pending = undefined;
    for (const v of values) super.set(this.keyOf(v), v);
  }

  override get(key: K): V | undefined {
    this.fill();
    return super.get(key);
  }

  override has(key: K): boolean {
    this.fill();
    return super.has(key);
  }

  override set(key: K, value: V): this {
    this.fill();
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.fill();
    return super.delete(key);
  }

  override clear(): void {
    this.pending = undefined;
    super.clear();
  }

  override get size(): number {
    return this.pending ? this.pending.length : super.size;
  }

  override *entries(): MapIterator<[K, V]> {
    const values = this.pending;
    if (!values) return yield* super.entries();
    for (const v of values) yield [this.keyOf(v), v];
  }

  override *keys(): MapIterator<K> {
    const values = this.pending;
    if (!values) return yield* super.keys();
    for (const v of values) yield this.keyOf(v);
  }

  override values(): MapIterator<V> {
    // The list's own iterator: a builder's count or index pass over a million values runs at array speed.
    return this.pending ? this.pending.values() : super.values();
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
