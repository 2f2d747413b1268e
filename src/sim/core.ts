import type { SpecIndex } from '../contract/index.js';
import { specIndex } from '../contract/registry.js';
import { loadResponseValidators } from '../contract/response-validators.js';
import { vendorNames, type VendorName } from '../contract/names.js';
import { controlModule } from './control/index.js';
import { createControl, type Control } from './control/client.js';
import { ApiError, isApiError } from './errors.js';
import type { Journal } from './journal.js';
import type { ApiModule, Reply } from './module.js';
import { readBody } from './pipeline/body.js';
import { cached } from './pipeline/cache.js';
import type { Handled } from './pipeline/context.js';
import { journalEntry } from './pipeline/journal.js';
import { Answer, Pipeline, type Entry } from './pipeline/pipeline.js';
import { respond, type Written } from './pipeline/respond.js';
import { Router, type Mount } from './pipeline/router.js';
import { applyScenarios } from './pipeline/scenario.js';
import { locate, resolveSession } from './pipeline/session.js';
import { validate } from './pipeline/validate.js';
import { authenticate, authorize, handle } from './pipeline/vendor.js';
import { fromFetchRequest, toFetchResponse, type SimRequest, type SimResponse } from './request.js';
import { composeCatalog, type ScenarioCatalog } from './scenarios/catalog.js';
import { defaultSize, type Session, type SessionSnapshot } from './session.js';
import { vendorModules } from './vendors/index.js';
import { checkSnapshot, importSession } from './snapshot/import.js';
import type { ChosenApis } from './chosen-apis.js';
import { streamedSnapshot } from './snapshot/fetch-door.js';
import type { SnapshotHost } from './snapshot/stream.js';
import { computeCoverage, type CoverageReport } from './coverage.js';
import { World } from './world.js';
import type { BuildProgress } from './build-progress.js';

/** Where the core reports what it cannot answer for (pino in the server; the console elsewhere). */
export interface CoreLog {
  error(details: object, message: string): void;
}

export interface SimulatorOptions {
  seed?: number;
  /** Records per main fixture, per API (`{ [api]: 100000 }`); `defaultSize` otherwise. */
  sizes?: Partial<Record<VendorName, number>>;
  apis?: readonly VendorName[];
  scenarios?: { name: string; apis?: string[]; params?: Record<string, unknown> }[];
  /** Remote callers may use /__control with this token (`X-Connkit-Control-Token`). */
  controlToken?: string;
  /** Check every answer against the spec; a violation answers 500 naming it (tests turn it on). */
  validateResponses?: boolean;
  maxSessions?: number;
  journalSize?: number;
  /** Bytes sessions and the journal may hold (estimated); past it LRU sessions go, a new one gets 503. Unbounded when absent. */
  maxMemory?: number;
  /** The journal's byte cap (64 MiB by default), beside its entry cap. */
  journalBytes?: number;
  /** Told as each API's seeded world is built (`done === total` when built): for a progress bar. */
  onProgress?: (progress: BuildProgress) => void;
  log?: CoreLog;
  /** Names this simulator in `GET /__control/sessions` (read on each call: a server knows its port late). */
  instance?: string | (() => string);
}

export const defaultSeed = 42;

/** What the doors may do with the journal: read it, follow it, empty it. */
export type JournalView = Pick<
  Journal,
  | 'list'
  | 'subscribe'
  | 'clear'
  | 'total'
  | 'capacity'
  | 'add'
  | 'find'
  | 'match'
  | 'expect'
  | 'bytes'
  | 'size'
  | 'maxBytes'
>;

/**
 * The simulator without a transport: every door (the Node server, MSW in Node or a browser,
 * a test calling it in-process) hands it requests and gets answers back, through one
 * pipeline, and uses these operations for the rest (the page, the journal stream, the banner).
 * `Simulator<'auth0'>` is one known to serve Auth0 (its fixtures typed as present); plain
 * `Simulator` is any simulator.
 */
