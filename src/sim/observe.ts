import { createAjv } from '../contract/ajv.js';
import { specSchema } from './seeded.js';
import type { Observation } from './module.js';

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

const ajv = createAjv({ allErrors: false });

/**
 * A type guard for one component schema of a vendor's spec: what a target answered is that
 * generated type only when the spec's own schema says so (compiled once per schema).
 */
export function schemaGuard<T>(api: string, component: string): (v: unknown) => v is T {
  const validate = ajv.compile(specSchema(api, component));
  return (v: unknown): v is T => validate(v);
}
