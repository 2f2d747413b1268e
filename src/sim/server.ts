// Moved: the Express door lives in src/server/. Kept while callers move over.
export { createServer as createSimulator, startSimulator, defaultPort, defaultSeed, type RunningSimulator, type ServerOptions as SimulatorOptions } from '../server/index.js';
