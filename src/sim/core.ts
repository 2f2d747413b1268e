import type { Operation, SpecIndex } from '../spec/index.js';
import { specIndex } from '../spec/registry.js';
import { vendorNames, type VendorName } from '../spec/names.js';
import { controlModule } from './control/index.js';
import { createControl, type Control } from './control/client.js';
import { ApiError, isApiError } from './errors.js';
import type { ApiModule, AuthedContext, BaseContext, Reply, RequestContext } from './module.js';
import { parseBody } from './pipeline/body.js';
import { cachedAnswer, cacheKeyOf, keepAnswer } from './pipeline/cache.js';
import { journalEntry } from './pipeline/journal.js';
import { respond, type Written } from './pipeline/respond.js';
import { Router, type Mount } from './pipeline/router.js';
import { applyScenarios } from './pipeline/scenario.js';
import { resolveSession } from './pipeline/session.js';
import { parseQuery, validateRequest } from './pipeline/validate.js';
import { fromFetchRequest, toFetchResponse, type SimRequest, type SimResponse } from './request.js';
import { normalizeScenario, scenarioCatalog } from './scenarios/catalog.js';
import { computeCoverage, type CoverageReport } from './coverage.js';
import { defaultSize } from './session.js';
import { vendorModules } from './vendors/index.js';
import type { Journal } from './journal.js';
import { World } from './world.js';

/** Where the core reports what it cannot answer for (pino in the server; the console elsewhere). */
export interface CoreLog {
  error(details: object, message: string): void;
}

export interface SimulatorOptions {
  seed?: number;
  /** Records per main fixture, per API (`{ mycreditapp: 100000 }`); `defaultSize` otherwise. */
  sizes?: Partial<Record<VendorName, number>>;
  apis?: VendorName[];
  scenarios?: { name: string; apis?: string[]; params?: Record<string, unknown> }[];
  /** Remote callers may use /__control with this token (`X-Connkit-Control-Token`). */
  controlToken?: string;
  /** Check every answer against the spec; a violation answers 500 naming it (tests turn it on). */
  validateResponses?: boolean;
  maxSessions?: number;
  journalSize?: number;
  /** The journal's byte cap (64 MiB by default), beside its entry cap. */
  journalBytes?: number;
  log?: CoreLog;
}

export const defaultSeed = 42;

/**
 * The simulator without a transport: every door (the Express server, MSW in Node or a
 * browser, a test calling it in-process) hands it requests and gets answers back, through
 * one pipeline.
 */
export interface Simulator {
  /** A WHATWG request in, the answer out: what MSW and in-process callers use. */
  handle(request: Request): Promise<Response>;
  /** The same pipeline over plain data: what the server door uses (no Request objects made). */
  dispatch(request: SimRequest): Promise<SimResponse>;
  /** The control API as typed calls (`await sim.control.reset({ seed: 7 })`). */
  control: Control;
  world: World;
  /** What reached the simulator: `sim.journal.find({ api, operationId, status })`, `sim.journal.expect(…).count(1)`. */
  journal: Journal;
  /** Of each API served, the operations, documented statuses and scenarios the journaled requests reached (optionally of one session). */
  coverage(options?: { session?: string }): CoverageReport;
  /** The vendor APIs served, in the order they are listed. */
  served: SpecIndex[];
  /** Response headers browsers must be able to read, from the served vendors' modules. */
  exposedHeaders: string[];
}

