import type { components } from '../generated/control.js';
import type { Operation } from '../contract/index.js';
import type { StateBrowser } from './browse.js';
import type { BuildInput } from './build-progress.js';
import type { ApiError } from './errors.js';
import type { SimRequest } from './request.js';
import type { ScenarioDef } from './scenarios/types.js';
import type { RecordEdits } from './record-edits.js';
import type { Session } from './session.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A fault a scenario injected: response validation lets an undocumented status through. */
  injected?: boolean;
  /** The body already serialized (and validated when it was made): a cached answer. */
  raw?: string;
  /** `raw` as UTF-8, when the cache has encoded it: a door that writes bytes sends these. */
  rawBytes?: Uint8Array;
}

/**
 * What a request is, before any step has looked at it: the operation the router found, the
 * session it acts on and that session's state of the API. Complete when it is made; each
 * later step adds what it learnt by making a new, wider object, never by patching this one.
 */
export interface BaseContext<State = unknown, Faults extends object = object> {
  op: Operation;
  session: Session;
  state: State;
  req: SimRequest;
  /** The raw path parameters of the route the router found (not yet validated). */
  path: Record<string, string>;
  /** What the scenarios returned for this request, in the vendor's own terms. */
  faults: Partial<Faults>;
}

/** After authentication: who is calling. */
export interface AuthedContext<
  State = unknown,
  Principal = unknown,
  Faults extends object = object,
> extends BaseContext<State, Faults> {
  principal: Principal;
}

/** After validation: path, query and header values coerced and checked, the body checked. */
export interface RequestContext<
  State = unknown,
  Principal = unknown,
  Faults extends object = object,
  Params = ValidatedParams,
  Body = unknown,
> extends AuthedContext<State, Principal, Faults> {
  params: Params;
  body: Body;
}