export interface Simulator<A extends VendorName = never> {
  /** A WHATWG request in, the answer out: what MSW and in-process callers use. */
  handle(request: Request): Promise<Response>;
  /** The same pipeline over plain data: what the server door uses (no Request objects made). */
  dispatch(request: SimRequest): Promise<SimResponse>;
  /** The control API as typed calls (`await sim.control.reset({ seed: 7 })`). */
  control: Control<A>;
  /** The answered requests, newest last, and every new one as it is answered. */
  journal: JournalView;
  /** The session of that name (the default one without), by the rule requests follow: a bad name throws ApiError. */
  session(name?: string): Session;
  sessionNames(): string[];
  /** Of each API served, the operations, documented statuses and scenarios the journaled requests reached (optionally of one session). */
  coverage(options?: { session?: string }): CoverageReport;
  /** The vendor APIs served, in the order they are listed. */
  served: SpecIndex[];
  /** The served vendor APIs' modules, by name. */
  modules: ReadonlyMap<string, ApiModule>;
  /** Replaces a session's state with an NDJSON snapshot, all or nothing (a bad one throws a 422 ApiError). */
  importSnapshot(name: string | undefined, lines: AsyncIterable<string> | Iterable<string>): Promise<Session>;
  /** Replaces these sessions' states, all or nothing: every snapshot is checked (422 ApiError naming the field) before any session changes. */
  restoreSessions(snapshots: readonly (readonly [string, SessionSnapshot])[]): void;
  /** What sessions, shared worlds and the journal hold (estimated bytes), against the budget. */
  memory(): { bytes: number; limit: number };
  /** The scenarios the served APIs can show. */
  scenarios: ScenarioCatalog;
  /** Response headers browsers must be able to read, from the served vendors' modules. */
  exposedHeaders: string[];
}

const consoleLog: CoreLog = { error: (details, message) => console.error(`connkit: ${message}`, details) };

/** authenticate → cached? → validate → authorize → handler, after the session and the scenarios. */
function pipelineOf(world: World, catalog: ScenarioCatalog) {
  return Pipeline.start<Entry>()
    .then(locate(world))
    .then(readBody)
    .then(applyScenarios(catalog))
    .then(authenticate)
    .then(cached)
    .then(validate)
    .then(authorize)
    .then(handle);
}

