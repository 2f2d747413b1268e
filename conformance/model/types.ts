import type { VendorName } from '../../src/contract/names.js';
import type { Profiles, RequestParts, StateName } from '../types.js';

/** One request as the model tier sends it, to the model and (ids translated) to the target. */
export interface Sent {
  operationId: string;
  /** The operation's method, or another one on its path (a 405 probe). */
  method: string;
  parts: RequestParts;
}

/** An answer, from the model or the target. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  text: string;
}

/** One numbered step of a finding: the request as a curl, and both answers. */
export interface ModelStep {
  n: number;
  operationId: string;
  curl: string;
  model: { status: number; body: unknown };
  target: { status: number; body: unknown } | { error: string };
  /** On the diverging step: what differs. */
  divergence?: string;
}

/** A consumable minted through the profile's provider states before each run, into a pool. */
export interface Consumable {
  state: StateName;
  params: object;
  /** The pool the minted value joins, and the answer field it is read from. */
  pool: string;
  field: string;
}

/**
 * What the model tier needs to know of one vendor beyond the spec: who may call, where
 * parameter values come from, which answer fields the server assigns, what the error type is.
 */
export interface ModelAdapter<A extends VendorName = VendorName> {
  /** Each principal of the profile as the headers it sends; the first is the one most steps use. */
  principals(p: Profiles[A]): Record<string, string>[];
  /**
   * Values each parameter or top-level body field takes, by name: the profile's existing ids,
   * the other party's, and (by the tier itself) one nobody has.
   */
  pools(p: Profiles[A]): Record<string, string[]>;
  /** Answer fields whose values join the pool of the same name (ids the server assigns), matched by role. */
  assigned: Record<string, string>;
  /** Fresh consumables per run (an open connect token, an unlinked connection…). */
  consumables?(p: Profiles[A]): Consumable[];
  /** The vendor's error type in an error body: what is compared (the message wording is not). */
  errorType: (body: unknown) => unknown;
}
