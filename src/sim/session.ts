import type { Faker } from '@faker-js/faker';
import { newFaker } from './seeded.js';
import type { ApiModule } from './module.js';
import type { ActiveScenario } from './scenarios/catalog.js';

export const defaultSessionName = 'default';

/** Answers of cacheable reads kept per session; past it the cache starts over. */
const maxCachedAnswers = 1000;

/**
 * One isolated world: every API's state (built lazily from the seed), the scenarios that
 * are on, and the counters scenarios keep. Requests with `X-Connkit-Session: <name>` get a
 * session of their own; the rest share the default one.
 */
export class Session {
  private readonly states = new Map<string, unknown>();
  scenarios: ActiveScenario[] = [];
  /** Per-scenario counters (rate-limit windows), keyed by scenario and caller. */
  readonly counters = new Map<string, { windowStart: number; count: number }>();
  /** Scenario dice (server-error rate…), seeded so a run can be repeated. */
  readonly dice: Faker;
  /** Bumped by every request that may change state; cached answers key on it. */
  version = 0;
  /** Serialized answers of cacheable reads, valid while `version` stays what it was. */
  readonly answers = new Map<string, { version: number; status: number; headers?: Record<string, string>; raw: string }>();
  lastUsed = Date.now();

  constructor(
    readonly name: string,
    readonly seed: number,
    readonly sizes: Record<string, number>,
    private readonly modules: Map<string, ApiModule>,
  ) {
    this.dice = newFaker(seed ^ 0x5ce7a210);
  }

  state<S>(api: string): S {
    let s = this.states.get(api);
    if (s === undefined) {
      const mod = this.modules.get(api);
      if (!mod) throw new Error(`unknown api ${api}`);
      s = mod.state.create({ seed: this.seed, size: this.sizes[api] ?? defaultSize });
      this.states.set(api, s);
    }
    return s as S;
  }

  /** The exact state of every API, as plain JSON (built ones only are built now). */
  export(): SessionSnapshot {
    const apis: Record<string, unknown> = {};
    for (const [name, mod] of this.modules) apis[name] = mod.state.toJSON(this.state(name));
    return { connkit: 1, seed: this.seed, sizes: this.sizes, scenarios: this.scenarios, apis };
  }

  import(snapshot: SessionSnapshot): void {
    this.states.clear();
    for (const [name, json] of Object.entries(snapshot.apis)) {
      const mod = this.modules.get(name);
      if (mod) this.states.set(name, mod.state.fromJSON(json));
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

  /** The kept answer for `key`, if the state has not moved since it was kept. */
  cachedAnswer(key: string): { status: number; headers?: Record<string, string>; raw: string } | undefined {
    const hit = this.answers.get(key);
    return hit && hit.version === this.version ? hit : undefined;
  }

  keepAnswer(key: string, answer: { status: number; headers?: Record<string, string>; raw: string }): void {
    if (this.answers.size >= maxCachedAnswers) this.answers.clear();
    this.answers.set(key, { version: this.version, ...answer });
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
