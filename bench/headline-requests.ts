// Prints the headline reads as bench/first-answer.mjs takes them ([{path, headers}], JSON), from
// a simulator's own fixtures at the default seed.
import { base, headlineReads } from './endpoints.js';
import { createSimulator } from '../src/sim/core.js';

const fx = await createSimulator().control.fixtures();
console.log(
  JSON.stringify(headlineReads(fx).map((e) => ({ path: base(e.api, 'connkit') + e.path, headers: e.headers }))),
);
