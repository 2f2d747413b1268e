import type { Faker } from '@faker-js/faker';
import type { components } from '../src/generated/control.js';
import type { Operation, SpecIndex } from '../src/contract/index.js';
import type { VendorName } from '../src/contract/names.js';
import type { ModelAdapter, ModelStep } from './model/types.js';
import type { AnswerBody, OperationId, SendParts, SuccessStatus } from './operations.js';

export type Tier = 'contract' | 'stateful' | 'fault' | 'race' | 'model';
export const tiers: Tier[] = ['contract', 'stateful', 'fault', 'race', 'model'];

type S = components['schemas'];
export interface Profiles {
  leadconduit: S['LeadConduitProfile'];
  auth0: S['Auth0Profile'];
  mycreditapp: S['MyCreditAppProfile'];
  wingfield: S['WingfieldProfile'];
}
export type AnyProfile = Profiles[VendorName];

/**
 * A request as built at run time (a baseline, a negative case, a model step): checked by no
 * type. A check that names its operation sends `SendParts` instead, typed from the spec.
 */
export interface RequestParts {
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | (string | number)[]>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as is instead of JSON (malformed bodies). */
  raw?: string;
  /** Another method than the operation's, on its path (the model tier's 405 probes). */
  method?: string;
}

/** One request and its answer; `Op` is the operation it was sent to, which types a checked answer. */
export interface Exchange<Op extends string = string> {
  operationId: Op;
  /** The fault scenario on while it ran, if any (coverage matrix). */
  scenario?: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  /** `text` is the body as received, cut after `keptChars` (then `truncated`). */
  response?: { status: number; headers: Record<string, string>; body: unknown; text: string; truncated?: boolean };
  error?: string;
  durationMs: number;
}

export interface Outcome {
  check: string;
  tier: Tier;
  api: VendorName;
  operation?: string;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
  exchange?: Exchange;
  curl?: string;
  /** A model-tier finding: the shrunk sequence, numbered, each step's curl and both answers. */
  steps?: ModelStep[];
}

/** Skips the check (or its current operation) with the reason; thrown by `need`. */
export class Skip extends Error {}

/** The check has nothing to test for this operation (no scope to fall short of, nothing to break): no verdict. */
export class NotApplicable extends Error {}

export type StateName = S['ProviderStateName'];
interface StateRequests {
  'open connect token': S['OpenConnectTokenState'];
  'sso-only connection': S['SsoOnlyConnectionState'];
  'pending invitation': S['PendingInvitationState'];
  'unlinked auth0 connection': S['UnlinkedAuth0ConnectionState'];
  'user without a seat': S['UserWithoutSeatState'];
}
export type StateParams<N extends StateName> = StateRequests[N]['params'];
/** The fixture each provider state answers (specs/control.yaml, ProviderStateAnswer). */
export interface StateAnswers {
  'open connect token': S['OpenConnectTokenFixture'];
  'sso-only connection': S['SsoOnlyConnectionFixture'];
  'pending invitation': S['PendingInvitationFixture'];
  'unlinked auth0 connection': S['UnlinkedAuth0ConnectionFixture'];
  'user without a seat': S['UserWithoutSeatFixture'];
}

/**
 * How a check may share the target with others under --concurrency: `read` changes nothing,
 * `disjoint` changes only fixtures of its own, `exclusive` (the default) needs the target to itself.
 */
export type Sharing = 'read' | 'disjoint' | 'exclusive';

