import type { Request } from 'express';
import type { Operation, ParamValues } from '../spec/index.js';
import type { ApiError } from './errors.js';
import type { Session } from './session.js';
import type { World } from './world.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A fault a scenario injected: response validation lets an undocumented status through. */
  injected?: boolean;
  /** The body already serialized (and validated when it was made): a cached answer. */
  raw?: string;
}

/** What scenarios switch on for the rest of the request (read by handlers). */
export interface Faults {
  /** LeadConduit's SSO service is unreachable. */
  ssoDown?: boolean;
  /** Auth0's rate-limit window as the rate-limited scenario counted it. */
  rateLimit?: { limit: number; remaining: number; reset: number };
}

export interface RequestContext<State = unknown, Principal = unknown> {
  op: Operation;
  world: World;
  session: Session;
  state: State;
  principal: Principal;
  params: ParamValues;
  body: unknown;
  faults: Faults;
  req: Request;
}

export type Handler<State = any, Principal = any> = (ctx: RequestContext<State, Principal>) => Reply | Promise<Reply>;

/** How an API's state is made from a seed, and saved and restored exactly. */
export interface StateFactory<State> {
  create(input: { seed: number; size: number }): State;
  toJSON(state: State): unknown;
  fromJSON(json: unknown): State;
}

/**
 * The factory of a state class that keeps all it has in a plain-JSON `data` member and
 * rebuilds its indexes from it: export is `data`, import a deep copy handed to the class.
 */
export function dataState<Data, State extends { data: Data }>(
  create: (input: { seed: number; size: number }) => State,
  Class: new (data: Data) => State,
): StateFactory<State> {
  return { create, toJSON: (s) => s.data, fromJSON: (json) => new Class(structuredClone(json) as Data) };
}

/**
 * One API served by the simulator: its spec, its domain state and the few vendor rules the
 * shared pipeline cannot know (who is calling, how an error looks). Nothing else.
 */
export interface ApiModule<State = any, Principal = any> {
  /** The spec's name (specs/<name>.yaml). */
  name: string;
  state: StateFactory<State>;
  /** Who is calling (runs before validation, as the vendors do); throws ApiError. */
  authenticate(ctx: Omit<RequestContext<State, Principal>, 'principal' | 'params' | 'body'>): Principal;
  /** Checks that need validated input or state (organization access…); throws ApiError. */
  authorize?(ctx: RequestContext<State, Principal>): void;
  formatError(err: ApiError, op?: Operation): Reply;
  handlers: Record<string, Handler<State, Principal>>;
  /** Headers the vendor sends on every response (Auth0's rate-limit headers). */
  responseHeaders?(ctx: Partial<RequestContext<State, Principal>>): Record<string, string>;
  /**
   * Read operations whose answer depends only on the request and the session's state (not on
   * the clock): their serialized answers are kept until the state changes.
   */
  cacheable?: ReadonlySet<string>;
  /** Unknown query parameters are rejected (Auth0) rather than ignored. */
  rejectUnknownQuery?: boolean;
  /** The state as a verify profile: credentials and fixture ids (GET /__control/fixtures). */
  fixtures?(state: State, baseUrl: string): { api: string; base_url?: string };
  /**
   * Fixtures the vendor API itself cannot create, by control-API operationId
   * (`createSsoOnlyConnection`…): body in, created fixture out (201); throws ApiError.
   */
  controlFixtures?: Record<string, (state: State, body: any) => unknown>;
  /** A working curl for the start-up banner. */
  exampleCurl?(state: State, baseUrl: string): string;
}

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
/** The success answers an operation's generated type allows: status and body checked together. */
export type SuccessReply<Op extends { responses: object }> = {
  [S in keyof Op['responses']]: S extends 200 | 201 | 204
    ? { status: S; body: JsonBody<Op['responses'][S]>; headers?: Record<string, string> }
    : never;
}[keyof Op['responses']];

/** One handler per operationId of a spec, each typed by the generated types of its operation. */
export type TypedHandlers<Ops, State, Principal> = {
  [K in keyof Ops]: Ops[K] extends { responses: object }
    ? (ctx: RequestContext<State, Principal>) => SuccessReply<Ops[K]> | Promise<SuccessReply<Ops[K]>>
    : never;
};
