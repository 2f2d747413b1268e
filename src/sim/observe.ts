import type { ValidateFunction } from 'ajv';
import { compileSchema } from '../contract/runtime-compile.js';
import { specSchema } from './seeded.js';
import type { Observation, Observer, StateFactory, VendorProfile } from './module.js';

/**
 * The answers of one operation among observations, each with the read that got it: what a
 * vendor's fromObserved() folds into its state. Only successful answers count; a refused
 * read shows nothing.
 */
export function answersOf(seen: readonly Observation[], operationId: string): Observation[] {
  return seen.filter((o) => o.read.operationId === operationId && o.status >= 200 && o.status < 300);
}

/** A JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The items of a list answer: the array itself, or the array under `key` of a paginated envelope. */
export function itemsOf(body: unknown, key: string): Record<string, unknown>[] {
  const list = Array.isArray(body) ? body : isObject(body) ? body[key] : undefined;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** A number an answer holds, if it is one. */
export const numberOf = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/**
 * A type guard for one component schema of a vendor's spec: what a target answered is that
 * generated type only when the spec's own schema says so. Compiled on the guard's first use,
 * not at import: the vendor modules are on the library's import path, ajv's compiler is not.
 */
export function schemaGuard<T>(api: string, component: string): (v: unknown) => v is T {
  let validate: ValidateFunction | undefined;
  return (v: unknown): v is T => (validate ??= compileSchema(specSchema(api, component), { allErrors: false }))(v);
}

type ProfileOf<A extends VendorProfile['api']> = Extract<VendorProfile, { api: A }>;

/**
 * A vendor's observer, written for its own profile, as the module hook takes it: handed
 * another vendor's profile it throws rather than misread it.
 */
export function forProfile<State, A extends VendorProfile['api']>(
  api: A,
  observer: Observer<State, ProfileOf<A>>,
): Observer<State, VendorProfile> {
  const own = (p: VendorProfile): ProfileOf<A> => {
    if (!isProfileOf(api, p)) throw new Error(`a ${p.api} profile given to the ${api} observer`);
    return p;
  };
  return {
    reads: (p, seen) => observer.reads(own(p), seen),
    next: (read, answer) => observer.next(read, answer),
    fromObserved: (seen, p, changed, earlier) => observer.fromObserved(seen, own(p), changed, earlier),
  };
}

function isProfileOf<A extends VendorProfile['api']>(api: A, p: VendorProfile): p is ProfileOf<A> {
  return p.api === api;
}

/** A module's observer with the state it rebuilds given as the JSON a snapshot holds (what generic code handles). */
export function jsonObserver<State>(mod: {
  observe?: Observer<State, VendorProfile>;
  state: StateFactory<State>;
}): Observer<unknown, VendorProfile> | undefined {
  const observer = mod.observe;
  if (!observer) return undefined;
  return {
    reads: (p, seen) => observer.reads(p, seen),
    next: (read, answer) => observer.next(read, answer),
    fromObserved(seen, p, changed, earlier) {
      const observed = observer.fromObserved(seen, p, changed, earlier);
      return { ...observed, state: mod.state.toJSON(observed.state) };
    },
  };
}