/** `apis` as a literal list (or left out) types the fixtures of those APIs as present. */
export function createSimulator<const L extends readonly VendorName[] | undefined = undefined>(
  options?: SimulatorOptions & { apis?: L },
): Simulator<ChosenApis<L>>;
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const apis = options.apis?.length ? options.apis : [...vendorNames];
  const log = options.log ?? consoleLog;
  const served = apis.map(specIndex);
  const modules = apis.map((a): ApiModule => vendorModules[a]);
  const sizes = Object.fromEntries(vendorNames.map((v) => [v, options.sizes?.[v] ?? defaultSize]));
  const catalog = composeCatalog(modules);
  const world = new World({
    seed: options.seed ?? defaultSeed,
    sizes,
    modules,
    maxSessions: options.maxSessions ?? 100,
    journalSize: options.journalSize ?? 1000,
    maxMemory: options.maxMemory,
    journalBytes: options.journalBytes,
    onProgress: options.onProgress,
  });
  world.session().setScenarios((options.scenarios ?? []).map((s) => catalog.normalize(s)));

  const controlIndex = specIndex('control');
  const mounts: Mount[] = [
    ...served.map((index, i) => ({
      index,
      module: modules[i],
      bases: [index.prefix + index.basePath, index.basePath],
    })),
    {
      index: controlIndex,
      module: controlModule({
        world,
        served,
        catalog,
        index: controlIndex,
        controlToken: options.controlToken,
        instance: options.instance,
      }),
      bases: [controlIndex.prefix + controlIndex.basePath],
    },
  ];
  for (const m of mounts) {
    const missing = m.index.operations.filter((op) => !m.module.handlers[op.id]).map((op) => op.id);
    if (missing.length) throw new Error(`${m.module.name}: no handler for ${missing.join(', ')}`);
  }
  const router = new Router(mounts);
  const pipeline = pipelineOf(world, catalog);
  const validateAnswers = options.validateResponses === true;
  // The build's response validators are a module of their own, imported only when answers are checked.
  const answersCheckable = validateAnswers ? loadResponseValidators() : undefined;

  async function dispatch(req: SimRequest): Promise<SimResponse> {
    if (answersCheckable) await answersCheckable;
    const started = performance.now();
    const arrived = Date.now();
    const q = req.target.indexOf('?');
    const path = q < 0 ? req.target : req.target.slice(0, q);
    const match = router.match(req.method, path);
    if (match.kind === 'no_api') {
      const body = JSON.stringify({ error: `no API at ${path}`, apis: served.map((s) => `${s.prefix}${s.basePath}`) });
      return { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body };
    }
    const entry: Entry = {
      req,
      mount: match.mount,
      match,
      op: match.kind === 'operation' || match.kind === 'bad_encoding' ? match.op : undefined,
      search: q < 0 ? '' : req.target.slice(q + 1),
      sessionName: req.headers['x-connkit-session'] ?? 'default',
      faults: {},
      scenarios: [],
    };
    // The last context a step reached: an error is answered, and journaled, from what it knew.
    let reached: Entry = entry;
    let written: Written | 'reset';
    try {
      const running = pipeline.run(entry, (ctx) => (reached = ctx));
      const out = running instanceof Promise ? await running : running;
      written = out instanceof Answer ? answer(out.ctx, out.outcome) : respondAndKeep(out);
      if (out instanceof Answer) reached = out.ctx;
    } catch (err) {
      written = failed(reached, err);
    }
    const response: SimResponse = written === 'reset' ? { status: 0, headers: {}, reset: true } : written.response;
    world.journal.add(
      journalEntry({
        req,
        res: response,
        session: reached.sessionName,
        api: reached.mount.module.name,
        operationId: reached.op?.id,
        arrived,
        durationMs: performance.now() - started,
        scenarios: reached.scenarios.slice(),
        violations: written === 'reset' ? undefined : written.violations,
      }),
    );
    return response;
  }

  const vendorHeaders = (ctx: Entry) => ctx.mount.module.responseHeaders?.(ctx);

  /** The handler's reply written; a cacheable one kept for the next identical read. */
  function respondAndKeep(ctx: Handled): Written {
    const { reply } = ctx;
    const written = respond(reply, ctx.op, vendorHeaders(ctx), validateAnswers);
    const raw = written.response.body;
    if (
      ctx.cacheKey !== undefined &&
      !written.violations &&
      reply.status >= 200 &&
      reply.status < 300 &&
      raw !== undefined
    )
      ctx.session.keepAnswer(ctx.cacheKey, { status: reply.status, headers: reply.headers, raw });
    return written;
  }

  /** An early answer: a kept reply, a scenario's error, or a reset. */
  function answer(ctx: Entry, outcome: Answer['outcome']): Written | 'reset' {
    if (outcome === 'reset') return 'reset';
    if (isApiError(outcome)) return failed(ctx, outcome);
    return respond(outcome, ctx.op, vendorHeaders(ctx), validateAnswers);
  }

  const failed = (ctx: Entry, err: unknown): Written =>
    respond(errorReply(ctx, err), ctx.op, undefined, validateAnswers);

  /**
   * The one place errors become answers: an ApiError in the vendor's envelope (with the
   * headers the faults gathered so far give: a 429 keeps its rate-limit headers), anything
   * else as the vendor's 500 (and a log line), never a stack trace.
   */
  function errorReply(ctx: Entry, err: unknown): Reply {
    const { module } = ctx.mount;
    if (!isApiError(err)) log.error({ err, url: ctx.req.target }, 'unexpected error');
    const e = isApiError(err) ? err : new ApiError({ kind: 'internal', message: 'Internal server error' });
    try {
      const reply = module.formatError(e, ctx.op);
      return { ...reply, headers: { ...vendorHeaders(ctx), ...e.headers, ...reply.headers }, injected: e.injected };
    } catch (failure) {
      log.error({ err: failure, url: ctx.req.target }, 'error formatter failed');
      return { status: 500, body: { error: 'internal server error' } };
    }
  }

  const snapshotHost: SnapshotHost = {
    session: (name) => resolveSession(world, name),
    importSnapshot: (name, lines) => importSession(world, name, lines),
    journal: world.journal,
  };
  // A snapshot export or NDJSON import streams its body (a million records is no one string).
  const handleRequest = async (request: Request): Promise<Response> =>
    (await streamedSnapshot(snapshotHost, request)) ??
    toFetchResponse(await dispatch(await fromFetchRequest(request)), request.method);
  const exposedHeaders = [...new Set(modules.flatMap((m) => m.exposedHeaders ?? []))];
  let control: Control | undefined;
  return {
    handle: handleRequest,
    dispatch,
    // Made on first use: the typed client touches the fetch globals, which Node loads lazily
    // (undici), and a server that is never driven in-process should not pay for that at start.
    get control() {
      return (control ??= createControl(handleRequest));
    },
    journal: world.journal,
    session: (name) => resolveSession(world, name),
    sessionNames: () => world.sessionNames(),
    coverage: (o = {}) =>
      computeCoverage(world.journal.list(undefined, o.session), served, catalog.list, world.modules),
    served,
    modules: world.modules,
    importSnapshot: (name, lines) => importSession(world, name, lines),
    restoreSessions(snapshots) {
      const checked = snapshots.map(([name, snapshot]) => [name, snapshot, checkSnapshot(world, snapshot)] as const);
      for (const [name, snapshot, states] of checked) world.importInto(name, snapshot, states);
    },
    memory: () => ({ bytes: world.bytes(), limit: world.maxMemory }),
    scenarios: catalog,
    exposedHeaders,
  };
}
