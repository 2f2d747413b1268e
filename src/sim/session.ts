import { Seeded } from './seeded.js';
import { bytesPerCopiedEntry, bytesPerRecord, bytesPerSession, bytesPerView, countRecords } from './cow/cost.js';
import { forkState } from './cow/fork.js';
import type { CowSpace } from './cow/space.js';
import { UndoLog } from './cow/undo-log.js';
import type { ApiModule } from './module.js';
import type { ActiveScenario } from './scenarios/catalog.js';

export const defaultSessionName = 'default';

/** Where a session's states come from: the world's shared, never-written base per (api, seed, size). */
export interface StateSource {
  modules: Map<string, ApiModule>;
  base(api: string, seed: number, size: number): object;
}
/** Answers of cacheable reads kept per session; past it the cache starts over. */
const maxCachedAnswers = 1000;

/** Where a cacheable read's answer is kept: who asks (the vendor's cache key), and what (URL, header parameters, faults). */
export interface AnswerKey {
  who: string;
  what: string;
}

/** A serialized answer of a cacheable read, valid while the session's `version` is `version`. */
export interface KeptAnswer {
  version: number;
  status: number;
  headers?: Record<string, string>;
  raw: string;
  /** `raw` as UTF-8: encoded on the answer's first reuse, so an answer used once costs no copy. */
  bytes?: Uint8Array;
}

/**
 * One isolated world: every API's state (a copy-on-write fork of the shared seeded base, made
 * on first touch), the scenarios that are on, and the counters scenarios keep. Requests with
 * `X-Connkit-Session: <name>` get a session of their own; the rest share the default one.
 */
export class Session {
  private readonly states = new Map<string, unknown>();
  /** The shared bases this session has asked the world for, by API. */
  private readonly bases = new Map<string, object>();
  /** The copy-on-write spaces of the forked states: what this session has copied. */
  private readonly spaces: CowSpace[] = [];
  /** The running request's writes, so a failed one is taken back whole (see beginChange). */
  readonly undo = new UndoLog();
  /** Records this session holds of its own (an imported snapshot is not shared with anyone). */
  private ownRecords = 0;
  scenarios: ActiveScenario[] = [];
  /** Per-scenario counters (rate-limit windows), keyed by scenario and caller. */
  readonly counters = new Map<string, { windowStart: number; count: number }>();
  private diceSeeded?: Seeded;
  /** Bumped by every request that may change state; cached answers key on it. */
  version = 0;
  /**
   * Serialized answers of cacheable reads, valid while `version` stays what it was: by who asks
   * (the vendor's cache key, one string object while a client repeats it: keep-last.ts),
   * then by what is asked. Two levels, so the long part of the key is hashed once per string.
   */
  private readonly answers = new Map<string, Map<string, KeptAnswer>>();
  private answersKept = 0;
  lastUsed = Date.now();

  constructor(
    readonly name: string,
    readonly seed: number,
    readonly sizes: Record<string, number>,
    private readonly source: StateSource,
  ) {}

  /**
   * The session's state of one API. Until the session first writes to it, a read is served by
   * the shared base itself (no view, and the base's caches, sort orders included, are shared
   * by every session); the first access that may write forks it.
   */
  state<S>(api: string, access: 'read' | 'write' = 'write'): S {
    let s = this.states.get(api);
    if (s === undefined) {
      // Kept per session: a read asks for it on every request, and the world keeps a base
      // as long as any session of its seed and size lives.
      let base = this.bases.get(api);
      if (base === undefined)
        this.bases.set(api, (base = this.source.base(api, this.seed, this.sizes[api] ?? defaultSize)));
      // The one place a base is handed out as is: for reads only, which never write state.
      if (access === 'read') return base as S;
      s = this.fork(api, base);
    }
    return s as S;
  }

  private fork(api: string, base: object): object {
    const fork = forkState(base, this.undo);
    this.spaces.push(fork.space);
    this.states.set(api, fork.state);
    return fork.state;
  }

  /** Scenario dice (server-error rate…), seeded so a run can be repeated; made on first roll. */
  get dice(): Seeded {
    return (this.diceSeeded ??= new Seeded(this.seed ^ 0x5ce7a210));
  }

