import fc from 'fast-check';
import type { Operation, SpecIndex } from '../../src/contract/index.js';
import type { VendorName } from '../../src/contract/names.js';
import { runResponseChecks } from '../checks/response.js';
import { curlOf, exchange } from '../http.js';
import type { FixtureSource } from '../provider-states.js';
import type { ControlClient, Exchange, Outcome, RequestParts } from '../types.js';
import type { Observation } from '../../src/sim/module.js';
import { observeTarget, type Observing } from './observe.js';
import { answerDiff, ChangeMemory, IdMatcher, type BodyRules } from './compare.js';
import { formatFinding } from './finding.js';
import { HeaderMemory } from './headers.js';
import { Oracle } from './oracle.js';
import { stepsArbitrary } from './bias.js';
import { resolvePlan, type Plan } from './requests.js';
import { modelSpec } from './resources.js';
import { scenarioArbitrary, type ScenarioPick } from './scenarios.js';
import { isRecord } from './records.js';
import type { Answer, Consumable, ModelStep } from './types.js';

export interface ModelOptions {
  api: VendorName;
  index: SpecIndex;
  target: string;
  /** The vendor's model adapter, already applied to the profile. */
  principals: Record<string, string>[];
  pools: Record<string, string[]>;
  consumables: Consumable[];
  assigned: Record<string, string>;
  errorType: (body: unknown) => unknown;
  baseline: (operationId: string) => RequestParts | undefined;
  /** Resets the target between runs and shows its state; without it the model starts from what the target shows. */
  control?: ControlClient;
  /** Without control: the profile and the vendor's fromObserved(), re-read before each run. */
  observing?: Observing;
  /**
   * Whether runs send the documented writes. Without control nothing resets the target, and a
   * random write uses up fixtures (unlinks an organization, spends a seat) that the named checks
   * of a later run rely on and the ledger cannot know of: there it is the caller's choice.
   */
  writes: boolean;
  /** Called as runs end: runs done, steps so far, milliseconds since the tier began. */
  onRun?: (runs: number, steps: number, elapsedMs: number) => void;
  source?: FixtureSource;
  headers: Record<string, string>;
  timeoutMs: number;
  seed: number;
  runs: number;
  maxSteps: number;
  budgetMs: number;
}

export interface ModelResult {
  outcomes: Outcome[];
  exchanges: Exchange[];
  runs: number;
  steps: number;
  durationMs: number;
}

/** The model differs from the target: the step's record is already in the run's log. */
class Divergence extends Error {}

type Snapshot = Parameters<Oracle['load']>[0];

/** One run's world: the model, the target, the pools of ids, what was sent so far. */
class Run {
  readonly ids: IdMatcher;
  readonly headers = new HeaderMemory();
  readonly changes = new ChangeMemory();
  readonly log: ModelStep[] = [];
  readonly exchanges: Exchange[] = [];
  /** Values the run's successful writes carried. */
  readonly writes: string[] = [];
  private readonly pools = new Map<string, string[]>();

  constructor(
    private readonly o: ModelOptions,
    private readonly oracle: Oracle,
    pools: Record<string, string[]>,
    known: ReadonlySet<string>,
    private readonly credentials: Record<string, string> = {},
    private readonly unknown: ReadonlySet<string> = new Set(),
    private readonly unknownOperations: ReadonlySet<string> = new Set(),
  ) {
    this.ids = new IdMatcher(known);
    for (const [name, values] of Object.entries(pools)) this.pools.set(name, [...new Set(values.filter(Boolean))]);
  }

  pool = (name: string): string[] => this.pools.get(name) ?? [];
  private readonly used: string[] = [];
  recent = (name: string, depth = 0): string | undefined => {
    const pool = this.pool(name);
    const met: string[] = [];
    for (let i = this.used.length - 1; i >= 0; i--) {
      const v = this.used[i];
      if (!pool.includes(v) || met.includes(v)) continue;
      if (met.length === depth) return v;
      met.push(v);
    }
    return met[met.length - 1];
  };

  /** The ids a request carries, remembered so later steps can pick "the one used last". */
  private remember(parts: RequestParts): void {
    const values = [
      ...Object.values(parts.path ?? {}),
      ...Object.values(parts.headers ?? {}),
      ...(isRecord(parts.body) ? Object.values(parts.body) : []),
    ];
    for (const v of values) if (typeof v === 'string') this.used.push(v);
  }

