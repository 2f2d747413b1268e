import { buildIndex, type SpecIndex } from './index.js';

const cache = new Map<string, SpecIndex>();

/** Specs are immutable while the process runs: each is loaded and compiled once. */
export function specIndex(name: string): SpecIndex {
  let index = cache.get(name);
  if (!index) cache.set(name, (index = buildIndex(name)));
  return index;
}