/** What every check gets, whichever vendor it tests: the untyped door, verdicts, fixtures. */
export interface CheckCore {
  api: VendorName;
  index: SpecIndex;
  faker: Faker;
  /** Present when the target exposes connkit's control API. */
  control?: ControlClient;
  /**
   * The escape from the typed `send`: a request the types cannot vouch for, one built at run
   * time (an operation of the index, a baseline) or one the spec forbids (a missing field,
   * a raw body, another method).
   */
  sendRaw(operationId: string, parts: RequestParts, opts?: SendOptions): Promise<Exchange>;
  /** Records a verdict for an operation (or the check as a whole). */
  pass(operation?: string): void;
  fail(message: string, exchange?: Exchange, operation?: string): void;
  /** The value, or a Skip naming what the profile lacks. */
  need<T>(value: T | undefined | null, what: string): T;
  /** An assertion: records a failure (and stops the check) when false. */
  expect(condition: unknown, message: string, exchange?: Exchange, operation?: string): void;
  baseline(operationId: string): RequestParts | undefined;
  /** Whether consumable fixtures are minted fresh (a provider-state source, or the simulator's control API). */
  minted: boolean;
  /**
   * A fresh consumable fixture: minted through the provider-state source when there is one,
   * else `fromProfile()` (which takes it from the profile with `consume`).
   */
  fixture<N extends StateName>(
    state: N,
    params: StateParams<N>,
    fromProfile: () => StateAnswers[N],
  ): Promise<StateAnswers[N]>;
  /**
   * Takes the next entry of a profile list that checks use up, skipping entries an earlier run
   * used up (the state file); `keep` when this check leaves the entry as it found it.
   */
  consume<T>(path: string, list: T[] | undefined, opts?: { keep?: boolean }): T;
  /** Runs `fn` for each operation of the spec, one verdict each (a Skip or failed expect ends only that operation). */
  eachOperation(fn: (op: Operation) => Promise<void>): Promise<void>;
}

/** One vendor's check context: its profile, and requests and answers typed by its spec. */
export interface CheckContext<A extends VendorName = VendorName> extends CheckCore {
  api: A;
  profile: Profiles[A];
  /** A request of one of this vendor's operations, every part typed from the spec. */
  send<Op extends OperationId<A>>(operationId: Op, parts: SendParts<A, Op>, opts?: SendOptions): Promise<Exchange<Op>>;
  /**
   * The answer's body, typed by the spec, once it has earned it: the status is `want` and the
   * body validates against that status's schema. Otherwise records a failure (naming the
   * field at fault) and stops the check.
   */
  expectAnswer<Op extends OperationId<A>, S extends SuccessStatus<A, Op>>(
    ex: Exchange<Op>,
    want: S,
    what: string,
  ): AnswerBody<A, Op, S>;
}

export interface SendOptions {
  /** A fault scenario is on: a 5xx is what the check asks for, not a server error. */
  expectFault?: boolean;
}

export interface ControlClient {
  session: string;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  get(path: string): Promise<unknown>;
  scenario(name: string, on: boolean, params?: Record<string, number>): Promise<void>;
}

export interface Check {
  name: string;
  tier: Tier;
  description: string;
  /** The APIs it applies to (all when absent). */
  apis?: VendorName[];
  /** Needs the control API (fault and race tiers mostly). */
  needsControl?: boolean;
  /** Under --concurrency: exclusive unless said otherwise. */
  sharing?: Sharing;
  run(ctx: CheckContext): Promise<void>;
}

/** Run on every answer any check gets: Schemathesis-style response checks. */
export interface ResponseCheck {
  name: string;
  description: string;
  /** A failure message, or undefined when the answer is fine. */
  check(exchange: Exchange, op: Operation, opts: { expectFault?: boolean }): string | undefined;
}

/** What connkit knows of one vendor for verification: credentials and a valid request per operation. */
export interface Adapter<A extends VendorName = VendorName> {
  api: A;
  /** A request that the operation accepts (not sent as is for operations that change state). */
  baseline(profile: Profiles[A], operationId: string): RequestParts | undefined;
  /** An Authorization value that is well-formed but wrong. */
  invalidAuthorization(profile: Profiles[A]): string;
  /** Whether the operation needs a scope or role beyond valid credentials. */
  scoped(operationId: string): boolean;
  /** Credentials short of the operation's scope, and the status the vendor answers them with (undefined: the profile has none). */
  insufficientScope?(profile: Profiles[A], operationId: string): { authorization: string; status: number } | undefined;
  checks: Check[];
  /** What the model tier needs beyond the spec (principals, id pools, assigned fields, error type). */
  model: ModelAdapter<A>;
}
