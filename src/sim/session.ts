import { Seeded } from './seeded.js';
import type { ApiModule } from './module.js';
import type { ActiveScenario } from './scenarios/catalog.js';

export const defaultSessionName = 'default';

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
  readonly dice: Seeded;
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
    this.dice = new Seeded(seed ^ 0x5ce7a210);
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
