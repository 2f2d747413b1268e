/**
 * A Map over a shared base Map that it never writes: its own entries (kept in the Map it
 * extends) shadow the base's, deletions of base keys are remembered. A state class's index
 * (`relationByOrg`…) forks this way with the session, so a fork rebuilds no index.
 */
export class ForkMap<K, V> extends Map<K, V> {
  private readonly deleted = new Set<K>();
  /** Base keys deleted and set again: they iterate last, as in a plain Map. */
  private readonly moved = new Set<K>();

  constructor(
    private readonly base: Map<K, V>,
    /** How a base value is seen by the fork (its copy-on-write view). */
    private readonly view: (v: V) => V,
    private readonly copied: () => void,
  ) {
    super();
  }

  override get(key: K): V | undefined {
    if (super.has(key)) return super.get(key);
    if (this.deleted.has(key)) return undefined;
    const v = this.base.get(key);
    return v === undefined ? v : this.view(v);
  }

  override has(key: K): boolean {
    return super.has(key) || (!this.deleted.has(key) && this.base.has(key));
  }

  override set(key: K, value: V): this {
    if (this.deleted.delete(key)) this.moved.add(key);
    if (!super.has(key)) this.copied();
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const had = this.has(key);
    super.delete(key);
    this.moved.delete(key);
    if (this.base.has(key) && !this.deleted.has(key)) {
      this.deleted.add(key);
      this.copied();
    }
    return had;
  }

  override clear(): void {
    super.clear();
    this.moved.clear();
    for (const k of this.base.keys()) this.deleted.add(k);
  }

  override get size(): number {
    let added = 0;
    for (const k of super.keys()) if (!this.base.has(k)) added++;
    return this.base.size - this.deleted.size + added;
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) {
      if (this.deleted.has(k) || this.moved.has(k)) continue;
      yield super.has(k) ? [k, super.get(k) as V] : [k, this.view(v)];
    }
    for (const [k, v] of super.entries()) if (!this.base.has(k) || this.moved.has(k)) yield [k, v];
  }

  override *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