  /** The heap this session holds beyond the shared bases, estimated from what it copied. */
  bytes(): number {
    let n = bytesPerSession + this.ownRecords * bytesPerRecord;
    for (const space of this.spaces) n += space.entries * bytesPerCopiedEntry + space.views * bytesPerView;
    return n;
  }

  /** Each API's state as plain JSON, one at a time (a snapshot streams them: see snapshot/export.ts). */
  *exportApis(): Generator<[string, unknown]> {
    for (const [name, mod] of this.source.modules) yield [name, mod.state.toJSON(this.state(name, 'read'))];
  }

  /** The exact state of every API, as plain JSON (built ones only are built now). */
  export(): SessionSnapshot {
    // A module may export views that make each record as it is read (a snapshot streams them);
    // a caller holding the export gets plain data it can clone, keep and change.
    const apis = Object.fromEntries([...this.exportApis()].map(([name, json]) => [name, plain(json)]));
    return { connkit: 1, seed: this.seed, sizes: this.sizes, scenarios: this.scenarios, apis };
  }

  import(snapshot: SessionSnapshot, built?: Map<string, unknown>): void {
    this.states.clear();
    this.spaces.length = 0;
    this.ownRecords = 0;
    for (const [name, json] of Object.entries(snapshot.apis)) {
      const mod = this.source.modules.get(name);
      if (!mod) continue;
      // Forked like a seeded base, so the session's writes go through the one write path (and its undo log).
      this.fork(name, (built?.get(name) ?? mod.state.fromJSON(json)) as object);
      this.ownRecords += countRecords(json);
    }
    this.scenarios = snapshot.scenarios ?? [];
    this.counters.clear();
    this.version++;
  }

  // What the core asks of a session (it writes none of the fields above itself).

  /** A request that may write arrived: no answer cached before it is current any more. */
  changed(): void {
    this.version++;
  }

  /**
   * A request's change starts: every write to the session's states until it ends is recorded.
   * The number it gives ends it (endChange).
   */
  beginChange(): number {
    return this.undo.begin();
  }

  /**
   * A request's change ends: kept, or (`failed`) taken back whole, so a request that fails
   * half-way leaves the state as it found it. A taken-back change moves the version once more
   * rather than back: an answer kept meanwhile may have seen the writes now gone, and a version
   * never names two states (no vendor here sends it as an ETag, so a move costs one cache miss).
   * What a state derives from its data outside the copy-on-write layer is dropped, to be found
   * again (the module's `undone`).
   */
  endChange(n: number, failed: boolean): void {
    if (!this.undo.close(n, failed) || !failed) return;
    this.version++;
    for (const [api, state] of this.states) this.source.modules.get(api)?.state.undone?.(state);
  }

  /** The kept answer for `key`, if the state has not moved since it was kept. */
  cachedAnswer(key: AnswerKey): KeptAnswer | undefined {
    const hit = this.answers.get(key.who)?.get(key.what);
    return hit && hit.version === this.version ? hit : undefined;
  }

  keepAnswer(key: AnswerKey, answer: { status: number; headers?: Record<string, string>; raw: string }): void {
    if (this.answersKept >= maxCachedAnswers) {
      this.answers.clear();
      this.answersKept = 0;
    }
    let byWhat = this.answers.get(key.who);
    if (!byWhat) this.answers.set(key.who, (byWhat = new Map<string, KeptAnswer>()));
    if (!byWhat.has(key.what)) this.answersKept++;
    byWhat.set(key.what, { version: this.version, ...answer });
  }

  setScenarios(scenarios: ActiveScenario[]): void {
    this.scenarios = scenarios;
  }

  /** Every scenario off, and what they counted forgotten. */
  clearScenarios(): void {
    this.scenarios = [];
    this.counters.clear();
  }
}

export interface SessionSnapshot {
  connkit: 1;
  seed: number;
  sizes?: Record<string, number>;
  scenarios?: ActiveScenario[];
  apis: Record<string, unknown>;
}

/** Records per main fixture (connections per account, links per organization…). */
export const defaultSize = 20;

/** A JSON value copied into plain objects and arrays (read through any view it is made of). */
function plain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = plain(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = plain((v as Record<string, unknown>)[key]);
  return out;
}
