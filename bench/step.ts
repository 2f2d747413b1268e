import type { Fixtures } from './endpoints.js';
import type { Options } from './options.js';
import type { Results } from './results.js';

/** What every step gets: the options, connkit's fixtures at its default size and seed, the results so far. */
export interface Context {
  o: Options;
  fx: Fixtures;
  results: Results;
  log(line: string): void;
}

export type Step = (ctx: Context) => Promise<void>;
