import { bodies } from '../generated/validators/bodies.js';
import { params } from '../generated/validators/params.js';
import type { SpecName } from './names.js';
import type { Compiled } from './standalone.js';

// Partial: the browser build carries no build-time validators (it compiles with ajv instead).
const bodyLoaders: Partial<Record<SpecName, () => Promise<Compiled>>> = bodies;
const paramTables: Partial<Record<SpecName, Compiled>> = params;
const loaded: Partial<Record<SpecName, Compiled>> = {};
const loading = new Map<SpecName, Promise<void>>();

/**
 * One spec's build-time body (and state collection) validators, imported on its first body
 * rather than with the library: a test's start that reads parses none of the five specs' body
 * checks. Undefined once they are here (or when the build has none), so the hot path awaits
 * nothing.
 */
export function loadBodyValidators(spec: SpecName): Promise<void> | undefined {
  const load = bodyLoaders[spec];
  if (!load || loaded[spec]) return undefined;
  let pending = loading.get(spec);
  if (!pending)
    loading.set(
      spec,
      (pending = load().then((compiled) => {
        loaded[spec] = compiled;
      })),
    );
  return pending;
}

/**
 * The build's request validators of one spec: the parameters' (imported with the library:
 * nearly every first request checks some), the bodies' once loadBodyValidators brought them.
 * Until then a check compiles at run time: the same issues, only slower.
 */
export const requestValidators = (spec: SpecName, part: 'params' | 'bodies'): Compiled | undefined =>
  part === 'params' ? paramTables[spec] : loaded[spec];
