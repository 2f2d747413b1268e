import { ForkMap } from './fork-map.js';
import { absent, noLog, type Undoable, type UndoLog } from './undo-log.js';

const gone: unique symbol = Symbol('connkit.gone');
/** A recorded step's key meaning "the whole overlay of this object, in its order, was this". */
const wholeOverlay: unique symbol = Symbol('connkit.whole-overlay');
type Slot = unknown;

/**
 * One session's copy-on-write view of a shared, never-written base: reading goes to the base,
 * a write (set, delete, push, splice, Object.assign on a record…) lands in an overlay kept per
 * touched base object, field by field. So a session costs what it wrote, not what it sees, and
 * the handlers that mutate records in place (`ct.state = 'claimed'`) need no change.
 *
 * Why per-field overlays rather than copying a collection on its first write: a write to one
 * record of a 1 M collection would copy 1 M entries per session; here it costs one entry.
 *
 * An object the session made itself (a record a handler added) is seen through a view too when
 * it is read back, as a base of its own: so every later write to it lands in an overlay, where
 * the session's undo log can take it back.
 */
export class CowSpace implements Undoable {
  constructor(private readonly log: UndoLog = noLog()) {}

  private readonly overlays = new WeakMap<object, Map<string | symbol, Slot>>();
  // One view per base object, so code comparing records or lists by identity (a tenant found
  // through an index, a cache keyed on a list) sees the same object through every path.
  private readonly kept = new WeakMap<object, object>();
  /** Overlay entries made so far: what the session copied (the memory budget's estimate). */
  entries = 0;
  /** Views made so far: what reading cost the session (each a proxy kept for identity). */
  views = 0;

  /** The session's view of a base value (a proxy is a T by construction, hence the one cast). */
  view<T>(value: T): T {
    return this.see(value) as T;
  }

  private see(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const known = this.kept.get(value);
    if (known) return known;
    if (value instanceof Map)
      return this.keep(
        value,
        new ForkMap<unknown, unknown>(
          value,
          (v) => this.see(v),
          (n) => (this.entries += n),
          this.log,
        ),
      );
    if (!Array.isArray(value)) {
      const proto: unknown = Object.getPrototypeOf(value);
      // Class instances (a JWT issuer, typed arrays of a sort order) are not state: shared as they are.
      if (proto !== Object.prototype && proto !== null) return value;
    }
    return this.keep(value, new Proxy(value, this.handler));
  }

  private keep<T extends object>(base: object, view: T): T {
    this.views++;
    this.kept.set(base, view);
    // A view stored and read back is itself, not a view of a view.
    this.kept.set(view, view);
    return view;
  }

  private overlay(target: object): Map<string | symbol, Slot> {
    let o = this.overlays.get(target);
    if (!o) this.overlays.set(target, (o = new Map<string | symbol, Slot>()));
    return o;
  }

  private write(target: object, key: string | symbol, value: Slot): void {
    const o = this.overlay(target);
    const recording = this.log.open !== 0;
    if (!o.has(key)) {
      this.entries++;
      o.set(key, value);
      if (recording) this.log.record(this, target, key, absent);
      return;
    }
    const before = o.get(key);
    if (before === gone && value !== gone) {
      // Its place in the overlay moves: the undo puts back the whole overlay, order included (rare: a delete, then a set).
      const whole = recording ? [...o] : undefined;
      // A key deleted and added again goes last, as on a plain object.
      o.delete(key);
      // A `moved` mark left by an undo is harmless: it is read only while the key holds a value, and set again when it does.
      if (Object.hasOwn(target, key) && !Array.isArray(target)) this.readded(target).add(key);
      o.set(key, value);
      if (whole) this.log.record(this, target, wholeOverlay, whole);
      return;
    }
    o.set(key, value);
    if (recording) this.log.record(this, target, key, before);
  }

  undo(target: unknown, key: unknown, before: unknown): void {
    const o = this.overlays.get(target as object) as Map<string | symbol, Slot>;
    if (key === wholeOverlay) {
      o.clear();
      for (const [k, v] of before as [string | symbol, Slot][]) o.set(k, v);
    } else if (before === absent) {
      o.delete(key as string | symbol);
      this.entries--;
    } else o.set(key as string | symbol, before);
  }

  private readonly moved = new WeakMap<object, Set<string | symbol>>();
  private readded(target: object): Set<string | symbol> {
    let m = this.moved.get(target);
    if (!m) this.moved.set(target, (m = new Set()));
    return m;
  }

  private readonly handler: ProxyHandler<object> = {
    get: (target, key) => {
      const o = this.overlays.get(target);
      if (o?.has(key)) {
        const v = o.get(key);
        return v === gone ? undefined : this.see(v);
      }
      return this.see(Reflect.get(target, key));
    },
    set: (target, key, value) => {
      this.write(target, key, value);
      return true;
    },
    defineProperty: (target, key, desc) => {
      this.write(target, key, desc.value);
      return true;
    },
    deleteProperty: (target, key) => {
      if (Object.hasOwn(target, key) || this.overlays.get(target)?.has(key)) this.write(target, key, gone);
      return true;
    },
    has: (target, key) => {
      const o = this.overlays.get(target);
      if (o?.has(key)) return o.get(key) !== gone;
      return Reflect.has(target, key);
    },
    ownKeys: (target) => {
      const own = Reflect.ownKeys(target);
      const o = this.overlays.get(target);
      if (!o) return own;
      const moved = this.moved.get(target);
      const keys = own.filter((k) => o.get(k) !== gone && !moved?.has(k));
      for (const [k, v] of o) if (v !== gone && (!Object.hasOwn(target, k) || moved?.has(k))) keys.push(k);
      return keys;
    },
    getOwnPropertyDescriptor: (target, key) => {
      const o = this.overlays.get(target);
      const base = Reflect.getOwnPropertyDescriptor(target, key);
      if (o?.has(key)) {
        const v = o.get(key);
        if (v === gone) return undefined;
        // A non-configurable base property (an array's length) must be reported as it is, new value aside.
        const value = this.see(v);
        if (!base) return { value, writable: true, enumerable: true, configurable: true };
        // The descriptor Reflect made is this call's own: changed, not copied (Object.hasOwn on a
        // record of a million asks this on every lookup).
        base.value = value;
        return base;
      }
      if (base && 'value' in base) base.value = this.see(base.value);
      return base;
    },
  };
}
