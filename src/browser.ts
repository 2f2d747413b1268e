// The browser build's entry (dist/browser/connkit.js): the transport-free core and the MSW door,
// nothing that needs Node. `connkit` resolves here under a bundler's "browser" condition.
export { createSimulator, defaultSeed } from './sim/core.js';
export type { Simulator, SimulatorOptions } from './sim/core.js';
export { handlers, vendorBaseUrls, type MswHandlerOptions } from './msw/index.js';
export { vendorNames, type VendorName } from './contract/names.js';
