// The browser build's entry (dist/browser/connkit.js): the transport-free core and the MSW door,
// nothing that needs Node. `connkit` resolves here under a bundler's "browser" condition.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { provideAjv } from './contract/runtime-compile.js';

export { createSimulator, defaultSeed } from './sim/core.js';
export type { Simulator, SimulatorOptions } from './sim/core.js';
export { handlers, vendorBaseUrls, type MswHandlerOptions } from './msw/index.js';
export { vendorNames, type VendorName } from './contract/names.js';

// A browser has no `require` to load ajv on first need: the build compiles with the one it carries.
provideAjv({ Ajv: Ajv2020, addFormats: addFormats.default });
