import { ForkMap } from './fork-map.js';

const gone: unique symbol = Symbol('connkit.gone');
type Slot = unknown;

/**
 * One session's copy-on-write view of a shared, never-written base: reading goes to the base,
 * a write (set, delete, push, splice, Object.assign on a record…) lands in an overlay kept per
 * touched base object, field by field. So a session costs what it wrote, not what it sees, and
 * the handlers that mutate records in place (`ct.state = 'claimed'`) need no change.
 *
 * Why per-field overlays rather than copying a collection on its first write: a write to one
 * record of a 1 M collection would copy 1 M entries per session; here it costs one entry.
 */
export class CowSpace {
  private readonly overlays = new WeakMap<object, Map<string | symbol, Slot>>();
  // One view per base object, so code comparing records or lists by identity (a tenant found
  // through an index, a cache keyed on a list) sees the same object through every path.
  private readonly kept = new WeakMap<object, object>();
  /** Overlay entries made so far: what the session copied (the memory budget's estimate). */
  entries = 0;
  /** Views made so far: what reading cost the session (each a proxy kept for identity). */
  views = 0;
  /** Of a layer that commits (see `openLayer`): the objects it wrote, and each view's base. */
  private readonly written: object[] | undefined;
  private readonly bases: WeakMap<object, object> | undefined;

  constructor(options: { commits?: boolean } = {}) {
    if (options.commits) {
      this.written = [];
      this.bases = new WeakMap();
    }
  }

  /** The session's view of a base value (a proxy is a T by construction, hence the one cast). */
  view<T>(value: T): T {
    return this.see(value) as T;
  }

  private see(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const known = this.kept.get(value);
    if (known) return known;
    if (value instanceof Map) {
      const map: ForkMap<unknown, unknown> = new ForkMap<unknown, unknown>(
        value,
        (v) => this.see(v),
        () => {
          this.entries++;
          this.written?.push(map);
        },
      );
      return this.keep(value, map);
    }
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
    this.bases?.set(view, base);
    return view;
  }

  private overlay(target: object): Map<string | symbol, Slot> {
    let o = this.overlays.get(target);
    if (!o) {
      this.overlays.set(target, (o = new Map<string | symbol, Slot>()));
      this.written?.push(target);
    }
    return o;
  }

  private write(target: object, key: string | symbol, value: Slot): void {
    const o = this.overlay(target);
    if (!o.has(key)) this.entries++;
    else if (o.get(key) === gone && value !== gone) {
      // A key deleted and added again goes last, as on a plain object.
      o.delete(key);
      if (Object.hasOwn(target, key) && !Array.isArray(target)) this.readded(target).add(key);
    }
    o.set(key, value);
  }

  private readonly moved = new WeakMap<object, Set<string | symbol>>();
  private readded(target: object): Set<string | symbol> {
    let m = this.moved.get(target);
    if (!m) this.moved.set(target, (m = new Set()));
    return m;
  }

  /**
   * A layer's writes, written into the objects it views (its base is a session's state, not
   * a shared base): each overlay's fields set or deleted in the order they were written, each
   * forked Map's entries and deletions, every view among the values replaced by the object
   * it views, so nothing of the layer stays reachable from the state it was committed into.
   */
  commit(): void {
    if (!this.written) throw new Error('commit() is for a layer made with { commits: true }');
    // A forked Map is listed once per entry it took; an overlay once. Values are unwrapped
    // once each, however many collections the request put them in.
    const done = new Set<object>();
    const seen = new Set<object>();
    const unwrap = (v: unknown) => this.unwrap(v, seen);
    for (const target of this.written) {
      if (done.has(target)) continue;
      done.add(target);
      if (target instanceof ForkMap) {
        (target as ForkMap<unknown, unknown>).commit(unwrap);
        continue;
      }
      const moved = this.moved.get(target);
      for (const [key, v] of this.overlays.get(target) ?? []) {
        if (v === gone || moved?.has(key)) Reflect.deleteProperty(target, key);
        if (v !== gone) Reflect.set(target, key, this.unwrap(v, seen));
      }
    }
    this.reset();
  }

  /**
   * A layer's writes forgotten (after a commit, or to drop them): its views stay, and see the
   * objects they view as those are now, so the next request on the same state reuses them.
   */
  reset(): void {
    if (!this.written) throw new Error('reset() is for a layer made with { commits: true }');
    for (const target of this.written) {
      if (target instanceof ForkMap) (target as ForkMap<unknown, unknown>).reset();
      this.overlays.delete(target);
      this.moved.delete(target);
    }
    this.written.length = 0;
    this.entries = 0;
  }

  /**
   * `value` with this layer's views replaced by what they view: a view by its object, the
   * parts of a value the request made (a record built by spreading a view holds the views of
   * its nested objects) in place. `seen` holds the values already walked.
   */
  unwrap<T>(value: T, seen: Set<object> = new Set()): T {
    if (typeof value !== 'object' || value === null) return value;
    const base = this.bases?.get(value);
    if (base) return base as T;
    if (seen.has(value)) return value;
    seen.add(value);
    if (value instanceof Map) {
      for (const [k, v] of value as Map<unknown, unknown>) {
        const u = this.unwrap(v, seen);
        if (u !== v) value.set(k, u);
      }
      return value;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (typeof v !== 'object' || v === null || !Object.hasOwn(record, key)) continue;
      const u = this.unwrap(v, seen);
      if (u !== v) record[key] = u;
    }
    return value;
  }

  private readonly handler: ProxyHandler<object> = {
    get: (target, key) => {
      const o = this.overlays.get(target);
      if (o?.has(key)) {
        const v = o.get(key);
        return v === gone ? undefined : v;
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
        return base ? { ...base, value: v } : { value: v, writable: true, enumerable: true, configurable: true };
      }
      return base && 'value' in base ? { ...base, value: this.see(base.value) } : base;
    },
  };
}
