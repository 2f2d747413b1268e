// connkit as a library: the simulator (in-process or on a port) and its types. The MSW door,
// the typed clients and the vendors' generated types have their own entry points
// (connkit/msw, connkit/client, connkit/types/<vendor>); a bundler targeting browsers gets
// dist/browser (the core and the MSW door) instead of this file.
//
// Importing it loads the core only: the Node server door (Express, pino, TLS) is imported by
// `startSimulator` when it is called, so a test that answers in-process never pays for it.
import type { RunningSimulator, StartOptions } from './server/index.js';
import type { ChosenApis } from './sim/chosen-apis.js';
import type { VendorName } from './contract/names.js';

export { createSimulator, defaultSeed } from './sim/core.js';
export type { Simulator, SimulatorOptions } from './sim/core.js';
export type { Control, ControlError } from './sim/control/client.js';
export type { RunningSimulator, ServerOptions, StartOptions } from './server/index.js';
export type { ChosenApis } from './sim/chosen-apis.js';
export type { FixturesOf } from './sim/control/client.js';
export { vendorNames, type VendorName } from './contract/names.js';

export { defaultPort } from './default-port.js';

/** The simulator behind a Node http(s) server on 127.0.0.1 (`port: 0` picks a free port). */
export async function startSimulator<const L extends readonly VendorName[] | undefined = undefined>(
  options?: StartOptions & { apis?: L },
): Promise<RunningSimulator<ChosenApis<L>>>;
export async function startSimulator(options?: StartOptions): Promise<RunningSimulator> {
  const server = await import('./server/index.js');
  return server.startSimulator(options);
}