  /** Ids the model's answers show join their pools (so later steps use them, deleted ones included). */
  private readonly seenTexts: string[] = [];
  texts = (): string[] => this.seenTexts;
  /** Strings the model's answers showed, by field name, and every one of them (what filters and searches are drawn from). */
  private readonly byField = new Map<string, string[]>();
  private readonly shown = new Set<string>();
  private readonly sizes = new Map<string, number>();
  values = (field: string): string[] => this.byField.get(field) ?? [];
  private lastShown: string[] = [];
  last = (): readonly string[] => this.lastShown;
  seen = (value: string): boolean => this.shown.has(value);
  size = (operationId: string): number => this.sizes.get(operationId) ?? 0;

  /** The most items a list of this operation held, or the total the answer states. */
  private learnSize(operationId: string, body: unknown): void {
    let n = 0;
    const look = (v: unknown) => {
      if (Array.isArray(v)) n = Math.max(n, v.length);
      else if (isRecord(v))
        for (const [k, x] of Object.entries(v)) {
          if (typeof x === 'number' && /total/i.test(k)) n = Math.max(n, x);
          if (Array.isArray(x)) n = Math.max(n, x.length);
        }
    };
    look(body);
    if (n > (this.sizes.get(operationId) ?? 0)) this.sizes.set(operationId, n);
  }

  private note(value: string, key: string | undefined): void {
    if (this.shown.size < 2000) this.shown.add(value);
    if (key === undefined) return;
    const list = this.byField.get(key) ?? this.byField.set(key, []).get(key);
    if (list && list.length < 64 && !list.includes(value)) list.push(value);
  }

  private learn(value: unknown, key?: string): void {
    if (typeof value === 'string') this.note(value, key);
    if (
      typeof value === 'string' &&
      /[a-z]{3}/i.test(value) &&
      !/^\S{20,}$/.test(value) &&
      this.seenTexts.length < 200 &&
      !this.seenTexts.includes(value)
    )
      this.seenTexts.push(value);
    if (typeof value === 'string' && key !== undefined) {
      const name = this.o.assigned[key] ?? (this.pools.has(key) ? key : undefined);
      const list = name === undefined ? undefined : (this.pools.get(name) ?? this.pools.set(name, []).get(name));
      if (list && !list.includes(value) && list.length < 64) list.push(value);
    } else if (Array.isArray(value)) for (const v of value) this.learn(v, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) this.learn(v, k);
  }

  /** The request as the model takes it: the target's signed credentials swapped for the model's own. */
  private modelCredentials(parts: RequestParts): RequestParts {
    const pairs = Object.entries(this.credentials);
    if (!pairs.length || !parts.headers) return parts;
    const headers = Object.fromEntries(
      Object.entries(parts.headers).map(([k, v]) => [k, pairs.reduce((text, [t, m]) => text.replaceAll(t, m), v)]),
    );
    return { ...parts, headers };
  }

