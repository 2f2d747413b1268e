import type { SpecName } from './names.js';
import type { Compiled } from './standalone.js';

let tables: Partial<Record<SpecName, Compiled>> = {};
let loading: Promise<void> | undefined;

/**
 * The build's response validators, imported on demand: they weigh more than every other
 * validator together and only `validateResponses` and verify ask for them, so a test file's
 * import does not parse them. Until they are here, a response check compiles at run time.
 */
export function loadResponseValidators(): Promise<void> {
  return (loading ??= import('../generated/validators/responses.js').then((m) => {
    tables = m.responses;
  }));
}

export const responseValidators = (name: SpecName): Compiled | undefined => tables[name];
