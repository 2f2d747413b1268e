import { absent, type Undoable, type UndoLog } from './undo-log.js';

/** Where a recorded step of a ForkMap was: what the undo has to put back beside the value. */
const WAS_DELETED = 1;
const WAS_MOVED = 2;
/** A recorded step's "where" meaning: the own keys that followed this one, to put back after it. */
const FOLLOWERS = -1;
/** A recorded step's "where" meaning: the whole map before a clear. */
const CLEARED = -2;

/**
 * A Map over a shared base Map that it never writes: its own entries (kept in the Map it
 * extends) shadow the base's, deletions of base keys are remembered. A state class's index
 * (`relationByOrg`…) forks this way with the session, so a fork rebuilds no index.
 *
 * Its own values are seen through the session's views too, as the base's are: a record the
 * session added and reads back is written through the copy-on-write layer like any other, so
 * the session's undo log sees every write.
 */
export class ForkMap<K, V> extends Map<K, V> implements Undoable {
  private readonly deleted = new Set<K>();
  /** Base keys deleted and set again: they iterate last, as in a plain Map. */
  private readonly moved = new Set<K>();

  constructor(
    private readonly base: Map<K, V>,
    /** How a value is seen by the fork (its copy-on-write view). */
    private readonly view: (v: V) => V,
    /** Told of entries copied (or, on an undo, given back). */
    private readonly copied: (n: number) => void,
    private readonly log?: UndoLog,
  ) {
    super();
  }

  override get(key: K): V | undefined {
    if (super.has(key)) return this.view(super.get(key) as V);
    if (this.deleted.has(key)) return undefined;
    const v = this.base.get(key);
    return v === undefined ? v : this.view(v);
  }

  override has(key: K): boolean {
    return super.has(key) || (!this.deleted.has(key) && this.base.has(key));
  }

  override set(key: K, value: V): this {
    const log = this.log;
    const recording = log !== undefined && log.open !== 0;
    const had = super.has(key);
    const before = recording && had ? super.get(key) : absent;
    const wasMoved = recording && this.moved.has(key);
    const wasDeleted = this.deleted.delete(key);
    if (wasDeleted) this.moved.add(key);
    if (!had) this.copied(1);
    super.set(key, value);
    if (recording) log.record(this, (wasDeleted ? WAS_DELETED : 0) | (wasMoved ? WAS_MOVED : 0), key, before);
    return this;
  }

  override delete(key: K): boolean {
    const log = this.log;
    const recording = log !== undefined && log.open !== 0;
    const had = this.has(key);
    const own = super.has(key);
    // An own key's place among the others is part of the state (they iterate in it): noted to be put back.
    const followers = recording && own ? this.keysAfter(key) : undefined;
    const before = own ? super.get(key) : absent;
    const wasMoved = this.moved.has(key);
    const wasDeleted = this.deleted.has(key);
    super.delete(key);
    this.moved.delete(key);
    if (this.base.has(key) && !wasDeleted) {
      this.deleted.add(key);
      this.copied(1);
    }
    if (recording) {
      if (followers?.length) log.record(this, FOLLOWERS, key, followers);
      log.record(this, (wasDeleted ? WAS_DELETED : 0) | (wasMoved ? WAS_MOVED : 0), key, before);
    }
    return had;
  }

  override clear(): void {
    const log = this.log;
    if (log !== undefined && log.open !== 0)
      log.record(this, CLEARED, undefined, {
        own: [...super.entries()],
        deleted: [...this.deleted],
        moved: [...this.moved],
      });
    super.clear();
    this.moved.clear();
    for (const k of this.base.keys()) this.deleted.add(k);
  }

  /** Puts back what one recorded write replaced (see set, delete and clear). */
  undo(where: unknown, key: unknown, before: unknown): void {
    const k = key as K;
    if (where === FOLLOWERS) {
      // The key is back, last: the ones that followed it go after it again, in their order.
      for (const f of before as K[]) {
        const v = super.get(f) as V;
        super.delete(f);
        super.set(f, v);
      }
      return;
    }
    if (where === CLEARED) {
      const was = before as { own: [K, V][]; deleted: K[]; moved: K[] };
      super.clear();
      for (const [ok, v] of was.own) super.set(ok, v);
      this.deleted.clear();
      for (const d of was.deleted) this.deleted.add(d);
      this.moved.clear();
      for (const m of was.moved) this.moved.add(m);
      return;
    }
    const flags = where as number;
    if (before === absent) {
      if (super.delete(k)) this.copied(-1);
    } else super.set(k, before as V);
    if (flags & WAS_DELETED) {
      if (!this.deleted.has(k)) this.deleted.add(k);
    } else if (this.deleted.delete(k)) this.copied(-1);
    if (flags & WAS_MOVED) this.moved.add(k);
    else this.moved.delete(k);
  }

  private keysAfter(key: K): K[] {
    const after: K[] = [];
    let seen = false;
    for (const k of super.keys()) {
      if (seen) after.push(k);
      else seen = k === key;
    }
    return after;
  }

  override get size(): number {
    let added = 0;
    for (const k of super.keys()) if (!this.base.has(k)) added++;
    return this.base.size - this.deleted.size + added;
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) {
      if (this.deleted.has(k) || this.moved.has(k)) continue;
      yield super.has(k) ? [k, this.view(super.get(k) as V)] : [k, this.view(v)];
    }
    for (const [k, v] of super.entries()) if (!this.base.has(k) || this.moved.has(k)) yield [k, this.view(v)];
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
