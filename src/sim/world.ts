import { bytesPerRecord, countRecords } from './cow/cost.js';
import type { BuildProgress } from './build-progress.js';
import { ApiError } from './errors.js';
import { Journal } from './journal.js';
import type { ApiModule } from './module.js';
import { Session, defaultSessionName, type SessionSnapshot, type StateSource } from './session.js';

export interface WorldOptions {
  seed: number;
  sizes: Record<string, number>;
  modules: ApiModule[];
  /** Named sessions kept at once; the least recently used one is dropped past it. */
  maxSessions: number;
  journalSize: number;
  /**
   * Bytes the sessions, their shared bases and the journal may hold together (estimated from
   * what was built and copied); past it the least recently used sessions are dropped, and a
   * new one that still cannot fit is refused (503). Unbounded when absent.
   */
  maxMemory?: number;
  /** Bytes the journal may hold (its entries estimated); the oldest go first past it. */
  journalBytes?: number;
  /** Told as each API's seeded world is built (large ones take seconds). */
  onProgress?: (progress: BuildProgress) => void;
}

interface Base {
  state: object;
  bytes: number;
}

/** What a refusal names: the limit and the flag that moves it. */
export function memoryRefusal(limit: number, wanted: string): ApiError {
  const mb = Math.round(limit / 2 ** 20);
  // Outside every operation's contract, like a fault scenario's answer: let it through as such.
  return new ApiError({
    kind: 'unavailable',
    status: 503,
    code: 'memory_budget_exceeded',
    message: `connkit's memory budget (${mb} MiB, --max-memory) is used up: ${wanted}. Raise --max-memory, or end sessions you no longer need.`,
    headers: { 'Retry-After': '1' },
    injected: true,
  });
}

/** Everything the simulator holds: the default session, the named ones, the journal. */
export class World implements StateSource {
  readonly modules: Map<string, ApiModule>;
  readonly journal: Journal;
  private defaultSession: Session;
  private readonly sessions = new Map<string, Session>();
  /** The seeded state of each (api, seed, size), built once, never written: every session forks it. */
  private readonly bases = new Map<string, Base>();
  private calls = 0;
  readonly maxMemory: number;
  seed: number;

  constructor(readonly options: WorldOptions) {
    this.modules = new Map(options.modules.map((m) => [m.name, m]));
    this.journal = new Journal(options.journalSize, options.journalBytes);
    this.seed = options.seed;
    this.maxMemory = options.maxMemory ?? Number.POSITIVE_INFINITY;
    this.defaultSession = this.newSession(defaultSessionName, options.seed);
  }

  private newSession(name: string, seed: number): Session {
    return new Session(name, seed, this.options.sizes, this);
  }

  /** The shared seeded state of one API (built on first use, within the budget). */
  base(api: string, seed: number, size: number): object {
    const key = `${api}|${seed}|${size}`;
    const known = this.bases.get(key);
    if (known) return known.state;
    const mod = this.modules.get(api);
    if (!mod) throw new Error(`unknown api ${api}`);
    const state = this.build(mod, seed, size);
    const base = { state, bytes: countRecords(mod.state.toJSON(state)) * bytesPerRecord };
    this.bases.set(key, base);
    if (!this.fits(0)) {
      this.bases.delete(key);
      throw memoryRefusal(
        this.maxMemory,
        `the ${api} world at seed ${seed}, size ${size} needs about ${Math.round(base.bytes / 2 ** 20)} MiB`,
      );
    }
    return state;
  }

  private build(mod: ApiModule, seed: number, size: number): object {
    const report = this.options.onProgress;
    if (!report) return mod.state.create({ seed, size }) as object;
    const api = mod.name;
    let total = 0;
    const onProgress = (done: number, of: number) => report({ api, done, total: (total = of) });
    const state = mod.state.create({ seed, size, onProgress }) as object;
    // The builder's last tick is before its last records: the end is said here, once.
    if (total > 0) report({ api, done: total, total });
    return state;
  }

  session(name?: string): Session {
    if (!name || name === defaultSessionName) return this.defaultSession;
    let s = this.sessions.get(name);
    if (s) {
      // Map order is insertion order: re-inserting keeps the least recently used first.
      this.sessions.delete(name);
      this.sessions.set(name, s);
      // Sessions grow by their writes: now and then the budget is checked on the way in too.
      if (++this.calls % 64 === 0) this.fits(0);
    } else {
      s = this.newSession(name, this.seed);
      if (this.sessions.size >= this.options.maxSessions) {
        const oldest = this.sessions.keys().next().value;
        if (oldest !== undefined) this.sessions.delete(oldest);
      }
      if (!this.fits(s.bytes())) throw memoryRefusal(this.maxMemory, `no room for a new session ${name}`);
    }
    this.sessions.set(name, s);
    s.lastUsed = Date.now();
    return s;
  }

  /** Whether a session of that name exists now (asking does not make one). */
  hasSession(name: string): boolean {
    return name === defaultSessionName || this.sessions.has(name);
  }

  sessionNames(): string[] {
    return [defaultSessionName, ...this.sessions.keys()];
  }

  /** The budget's estimate of what is held now: sessions, the bases they fork, the journal. */
  bytes(): number {
    let n = this.defaultSession.bytes() + this.journal.bytes();
    for (const s of this.sessions.values()) n += s.bytes();
    for (const b of this.bases.values()) n += b.bytes;
    return n;
  }

  /**
   * Whether `extra` more bytes fit, after dropping the least recently used named sessions
   * (and the bases no session forks any more) as far as needed.
   */
  private fits(extra: number): boolean {
    if (this.maxMemory === Number.POSITIVE_INFINITY) return true;
    while (this.bytes() + extra > this.maxMemory) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) return this.dropUnusedBases() && this.bytes() + extra <= this.maxMemory;
      this.sessions.delete(oldest);
      this.dropUnusedBases();
    }
    return true;
  }

  /** Drops the bases of seeds and sizes no session holds; true when one was dropped. */
  private dropUnusedBases(): boolean {
    const used = new Set<string>();
    for (const s of [this.defaultSession, ...this.sessions.values()])
      for (const api of this.modules.keys()) used.add(`${api}|${s.seed}|${s.sizes[api]}`);
    let dropped = false;
    for (const key of this.bases.keys())
      if (!used.has(key)) {
        this.bases.delete(key);
        dropped = true;
      }
    return dropped;
  }

  /** Rebuilds one session from a seed (the world's seed unless given); scenarios are cleared. */
  reset(name?: string, seed?: number): Session {
    if (!name || name === defaultSessionName) {
      if (seed !== undefined) this.seed = seed;
      this.defaultSession = this.newSession(defaultSessionName, seed ?? this.seed);
      return this.defaultSession;
    }
    this.sessions.delete(name);
    const s = this.newSession(name, seed ?? this.seed);
    this.sessions.set(name, s);
    return s;
  }

  /** Replaces a session's state with a snapshot's (`states`: the ones already built from it, when checked). */
  importInto(name: string | undefined, snapshot: SessionSnapshot, states?: Map<string, unknown>): Session {
    const s = this.reset(name, snapshot.seed);
    s.import(snapshot, states);
    return s;
  }
}
