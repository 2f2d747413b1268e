import { ApiError } from '../errors.js';
import type { BaseContext } from '../module.js';
import { normalizeScenario, scenarioByName, scenariosFromPrefer, type ActiveScenario } from '../scenarios/catalog.js';

/**
 * Applies the scenarios that are on for this request: the session's, plus any the request
 * asks for with `Prefer: scenario=…`. A scenario may set the vendor's faults, delay, answer
 * an error (throws), or ask for the connection to be reset (returns 'reset'). Returns the
 * names of the scenarios that acted, for the journal.
 */
export async function applyScenarios(ctx: BaseContext, api: string, acted: string[]): Promise<'reset' | undefined> {
  let fromPrefer: ActiveScenario[];
  try {
    fromPrefer = scenariosFromPrefer(ctx.req.headers.prefer).map(normalizeScenario);
  } catch (e) {
    const message = `Prefer: ${(e as Error).message}`;
    throw new ApiError({ kind: 'validation', message, field: ['header', 'Prefer'], issues: [{ in: 'header', path: ['Prefer'], keyword: 'enum', message, params: {} }] });
  }
  const all = ctx.session.scenarios.length || fromPrefer.length ? [...ctx.session.scenarios, ...fromPrefer] : ctx.session.scenarios;
  for (const a of all) {
    if (!(a.apis as string[] | undefined)?.includes(api)) continue;
    acted.push(a.name);
    const outcome = await scenarioByName.get(a.name)!.apply({ api, session: ctx.session, req: ctx.req, faults: ctx.faults, params: a.params ?? {} });
    if (outcome === 'reset') return 'reset';
  }
  return undefined;
}
