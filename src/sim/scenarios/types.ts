import type { VendorName } from '../../contract/names.js';
import type { ApiError } from '../errors.js';
import type { SimRequest } from '../request.js';
import type { Session } from '../session.js';

export interface ActiveScenario {
  name: string;
  /** The APIs it applies to; the catalog's default when absent. */
  apis?: VendorName[];
  params?: Record<string, unknown>;
}

/** What a scenario sees of a request. */
export interface ScenarioRun {
  api: string;
  session: Session;
  req: SimRequest;
  params: Record<string, unknown>;
}

/**
 * What a scenario does to one request, as a value: the vendor faults it switches on (which
 * the handlers, the answer's headers and the cache key read), a delay, an error answered in
 * the vendor's envelope (with those faults: a 429 keeps its rate-limit headers), or the
 * connection dropped. Nothing else is written anywhere.
 */
export interface ScenarioOutcome<Faults extends object = object> {
  faults?: Partial<Faults>;
  delayMs?: number;
  fail?: ApiError;
  reset?: true;
}

export interface ScenarioParam {
  default: number;
  description: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

export interface ScenarioDef<Faults extends object = object> {
  name: string;
  description: string;
  /** APIs it applies to unless the activation names others. */
  apis: VendorName[];
  /** Parameters with their defaults. */
  params: Record<string, ScenarioParam>;
  /** Runs before authentication; what it returns is applied by the pipeline's scenario step. */
  apply(run: ScenarioRun): ScenarioOutcome<Faults> | void;
}

export const num = (run: ScenarioRun, key: string): number => Number(run.params[key]);
