// What the library's entry takes from its core script (dist/lib/core.cjs, run through V8's
// code cache): the in-process simulator. The server door is not in it: `startSimulator`
// imports the ES module build (dist/lib/esm.js) when it is called.
export { createSimulator, defaultSeed } from '../sim/core.js';
export { vendorNames } from '../contract/names.js';
