import type { PersistResult } from './steps/persist.js';
import type { Load } from './load.js';

/** One server measured on one endpoint. */
export interface Row {
  /** `connkit`, `connkit@prism-static` (connkit sized to that peer's answer), `bare`, a peer id. */
  id: string;
  label: string;
  version: string;
  flags: string[];
  /** Body bytes of one answer (the mean of a few, for peers whose answers vary). */
  bodyBytes: number;
  load: Load;
  /** The machine's 1-minute load average when the row ended (2 = both cores busy). */
  loadAverage: number;
  /**
   * CPU (user + system) the server process spent per request of the measured load, in µs, where
   * the step reads it: unlike req/s it barely moves with what else the shared machine runs.
   */
  cpuUsPerRequest?: number;
}

export interface Ratio {
  name: string;
  /** connkit's req/s over the other row's. */
  value: number;
  /** connkit's body bytes over the other row's: 1 is equal size. */
  sizeRatio: number;
}

export interface EndpointResult {
  api: string;
  operationId: string;
  label: string;
  method: string;
  rows: Row[];
  ratios: Ratio[];
  /** Per peer, the connkit size its answer was matched with. */
  equalSizes: Record<
    string,
    {
      size: number;
      /** The page size asked for, where --size alone could not get near. */ limit?: number;
      connkitBytes: number;
      peerBytes: number;
    }
  >;
}

export interface ColdStart {
  nodeMs: number[];
  npmStartMs: number[];
  npmOwnMs: number[];
  medianNodeMs: number;
  /** CPU (user + system) the connkit process had used at its first 200s, per start. */
  nodeCpuMs?: number[];
  medianNodeCpuMs?: number;
  /** `node -e 0`, spawn to exit, timed beside each cold start: the floor of a node CLI here. */
  nodeBareMs?: number[];
  medianNodeBareMs?: number;
  medianNpmStartMs: number;
  medianNpmOwnMs: number;
  npmOwnCommand: string;
}

export interface Timing {
  p50: number;
  p99: number;
  max: number;
  status: number;
}

export interface Scale {
  perSide: number;
  connections: number;
  command: string;
  /** Spawn to the first 200 of the list. */
  startMs: number;
  /** The first request sorted by each field not used before, right after start. */
  newSortMs: Record<string, number>;
  /** The first page request once the server is ready, timed on its own (not within a p50 of many). */
  firstPageAfterStartMs?: number;
  firstPage: Timing;
  deepPage: Timing;
  search: Timing;
  /** The list sorted by updated_at, each read right after a write to one of its rows (the order is kept, not rebuilt). */
  afterWrite?: Timing;
  rssBytes: number;
  baseRssBytes: number;
  rssBytesPerConnection: number;
  /** GET then PUT /__control/state (NDJSON, streamed) of the whole world, and back to the same bytes. */
  snapshot?: import('./snapshot-trip.js').SnapshotTrip;
}

/** A test file's start beside its baselines, measured in the same run; the browser build's size. */
export interface Library {
  runs: number;
  nodeMs: number[];
  mswImportMs: number[];
  firstAnswerMs: number[];
  medianNodeMs: number;
  medianMswImportMs: number;
  /** `node -e "new Request(…)"`: Node's fetch globals (undici), loaded on the first Request. */
  fetchGlobalsMs?: number[];
  medianFetchGlobalsMs?: number;
  medianFirstAnswerMs: number;
  /** The same start with no code cache yet (a build's very first, each in an empty state folder). */
  noCacheFirstAnswerMs?: number[];
  medianNoCacheFirstAnswerMs?: number;
  medianPhasesMs: Record<string, number>;
  rssAfterFirstAnswerBytes: number;
  browserBundleBytes: number;
  browserBundleGzipBytes: number;
}

export interface WorldBuild {
  size: number;
  worlds: { api: string; size: number; ms: number; rssBytes: number }[];
}

export interface VerifyRun {
  api: string;
  ms: number;
  requests: number;
  passed: number;
  failed: number;
}

export interface Target {
  name: string;
  value: number;
  unit: string;
  goal: number;
  /** `min`: value must be at least goal; `max`: at most. */
  kind: 'min' | 'max';
  met: boolean;
  /** How far from the goal, when not met (`needs 2.3× more`, `41 ms over`). */
  shortfall?: string;
  note?: string;
}

export interface Results {
  at: string;
  command: string;
  quick: boolean;
  machine: { node: string; cpus: number; cpuModel: string; platform: string; loadAverage: number[]; memoryGB: number };
  connkit: { version: string; commit: string };
  loadGenerator: { tool: string; connections: number; durationSeconds: number; warmUp: string; where: string };
  peers: { id: string; label: string; version: string; flags: string[] }[];
  throughput?: EndpointResult[];
  writes?: EndpointResult;
  coldStart?: ColdStart;
  scale?: Scale;
  persist?: PersistResult;
  sessions?: Sessions;
  verify?: VerifyRun[];
  /** verify's model tier per API: wall time at the defaults, and findings over a sweep of seeds. */
  model?: { api: string; seeds: number; medianMs: number; maxMs: number; requestsPerSeed: number; findings: number }[];
  library?: Library;
  build?: WorldBuild;
  targets: Target[];
  profiles: { file: string; top: { fn: string; selfMs: number; percent: number }[] }[];
}

/** Sessions over a large world: heap per session (read + write) against a full copy of it. */
export interface Sessions {
  perSide: number;
  sessions: number;
  command: string;
  bytesPerSession: number;
  estimatedBytesPerSession: number;
  fullCopyBytes: number;
  newSessionMs: { p50: number; p99: number };
}
