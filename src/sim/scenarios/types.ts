import type { VendorName } from '../../spec/names.js';
import type { SimRequest } from '../request.js';
import type { Session } from '../session.js';

export interface ActiveScenario {
  name: string;
  /** The APIs it applies to; the catalog's default when absent. */
  apis?: VendorName[];
  params?: Record<string, unknown>;
}

/** What a scenario sees of a request: the vendor's faults are its to set. */
export interface ScenarioRun<Faults extends object = object> {
  api: string;
  session: Session;
  req: SimRequest;
  faults: Faults;
  params: Record<string, unknown>;
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
  /**
   * Runs before authentication. It may set a fault for the handlers, wait, throw an
   * ApiError (answered in the vendor's envelope) or return 'reset' (connection dropped).
   */
  apply(run: ScenarioRun<Faults>): void | 'reset' | Promise<void | 'reset'>;
}

export const num = (run: ScenarioRun, key: string): number => Number(run.params[key]);