const consoleLog: CoreLog = { error: (details, message) => console.error(`connkit: ${message}`, details) };

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const apis = options.apis?.length ? options.apis : [...vendorNames];
  const log = options.log ?? consoleLog;
  const served = apis.map(specIndex);
  const sizes = Object.fromEntries(vendorNames.map((v) => [v, options.sizes?.[v] ?? defaultSize]));
  const world = new World({
    seed: options.seed ?? defaultSeed,
    sizes,
    modules: apis.map((a) => vendorModules[a]),
    maxSessions: options.maxSessions ?? 100,
    journalSize: options.journalSize ?? 1000,
    journalBytes: options.journalBytes,
  });
  world.session().scenarios = (options.scenarios ?? []).map(normalizeScenario);

  const controlIndex = specIndex('control');
  const mounts: Mount[] = [
    ...served.map((index) => ({
      index,
      module: vendorModules[index.name as VendorName] as ApiModule,
      bases: [index.prefix + index.basePath, index.basePath],
    })),
    { index: controlIndex, module: controlModule(served, options.controlToken), bases: [controlIndex.prefix + controlIndex.basePath] },
  ];
  for (const m of mounts) {
    const missing = m.index.operations.filter((op) => !m.module.handlers[op.id]).map((op) => op.id);
    if (missing.length) throw new Error(`${m.module.name}: no handler for ${missing.join(', ')}`);
  }
  const router = new Router(mounts);
  const validate = options.validateResponses === true;

  async function dispatch(req: SimRequest): Promise<SimResponse> {
    const started = performance.now();
    const arrived = Date.now();
    const q = req.target.indexOf('?');
    const path = q < 0 ? req.target : req.target.slice(0, q);
    const match = router.match(req.method, path);
    if (match.kind === 'none' && !match.mount) {
      const body = JSON.stringify({ error: `no API at ${path}`, apis: served.map((s) => `${s.prefix}${s.basePath}`) });
      return { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body };
    }
    const module = match.mount!.module;
    const op = match.kind === 'operation' || match.kind === 'bad_encoding' ? match.op : undefined;
    if (match.kind === 'operation') {
      const fast = fastLane(match.mount!, match.op, match.params, req);
      if (fast) {
        record(req, fast.response, fast.session, module.name, match.op.id, arrived, started, []);
        return fast.response;
      }
    }
    const acted: string[] = [];
    let sessionName = typeof req.headers['x-connkit-session'] === 'string' ? req.headers['x-connkit-session'] : 'default';
    let written: Written;
    // The scenarios' faults outlive a thrown error: a 429 still carries the rate-limit headers.
    const faults = {};
    try {
      const session = resolveSession(world, req.headers['x-connkit-session']);
      sessionName = session.name;
      if (match.kind === 'none') throw new ApiError({ kind: 'route_not_found', message: 'Not Found' });
      if (match.kind === 'method')
        throw new ApiError({ kind: 'method_not_allowed', message: 'Method Not Allowed', code: 'method_not_allowed', headers: { Allow: match.allow.join(', ') } });
      if (match.kind === 'bad_encoding')
        throw new ApiError({ kind: 'validation', message: 'request path is not valid percent-encoding', field: ['path'], issues: [{ in: 'path', path: [], keyword: 'format', message: 'is not valid percent-encoding', params: {} }] });
      req.params = match.params;
      const body = parseBody(req);
      const base: BaseContext = { op: match.op, world, session, state: world.modules.has(module.name) ? session.state(module.name) : undefined, req, faults };
      if ((await applyScenarios(base, module.name, acted)) === 'reset') {
        const res = { status: 0, headers: {}, reset: true };
        record(req, res, sessionName, module.name, match.op.id, arrived, started, acted);
        return res;
      }
      written = await answer(module, base, body, search(req.target, q));
    } catch (err) {
      written = respond(errorReply(module, err, op, req, faults), op, undefined, validate);
    }
    record(req, written.response, sessionName, module.name, op?.id, arrived, started, acted, written.violations);
    return written.response;
  }

  /** authenticate → validate → authorize → cached? → handler → respond, each a plain step. */
  async function answer(module: ApiModule, base: BaseContext, body: unknown, query: string): Promise<Written> {
    const { op, session } = base;
    const authed: AuthedContext = { ...base, principal: module.authenticate(base) };
    const params = validateRequest(op, base.req, parseQuery(query), body, module.rejectUnknownQuery === true);
    const ctx: RequestContext = { ...authed, params, body };
    module.authorize?.(ctx);
    const vendorHeaders = module.responseHeaders?.(base);
    const key = cacheKeyOf(module, base);
    const hit = key === undefined ? undefined : cachedAnswer(base, key);
    if (hit) return respond(hit, op, vendorHeaders, validate);
    // A request that may write moves the session's version, whatever it answers, so no
    // cached answer outlives a change.
    if (op.method !== 'get') session.version++;
    const reply = await module.handlers[op.id](ctx);
    const written = respond(reply, op, vendorHeaders, validate);
    if (key !== undefined && !written.violations && reply.status >= 200 && reply.status < 300 && written.response.body !== undefined)
      keepAnswer(base, key, reply, written.response.body);
    return written;
  }

  /**
   * Answers already known: a cacheable read, in a session with no scenario on and asking for
   * none, whose serialized answer for this very URL and caller is still current. What the
   * full pipeline would check again is either pure (validation, and authorization over a
   * state whose version has not moved) or is run again here (authentication, which alone
   * depends on the clock: an expired token is refused as before). Anything else goes the
   * long way; nothing here changes state.
   */
  function fastLane(mount: Mount, op: Operation, params: Record<string, string>, req: SimRequest): { response: SimResponse; session: string } | undefined {
    const module = mount.module;
    if (!module.cacheable?.has(op.id) || req.body !== undefined || req.headers.prefer !== undefined) return undefined;
    const name = req.headers['x-connkit-session'];
    if (name !== undefined && !world.hasSession(name)) return undefined;
    const session = world.session(name);
    if (session.scenarios.length) return undefined;
    req.params = params;
    const base: BaseContext = { op, world, session, state: session.state(module.name), req, faults: {} };
    const key = cacheKeyOf(module, base);
    const hit = key === undefined ? undefined : cachedAnswer(base, key);
    if (!hit) return undefined;
    try {
      module.authenticate(base);
    } catch {
      return undefined;
    }
    return { response: respond(hit, op, module.responseHeaders?.(base), validate).response, session: session.name };
  }

  /**
   * The one place errors become answers: an ApiError in the vendor's envelope, anything else
   * as the vendor's 500 (and a log line), never a stack trace.
   */
  function errorReply(module: ApiModule, err: unknown, op: Operation | undefined, req: SimRequest, faults: object): Reply {
    if (!isApiError(err)) log.error({ err, url: req.target }, 'unexpected error');
    const e = isApiError(err) ? err : new ApiError({ kind: 'internal', message: 'Internal server error' });
    try {
      const reply = module.formatError(e, op);
      return { ...reply, headers: { ...module.responseHeaders?.({ faults }), ...e.headers, ...reply.headers }, injected: e.injected };
    } catch (failure) {
      log.error({ err: failure, url: req.target }, 'error formatter failed');
      return { status: 500, body: { error: 'internal server error' } };
    }
  }

  function record(req: SimRequest, res: SimResponse, session: string, api: string, operationId: string | undefined, arrived: number, started: number, scenarios: string[], violations?: string[]) {
    world.journal.add(journalEntry({ req, res, session, api, operationId, arrived, durationMs: performance.now() - started, scenarios, violations }));
  }

  const handle = async (request: Request): Promise<Response> => toFetchResponse(await dispatch(await fromFetchRequest(request)), request.method);
  const exposedHeaders = [...new Set(served.flatMap((s) => vendorModules[s.name as VendorName].exposedHeaders ?? []))];
  let control: Control | undefined;
  return {
    handle,
    dispatch,
    // Made on first use: the typed client touches the fetch globals, which Node loads lazily
    // (undici), and a server that is never driven in-process should not pay for that at start.
    get control() {
      return (control ??= createControl(handle));
    },
    world,
    journal: world.journal,
    coverage: (o = {}) => computeCoverage(world.journal.list(undefined, o.session), served, scenarioCatalog),
    served,
    exposedHeaders,
  };
}

const search = (target: string, q: number): string => (q < 0 ? '' : target.slice(q + 1));
