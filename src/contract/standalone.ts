import type { ValidateFunction } from 'ajv';

/**
 * One spec's validators as compiled at build time (src/generated/validators/, npm run
 * generate): `strict` by schema pointer (bodies, responses, state collections), `coercing` by
 * `paramsKey` (an operation's parameters in one place). Each table is made on its first call.
 */
export interface Compiled {
  strict(): Record<string, ValidateFunction | undefined>;
  coercing(): Record<string, ValidateFunction | undefined>;
}

const made = { strict: new WeakMap<Compiled, Table>(), coercing: new WeakMap<Compiled, Table>() };
type Table = Record<string, ValidateFunction | undefined>;

/** One table of compiled validators, its code run once per process whichever index asks. */
export function table(compiled: Compiled, kind: 'strict' | 'coercing'): Table {
  let t = made[kind].get(compiled);
  if (!t) made[kind].set(compiled, (t = compiled[kind]()));
  return t;
}
