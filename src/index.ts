// connkit as a library: the simulator (in-process or on a port) and its types. The MSW door,
// the typed clients and the vendors' generated types have their own entry points
// (connkit/msw, connkit/client, connkit/types/<vendor>).
export { createSimulator, startSimulator, defaultPort, defaultSeed } from './sim/server.js';
export type { RunningSimulator, Simulator, SimulatorOptions } from './sim/server.js';
export { vendorNames, type VendorName } from './spec/names.js';
