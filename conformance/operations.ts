// What a check may send and what it may read back, per vendor and operationId, derived from the
// generated `operations` with the same helpers that type the simulator's handlers: the request a
// check builds is the request a handler reads, and a wrong name is a compile error on both sides.
import type { VendorName } from '../src/contract/names.js';
import type { OperationsBySpec } from '../src/generated/operations.js';
import type { BodyOf, ParamsOf, SuccessReply } from '../src/sim/module.js';

export type VendorOperations<A extends VendorName> = OperationsBySpec[A];

/** The operationIds of a vendor's spec (of every vendor given a union). */
export type OperationId<A extends VendorName> = A extends VendorName
  ? Extract<keyof VendorOperations<A>, string>
  : never;

/** One generated operation of a vendor's spec. */
export type OperationOf<A extends VendorName, Op extends string> = A extends VendorName
  ? Op extends keyof VendorOperations<A>
    ? VendorOperations<A>[Op]
    : never
  : never;

/**
 * Every vendor authenticates in the Authorization header (HTTP Basic or Bearer), which the
 * generated types leave out because the spec says it under `security`, not as a parameter.
 */
// A type alias, not an interface: only an alias fits the `Record<string, string>` headers take.
export type Credentials = { Authorization: string };

// ParamsOf says `Record<string, never>` where an operation has no parameter of a kind.
type Listed<T> = string extends keyof T ? never : T;
type Slot<K extends string, T> = [Listed<T>] extends [never]
  ? { [P in K]?: never }
  : object extends T
    ? { [P in K]?: T }
    : { [P in K]: T };

type Headers<H> = [Listed<H>] extends [never] ? Credentials : H & Credentials;

type BodySlot<B> = [B] extends [undefined]
  ? { body?: never }
  : undefined extends B
    ? { body?: Exclude<B, undefined> }
    : { body: B };

/**
 * A request of one operation in the spec's terms: its path parameters, its query, the headers
 * it lists (and the credentials), its JSON body. Nothing else: a raw body or another method
 * is what the spec forbids, and goes through `sendRaw`.
 */
export type SendParts<A extends VendorName, Op extends string> =
  OperationOf<A, Op> extends infer O
    ? Slot<'path', ParamsOf<O>['path']> &
        Slot<'query', ParamsOf<O>['query']> & { headers: Headers<ParamsOf<O>['header']> } & BodySlot<BodyOf<O>>
    : never;

// Distributive: an answer of one of several operations is a success of one of them.
type SuccessesOf<O> = O extends { responses: object } ? SuccessReply<O> : never;
type Successes<A extends VendorName, Op extends string> = SuccessesOf<OperationOf<A, Op>>;

/** The success statuses an operation documents (200, 201, 204). */
export type SuccessStatus<A extends VendorName, Op extends string> = Successes<A, Op>['status'];

/** The body the spec gives an operation's answer of that status (undefined where it has none). */
export type AnswerBody<A extends VendorName, Op extends string, S> = Extract<Successes<A, Op>, { status: S }>['body'];