export interface ValidatedParams {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

// The generated `operations` say `never` where an operation has no parameter of a kind.
type Part<P, K extends string> =
  P extends Partial<Record<K, infer X>>
    ? [NonNullable<X>] extends [never]
      ? Record<string, never>
      : NonNullable<X>
    : Record<string, never>;
/** Path, query and header values of one generated operation, as validation hands them over. */
export type ParamsOf<Op> = Op extends { parameters: infer P }
  ? { path: Part<P, 'path'>; query: Part<P, 'query'>; header: Part<P, 'header'> }
  : ValidatedParams;
/** The JSON request body of one generated operation (undefined where it takes none or it is optional). */
export type BodyOf<Op> = Op extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : Op extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : undefined;

/** The context a handler of one generated operation gets: every request part typed from the spec. */
export type OperationContext<Op, State, Principal, Faults extends object = object> = RequestContext<
  State,
  Principal,
  Faults,
  ParamsOf<Op>,
  BodyOf<Op>
>;

// The pipeline calls every handler through this one signature; the typed ones below are
// assignable to it because validation guarantees the shapes the generated types describe.
// Declared as a method so its parameter is compared both ways (a typed handler takes a
// narrower context than the pipeline's general one), which a function type would refuse.
interface HandlerSignature<State, Principal> {
  handle(ctx: RequestContext<State, Principal, object, ValidatedParams, unknown>): Reply | Promise<Reply>;
}
export type Handler<State = unknown, Principal = unknown> = HandlerSignature<State, Principal>['handle'];

/**
 * Whether validation filled these optional parameters with their spec defaults. The generated
 * types cannot say that a parameter with a default is always there after validation; this
 * check can, at run time, so a handler gets the narrower type without a cast.
 */
export function defaulted<Q extends object, K extends keyof Q>(
  query: Q,
  keys: readonly K[],
): query is Q & Required<Pick<Q, K>> {
  return keys.every((k) => query[k] !== undefined);
}

/** How an API's state is made from a seed, and saved and restored exactly. */
export interface StateFactory<State> {
  create(input: BuildInput): State;
  toJSON(state: State): unknown;
  fromJSON(json: unknown): State;
  /** fromJSON for a JSON state no one else holds (a snapshot just parsed): built on it, not on a copy. */
  adopt?(json: unknown): State;
  /**
   * A request's writes to this state were taken back (it failed half-way): what the state
   * derives from its data outside the copy-on-write layer must be found again.
   */
  undone?(state: State): void;
}

/**
 * A deep copy of plain JSON that also reads through copy-on-write views (structuredClone
 * refuses Proxies, which a forked session's data is made of).
 */
export const plainCopy = (json: unknown): unknown =>
  json === undefined ? undefined : JSON.parse(JSON.stringify(json));

/**
 * The factory of a state class that keeps all it has in a plain-JSON `data` member and
 * rebuilds its indexes from it: export is `data`, import a deep copy handed to the class.
 */
export function dataState<Data, State extends { data: Data }>(
  create: (input: BuildInput) => State,
  Class: new (data: Data) => State,
): StateFactory<State> {
  return {
    create,
    toJSON: (s) => s.data,
    fromJSON: (json) => new Class(plainCopy(json) as Data),
    adopt: (json) => new Class(json as Data),
  };
}

/**
 * One API served by the simulator: its spec, its domain state and the vendor rules the
 * shared pipeline cannot know (who is calling, how an error looks, which headers an answer
 * depends on, the faults its scenarios inject). The pipeline reads no vendor header itself.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiModule<State = any, Principal = any, Faults extends object = any> {
  /** The spec's name (specs/<name>.yaml). */
  name: string;
  state: StateFactory<State>;
  /**
   * The objects and arrays the state's export holds (what the memory budget counts), without
   * making the export; where absent the export is made and walked (seconds at a million records).
   */
  countRecords?(state: State): number;
  /** Who is calling (runs before validation, as the vendors do); throws ApiError. */
  authenticate(ctx: BaseContext<State, Faults>): Principal;
  /** Checks that need validated input or state (organization access…); throws ApiError. */
  authorize?(ctx: RequestContext<State, Principal, Faults>): void;
  formatError(err: ApiError, op?: Operation): Reply;
  /**
   * The documented error types an error answer's body carries (Auth0's `errorCode`, Wingfield's
   * `error.type`, each of MyCreditApp's `detail[].type`, LeadConduit's sentence class), which
   * coverage counts against the spec's `x-connkit-error-types`.
   */
  errorTypes?(body: unknown): string[];
  handlers: Record<string, Handler<State, Principal>>;
  /** Headers the vendor sends on every response (Auth0's rate-limit headers). */
  responseHeaders?(ctx: { faults: Partial<Faults> }): Record<string, string>;
  /** Response headers a browser app must be able to read (CORS `Access-Control-Expose-Headers`). */
  exposedHeaders?: readonly string[];
  /** Scenarios only this vendor shows (SSO outage, rate limits, maintenance). */
  scenarios?: readonly ScenarioDef<Faults>[];
  /**
   * Read operations whose answer depends only on the request and the session's state (not on
   * the clock): their serialized answers are kept until the state changes.
   */
  cacheable?: ReadonlySet<string>;
  /**
   * Besides the URL and the faults, what a cacheable answer depends on: the request headers
   * that say who asks, for whom. Asked only after authorization passed.
   */
  cacheKey?(req: SimRequest): string;
  /** Unknown query parameters are rejected (Auth0) rather than ignored. */
  rejectUnknownQuery?: boolean;
  /** The state as a verify profile: credentials and fixture ids (GET /__control/fixtures). */
  fixtures?(state: State, baseUrl: string): { api: string; base_url?: string };
  /**
   * Fixtures the vendor API itself cannot create, by control-API operationId
   * (`createSsoOnlyConnection`…): body in, created fixture out (201); throws ApiError.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  controlFixtures?: Record<string, (state: State, body: any) => unknown>;
  /** A working curl for the start-up banner. */
  exampleCurl?(state: State, baseUrl: string): string;
  /** What the page can page through of the state (GET /__control/state/{api}/…). */
  collections?: StateBrowser<State>;
  /**
   * Consumable fixtures verify asks for by name (POST /__control/provider-states): the
   * params the request names in, the fixture out; throws ApiError.
   */
  providerStates?: Record<
    string,
    (state: State, params: Record<string, unknown>) => components['schemas']['ProviderStateAnswer']
  >;
  /** The page's docs: the values "try it" fills in, and the credential it signs in with. */
  docs?(state: State): DocsEntry;
  /** What the page's record editor may change of the state, with one-click presets (its JSON form). */
  edits?: RecordEdits<unknown>;
  /** The prefix of this API's conformance check names (`mca_counts`); the name otherwise. */
  checkPrefix?: string;
  /** How verify's model tier rebuilds this API's state from what a target shows (no control API needed). */
  observe?: Observer<State, VendorProfile>;
}

