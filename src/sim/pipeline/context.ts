import type { Response } from 'express';
import type { Operation } from '../../spec/index.js';
import type { ApiModule, RequestContext } from '../module.js';
import type { World } from '../world.js';

/** What the pipeline has learnt about a request so far, kept on res.locals. */
export interface PipelineLocals {
  world: World;
  module: ApiModule;
  op?: Operation;
  /** performance.now() at arrival, for the duration. */
  started: number;
  /** Date.now() at arrival, for the journal's timestamp. */
  arrived: number;
  scenarios: string[];
  ctx: Partial<RequestContext> & { faults: NonNullable<RequestContext['faults']> };
  violations?: string[];
}

export const locals = (res: Response): PipelineLocals => res.locals.ck as PipelineLocals;
