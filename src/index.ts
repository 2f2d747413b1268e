// connkit as a library: the simulator (in-process or on a port) and its types. The MSW door,
// the typed clients and the vendors' generated types have their own entry points
// (connkit/msw, connkit/client, connkit/types/<vendor>); a bundler targeting browsers gets
// dist/browser (the core and the MSW door) instead of this file.
export { createSimulator, defaultSeed } from './sim/core.js';
export type { Simulator, SimulatorOptions } from './sim/core.js';
export type { Control, ControlError } from './sim/control/client.js';
export { startSimulator, defaultPort } from './server/index.js';
export type { RunningSimulator, ServerOptions } from './server/index.js';
export { vendorNames, type VendorName } from './spec/names.js';