type ControlSchemas = components['schemas'];
/** A verify profile of any vendor (credentials and fixture ids by role), told apart by its `api`. */
// Every control schema named `<Vendor>Profile`: a fifth vendor's profile joins without an edit here.
export type VendorProfile = ControlSchemas[Extract<keyof ControlSchemas, `${string}Profile`>];

/** One read of a target: a list or get operation, as a principal of the profile sends it. */
export interface ObservedRead {
  operationId: string;
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | (string | number)[]>;
  headers: Record<string, string>;
}

/** A read and what the target answered to it. */
export interface Observation {
  read: ObservedRead;
  status: number;
  body: unknown;
}

/** The model's state rebuilt from observations, and what it cannot know. */
export interface Observed<State> {
  state: State;
  /**
   * Credentials the model signs itself, by the target's own: a target's signed token
   * (a JWT) cannot be checked by the model, so the model holds one of its own that grants the same.
   */
  credentials: Record<string, string>;
  /** Values (ids, tokens) whose record the target does not show: a request naming one is not compared. */
  unknown: string[];
  /** Operations whose answers hang on what no read shows (LeadConduit's SSO copy): never sent. */
  unknownOperations?: string[];
}

/**
 * What a target shows of this API through its own list and get operations, turned into the
 * model's state. The profile is the vendor's verify profile (credentials and ids by role);
 * `reads` is asked in rounds with everything seen so far, until it asks for nothing new.
 */
export interface Observer<State, Profile> {
  reads(profile: Profile, seen: readonly Observation[]): ObservedRead[];
  /** The read of the next page after this answer, by the vendor's own pagination; undefined after the last. */
  next(read: ObservedRead, answer: Observation): ObservedRead | undefined;
  /**
   * `changed`: every value that successful writes of earlier runs carried (the target is never
   * reset without control): what of it the reads cannot show again, the vendor marks unknown.
   * `earlier`: what the reads before earlier runs showed (what never changes, a connection's name, still holds).
   */
  fromObserved(
    seen: readonly Observation[],
    profile: Profile,
    changed: ReadonlySet<string>,
    earlier: readonly Observation[],
  ): Observed<State>;
}

/** How the page's interactive docs of one API are set up from its fixtures. */
export interface DocsEntry {
  /** Parameter values "try it" starts with, by parameter name. */
  tryIt: Record<string, unknown>;
  /** The security scheme signed in with and the credential: a token, or a Basic user and password. */
  signIn?: { label: string; scheme: string; token: string; user?: string };
  /** Values worth copying beside it (an organization id the paths need). */
  extra?: [string, string][];
}

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
/** The success answers an operation's generated type allows: status and body checked together. */
export type SuccessReply<Op extends { responses: object }> = {
  [S in keyof Op['responses']]: S extends 200 | 201 | 204
    ? { status: S; body: JsonBody<Op['responses'][S]>; headers?: Record<string, string> }
    : never;
}[keyof Op['responses']];

/**
 * One handler per operationId of a spec, each typed by the generated types of its operation:
 * the request it reads (params, body) and the answers it may give.
 */
export type TypedHandlers<Ops, State, Principal, Faults extends object = object> = {
  [K in keyof Ops]: Ops[K] extends { responses: object }
    ? (ctx: OperationContext<Ops[K], State, Principal, Faults>) => SuccessReply<Ops[K]> | Promise<SuccessReply<Ops[K]>>
    : never;
};
