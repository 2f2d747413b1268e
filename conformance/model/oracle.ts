import { createSimulator, type Simulator } from '../../src/sim/core.js';
import type { SpecIndex } from '../../src/contract/index.js';
import type { VendorName } from '../../src/contract/names.js';
import { buildUrl } from '../http.js';
import type { ScenarioDef } from '../../src/sim/scenarios/catalog.js';
import type { ScenarioPick } from './scenarios.js';
import type { Answer, Sent } from './types.js';

type Snapshot = Parameters<Simulator['control']['state']['import']>[0];

/** Where the model is mounted: a name no target has, so a curl of the model's answer is never mistaken for one. */
const modelOrigin = 'http://model.connkit.invalid';

/**
 * The reference model: connkit's own vendor module, driven in-process through the core's one
 * pipeline (no socket), its state replaced by what the target was seen to hold before each run.
 */
export class Oracle {
  private readonly sim: Simulator;
  private readonly base: string;

  constructor(
    readonly api: VendorName,
    readonly index: SpecIndex,
  ) {
    this.sim = createSimulator({ apis: [api], log: { error: () => undefined }, maxSessions: 2, journalSize: 1 });
    this.base = `${modelOrigin}${index.prefix}${index.basePath}`;
  }

  /** The model's state becomes the target's (its API only; no scenario on: the model tier runs none). */
  async load(snapshot: Snapshot): Promise<void> {
    const apis = { ...snapshot.apis };
    for (const name of Object.keys(apis)) if (name !== this.api) Reflect.deleteProperty(apis, name);
    await this.sim.control.state.import({ ...snapshot, scenarios: [], apis });
  }

  /** The model's state becomes one rebuilt from what the target shows (a vendor's fromObserved(), as JSON). */
  loadObserved(json: unknown): void {
    this.sim.restoreSessions([
      [this.sim.session().name, { connkit: 1, seed: 0, scenarios: [], apis: { [this.api]: json } }],
    ]);
  }

  /** The scenarios the model's API can show (the simulator's catalog). */
  scenarios(): readonly ScenarioDef[] {
    return this.sim.scenarios.list.filter((s) => s.apis.includes(this.api));
  }

  /** Turns one scenario on for the model's next run (after load(), which turns every one off), or none. */
  scenario(pick: ScenarioPick | null): void {
    this.sim
      .session()
      .setScenarios(
        pick ? [this.sim.scenarios.normalize({ name: pick.name, apis: [this.api], params: pick.params })] : [],
      );
  }

  async send(sent: Sent): Promise<Answer> {
    const op = this.index.byId.get(sent.operationId);
    if (!op) throw new Error(`no operation ${sent.operationId} in ${this.api}`);
    const url = buildUrl(this.base, op.path, sent.parts);
    const headers: Record<string, string> = { ...sent.parts.headers };
    let body: string | undefined;
    if (sent.parts.body !== undefined) {
      body = JSON.stringify(sent.parts.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await this.sim.handle(new Request(url, { method: sent.method, headers, body }));
    const text = await res.text();
    return { status: res.status, headers: Object.fromEntries(res.headers), body: parseJson(text), text };
  }
}

export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