  private translate<T>(value: T): T {
    if (typeof value === 'string') return this.ids.target(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.translate(v)) as T;
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.translate(v)])) as T;
    return value;
  }

  async step(plan: Plan, op: Operation): Promise<void> {
    const o = this.o;
    const { method, parts } = resolvePlan(plan, op, {
      baseline: o.baseline,
      principals: o.principals,
      pool: this.pool,
      recent: this.recent,
      texts: this.texts,
      values: this.values,
      last: this.last,
      seen: this.seen,
      size: this.size,
      search: modelSpec(o.index).search,
    });
    // --max-steps bounds the requests of a run, chains included (past it the rest of the run sends nothing).
    if (this.log.length >= o.maxSteps) return;
    // What the target does not show the model cannot predict: such a step is not sent at all.
    if (valuesOf(parts).some((v) => this.unknown.has(v))) return;
    // Reads only: a documented write is not sent (a method the path does not list still is: it must change nothing).
    if (!o.writes && !plan.method && !readMethods.has(method)) return;
    if (!plan.method && this.unknownOperations.has(op.id)) return;
    this.remember(parts);
    const model = await this.oracle.send({ operationId: op.id, method, parts: this.modelCredentials(parts) });
    const ex = await exchange(o.index, o.target, op.id, this.translate(parts), o.headers, o.timeoutMs);
    this.exchanges.push(ex);
    const status = ex.response?.status ?? 0;
    if (method !== 'GET' && status >= 200 && status < 300) this.writes.push(...valuesOf(parts));
    const n = this.log.length + 1;
    const record: ModelStep = {
      n,
      operationId: op.id,
      curl: curlOf(ex),
      model: { status: model.status, body: model.body },
      target: ex.response ? { status: ex.response.status, body: ex.response.body } : { error: ex.error ?? 'no answer' },
    };
    this.log.push(record);
    const divergence = ex.response
      ? (this.compare(op, parts, model, {
          status: ex.response.status,
          headers: ex.response.headers,
          body: ex.response.body,
          text: ex.response.text,
        }) ?? (plan.method ? undefined : this.contract(ex, op, model.status)))
      : `the target gave no answer: ${ex.error}`;
    if (divergence) {
      record.divergence = divergence;
      throw new Divergence(divergence);
    }
    this.learn(model.body);
    this.learnSize(op.id, model.body);
    if (model.status < 300) this.lastShown = [...stringsOf(model.body)];
  }

  /** Where both agree, the target's answer must still keep the contract (its schema, content type, documented status). */
  private contract(ex: Exchange, op: Operation, modelStatus: number): string | undefined {
    // A server error the model answers too is the run's fault scenario, not the target's fault.
    const broken = runResponseChecks(ex, op, {}).find(
      (f) => f.failure && !(f.name === 'not_a_server_error' && modelStatus >= 500),
    );
    return broken && `${broken.name}: ${broken.failure}`;
  }

  private compare(op: Operation, parts: RequestParts, model: Answer, target: Answer): string | undefined {
    const rules: BodyRules = {
      changes: this.changes,
      assigned: new Set(Object.keys(this.o.assigned)),
      ordered: op.ext['x-connkit-order'] === 'stated',
    };
    const who = parts.headers?.Authorization ?? '';
    const concrete = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => String(parts.path?.[name] ?? ''));
    return (
      answerDiff(model, target, rules, this.ids, this.o.errorType) ??
      this.headers.check(this.o.index, op, concrete, who, model, target, Math.floor(Date.now() / 1000))
    );
  }
}

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every string value a request carries (path, query, headers, top-level body fields). */
function valuesOf(parts: RequestParts): string[] {
  const body = isRecord(parts.body) ? Object.values(parts.body) : [];
  return [
    ...Object.values(parts.path ?? {}),
    ...Object.values(parts.query ?? {}).flat(),
    ...Object.values(parts.headers ?? {}),
    ...body,
  ].filter((v): v is string => typeof v === 'string');
}

function isSnapshot(v: unknown): v is Snapshot {
  return isRecord(v) && v.connkit === 1 && typeof v.seed === 'number' && isRecord(v.apis);
}

/** Every string a state holds, keys included: the values no step of the run assigned. */
function stringsOf(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      stringsOf(v, into);
    }
  return into;
}

/** One command: a single request, or a chain (a change and the reads of what it changed), sent in order. */
class Step implements fc.AsyncCommand<Run, Run> {
  constructor(private readonly steps: readonly { plan: Plan; op: Operation }[]) {}
  check = () => true;
  run = async (_: Run, run: Run) => {
    for (const s of this.steps) await run.step(s.plan, s.op);
  };
  toString = () => this.steps.map((s) => `${s.plan.method ?? s.op.method.toUpperCase()} ${s.op.id}`).join(' → ');
}

/**
 * The model tier: random sequences over every operation, sent to the target and to the
 * model, compared answer by answer; a divergence is shrunk to the shortest sequence that
 * still shows it and reported with a curl per step and the seed that replays it.
 */
export async function runModelTier(o: ModelOptions): Promise<ModelResult> {
  const started = performance.now();
  const result = await modelTier(o);
  return { ...result, durationMs: Math.round(performance.now() - started) };
}

