import { Journal } from './journal.js';
import type { ApiModule } from './module.js';
import { Session, defaultSessionName, type SessionSnapshot } from './session.js';

export interface WorldOptions {
  seed: number;
  sizes: Record<string, number>;
  modules: ApiModule[];
  /** Named sessions kept at once; the least recently used one is dropped past it. */
  maxSessions: number;
  journalSize: number;
  /** Bytes the journal may hold (its entries estimated); the oldest go first past it. */
  journalBytes?: number;
}

/** Everything the simulator holds: the default session, the named ones, the journal. */
export class World {
  readonly modules: Map<string, ApiModule>;
  readonly journal: Journal;
  private defaultSession: Session;
  private readonly sessions = new Map<string, Session>();
  seed: number;

  constructor(readonly options: WorldOptions) {
    this.modules = new Map(options.modules.map((m) => [m.name, m]));
    this.journal = new Journal(options.journalSize, options.journalBytes);
    this.seed = options.seed;
    this.defaultSession = this.newSession(defaultSessionName, options.seed);
  }

  private newSession(name: string, seed: number): Session {
    return new Session(name, seed, this.options.sizes, this.modules);
  }

  session(name?: string): Session {
    if (!name || name === defaultSessionName) return this.defaultSession;
    let s = this.sessions.get(name);
    if (s) {
      // Map order is insertion order: re-inserting keeps the least recently used first.
      this.sessions.delete(name);
    } else {
      s = this.newSession(name, this.seed);
      if (this.sessions.size >= this.options.maxSessions) {
        const oldest = this.sessions.keys().next().value;
        if (oldest !== undefined) this.sessions.delete(oldest);
      }
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

  importInto(name: string | undefined, snapshot: SessionSnapshot): Session {
    const s = this.reset(name, snapshot.seed);
    s.import(snapshot);
    return s;
  }
}
