import type { RequestHandler } from 'express';
import { ApiError } from '../errors.js';
import { normalizeScenario, scenarioByName, scenariosFromPrefer, type ActiveScenario } from '../scenarios/catalog.js';
import { locals } from './context.js';

/**
 * Applies the scenarios that are on for this request: the session's, plus any the request
 * asks for with `Prefer: scenario=…`. A scenario may delay, answer an error, or reset.
 */
export const scenario: RequestHandler = async (req, res, next) => {
  const l = locals(res);
  const api = l.module.name;
  let fromPrefer: ActiveScenario[];
  try {
    fromPrefer = scenariosFromPrefer([req.headers.prefer ?? []].flat().join(",")).map(normalizeScenario);
  } catch (e) {
    const message = `Prefer: ${(e as Error).message}`;
    throw new ApiError({ kind: 'validation', message, field: ['header', 'Prefer'], issues: [{ in: 'header', path: ['Prefer'], keyword: 'enum', message, params: {} }] });
  }
  const active = [...l.ctx.session!.scenarios, ...fromPrefer].filter((s) => (s.apis as string[] | undefined)?.includes(api));
  for (const a of active) {
    l.scenarios.push(a.name);
    const outcome = await scenarioByName.get(a.name)!.apply({ api, session: l.ctx.session!, req, res, faults: l.ctx.faults, params: a.params ?? {} });
    if (outcome === 'reset') {
      req.socket.destroy();
      return;
    }
  }
  next();
};