async function modelTier(o: ModelOptions): Promise<Omit<ModelResult, 'durationMs'>> {
  const outcome = (status: Outcome['status'], message: string, extra: Partial<Outcome> = {}): Outcome => ({
    check: 'model',
    tier: 'model',
    api: o.api,
    status,
    message,
    ...extra,
  });
  const control = o.control;
  const observing = o.observing;
  if (!control && !observing)
    return {
      outcomes: [
        outcome(
          'skipped',
          `the model tier needs --control, or a fromObserved() for ${o.api} (to start the model from the target's state)`,
        ),
      ],
      exchanges: [],
      runs: 0,
      steps: 0,
    };
  const started = performance.now();
  // Values successful writes carried, over every run so far: the target keeps what they changed.
  const changed = new Set<string>();
  const earlier: Observation[] = [];
  let reading: { seen: Awaited<ReturnType<typeof observeTarget>>; writes: number } | undefined;
  let writes = 0;
  const oracle = new Oracle(o.api, o.index);
  const basePools = o.pools;
  const pooled = new Set([
    ...Object.keys(basePools),
    ...Object.values(o.assigned),
    ...o.consumables.map((c) => c.pool),
  ]);
  const principals = o.principals.length;
  const step = stepsArbitrary(o.index, pooled, principals).map(
    (plans) =>
      new Step(
        plans.map((plan) => {
          const op = o.index.byId.get(plan.operationId);
          if (!op) throw new Error(`no operation ${plan.operationId}`);
          return { plan, op };
        }),
      ),
  );
  const exchanges: Exchange[] = [];
  let failed: ModelStep[] | undefined;
  // The scenario the kept failing run had on (set from inside the property, hence a holder).
  const failedUnder: { pick: ScenarioPick | null } = { pick: null };
  let runs = 0;
  let steps = 0;

  async function setup(scenario: ScenarioPick | null): Promise<{ model: Run; real: Run }> {
    if (!control && observing) {
      // Nothing resets the target: what earlier runs changed is read again before this one.
      // A run that changed nothing leaves the target as it was read: the last reading still holds.
      const seen = reading?.writes === writes ? reading.seen : await observeTarget(o, observing, changed, earlier);
      reading = { seen, writes };
      oracle.loadObserved(seen.state);
      const known = stringsOf(seen.state);
      for (const t of Object.keys(seen.credentials)) known.add(t);
      const run = new Run(
        o,
        oracle,
        { ...basePools },
        known,
        seen.credentials,
        new Set(seen.unknown),
        new Set(seen.unknownOperations),
      );
      runs++;
      return { model: run, real: run };
    }
    if (!control) throw new Error('unreachable: no control and no observer');
    await control.post('/reset', {});
    const pools: Record<string, string[]> = { ...basePools };
    for (const c of o.consumables) {
      if (!o.source) break;
      const minted: Record<string, unknown> = { ...(await o.source.mint(c.state, c.params)) };
      const value = minted[c.field];
      if (typeof value === 'string') pools[c.pool] = [value, ...(pools[c.pool] ?? [])];
    }
    const snapshot = await control.get('/state');
    if (!isSnapshot(snapshot))
      throw new Error(`the control API's GET /state answered no snapshot: ${JSON.stringify(snapshot).slice(0, 200)}`);
    await oracle.load(snapshot);
    // The same fault on both sides from here on, after the fixtures were minted without it.
    if (scenario) {
      await control.scenario(scenario.name, true, scenario.params);
      oracle.scenario(scenario);
    }
    const run = new Run(o, oracle, pools, stringsOf(snapshot.apis[o.api]));
    runs++;
    return { model: run, real: run };
  }

  // Without control nothing can turn a fault on in the target: no scenario then.
  const scenarios = control ? scenarioArbitrary(oracle.scenarios(), o.maxSteps) : fc.constant(null);
  const commands = fc.commands([step], { maxCommands: o.maxSteps, size: 'max' });
  const property = fc.asyncProperty(commands, scenarios, async (cmds, scenario) => {
    const world = await setup(scenario);
    try {
      await fc.asyncModelRun(() => Promise.resolve(world), cmds);
    } finally {
      if (scenario && control) await control.scenario(scenario.name, false);
      steps += world.real.log.length;
      for (const w of world.real.writes) changed.add(w);
      if (world.real.writes.length) writes++;
      exchanges.push(...world.real.exchanges);
      o.onRun?.(runs, steps, performance.now() - started);
      // Kept on every failing run: fast-check shrinks toward smaller failures, so the last one is the shortest.
      if (world.real.log.some((s) => s.divergence)) {
        failed = world.real.log;
        failedUnder.pick = scenario;
      }
    }
  });
  const result = await fc.check(property, {
    seed: o.seed,
    numRuns: o.runs,
    interruptAfterTimeLimit: o.budgetMs,
    markInterruptAsFailure: false,
    endOnFailure: false,
  });
  if (!result.failed || !failed) {
    const note = result.interrupted
      ? ` (the ${Math.round(o.budgetMs / 1000)} s budget ended it after ${result.numRuns} of ${o.runs} runs)`
      : '';
    return {
      outcomes: [
        outcome('passed', `${result.numRuns} runs, ${steps} steps, model and target agree${note}; --seed ${o.seed}`),
      ],
      exchanges,
      runs,
      steps,
    };
  }
  const last = failed[failed.length - 1];
  const ex = [...exchanges].reverse().find((e) => curlOf(e) === last.curl);
  return {
    outcomes: [
      outcome(
        'failed',
        formatFinding(
          failed,
          o.seed,
          `found in run ${result.numRuns}, shrunk ${result.numShrinks} times${
            failedUnder.pick
              ? `, with scenario ${failedUnder.pick.name} ${JSON.stringify(failedUnder.pick.params)} on in both the target and the model`
              : ''
          }`,
        ),
        { operation: last.operationId, steps: failed, exchange: ex, curl: last.curl },
      ),
    ],
    exchanges,
    runs,
    steps,
  };
}
