import { CowSpace } from './space.js';

/** A session's own state of one API, forked from the shared base, and what it has copied. */
export interface Fork<State> {
  state: State;
  space: CowSpace;
}

/**
 * Forks a state object (a vendor's state class) without copying: the fork has the same class
 * and every field seen through one copy-on-write space, its `data` and its index Maps alike,
 * so the class's own methods work on it unchanged and nothing is rebuilt. Vendor-neutral: it
 * asks nothing of the class but that its fields are plain data, Maps or shared helpers.
 */
export function forkState<State extends object>(base: State, space = new CowSpace()): Fork<State> {
  const fork = Object.create(Object.getPrototypeOf(base) as object | null) as State;
  for (const key of Reflect.ownKeys(base)) {
    const desc = Reflect.getOwnPropertyDescriptor(base, key);
    if (desc && 'value' in desc) Object.defineProperty(fork, key, { ...desc, value: space.view(desc.value) });
  }
  return { state: fork, space };
}

/** A request's writes held apart from a session's state until `commit` (see openLayer). */
export interface Layer<State> {
  state: State;
  /** Writes what the request wrote into the session's state. */
  commit(): void;
  /** Forgets what the request wrote (nothing after a commit). */
  drop(): void;
}

/** Layers not in use, per session state: a layer's views are made once and serve request after request. */
const idle = new WeakMap<object, RequestLayer<object>[]>();

class RequestLayer<State extends object> implements Layer<State> {
  private readonly space = new CowSpace({ commits: true });
  readonly state: State;
  open = true;

  constructor(private readonly base: State) {
    this.state = forkState(base, this.space).state;
  }

  commit(): void {
    if (!this.open) return;
    this.space.commit();
    // The fork's own fields (a counter a state class keeps on itself) are plain properties.
    const base = this.base as Record<string | symbol, unknown>;
    const own = this.state as Record<string | symbol, unknown>;
    for (const key of Reflect.ownKeys(own)) {
      const v = own[key];
      if (v !== this.space.view(base[key])) base[key] = this.space.unwrap(v);
    }
    this.close();
  }

  drop(): void {
    if (!this.open) return;
    this.space.reset();
    this.close();
  }

  /** The fork's own fields seen afresh through the layer (a field the request replaced is the state's now, or never was). */
  private close(): void {
    const base = this.base as Record<string | symbol, unknown>;
    const own = this.state as Record<string | symbol, unknown>;
    for (const key of Reflect.ownKeys(own)) if (!Object.hasOwn(base, key)) Reflect.deleteProperty(own, key);
    for (const key of Reflect.ownKeys(base))
      if (own[key] !== this.space.view(base[key])) own[key] = this.space.view(base[key]);
    this.open = false;
    let list = idle.get(this.base);
    if (!list) idle.set(this.base, (list = []));
    list.push(this);
  }
}

/**
 * A copy-on-write layer over a session's state of one API, for one state-changing request:
 * the request writes into the layer only, so a handler that throws half-way leaves the state
 * as it was (`drop`), and one that returns has every write committed at once (`commit`).
 * Either returns the layer for the next request on that state; requests in flight at the
 * same time (a delayed one) each have their own.
 */
export function openLayer<State extends object>(state: State): Layer<State> {
  const reused = idle.get(state)?.pop() as RequestLayer<State> | undefined;
  if (!reused) return new RequestLayer(state);
  reused.open = true;
  return reused;
}
