import { ApiError } from '../errors.js';
import { scenariosFromPrefer, type ActiveScenario, type ScenarioCatalog } from '../scenarios/catalog.js';
import type { WithBody } from './context.js';
import { Answer, widen, type Step } from './pipeline.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function preferred(header: string | undefined, catalog: ScenarioCatalog): ActiveScenario[] {
  try {
    return scenariosFromPrefer(header).map((s) => catalog.normalize(s));
  } catch (e) {
    const message = `Prefer: ${e instanceof Error ? e.message : String(e)}`;
    throw new ApiError({
      kind: 'validation',
      message,
      field: ['header', 'Prefer'],
      issues: [{ in: 'header', path: ['Prefer'], keyword: 'enum', message, params: {} }],
    });
  }
}

/**
 * The scenarios on for this request: the session's, plus any it asks for with
 * `Prefer: scenario=…`, in that order. Each returns what it does (faults, a delay, an error,
 * a reset); the first error or reset ends the list. The faults go into the next context,
 * the delay is waited once, the error is answered with the faults gathered so far.
 */
export function applyScenarios(catalog: ScenarioCatalog): Step<WithBody, WithBody> {
  return (ctx) => {
    const on = ctx.session.scenarios;
    const prefer = ctx.req.headers.prefer;
    if (!on.length && prefer === undefined) return ctx;
    const fromPrefer = preferred(prefer, catalog);
    if (!on.length && !fromPrefer.length) return ctx;
    const api = ctx.mount.module.name;
    const acted: string[] = [];
    let faults: object = ctx.faults;
    let delayMs = 0;
    let end: ApiError | 'reset' | undefined;
    for (const a of [...on, ...fromPrefer]) {
      const def = catalog.get(a.name);
      if (!def || !a.apis?.some((x) => x === api)) continue;
      acted.push(a.name);
      const outcome = def.apply({ api, session: ctx.session, req: ctx.req, params: a.params ?? {} });
      if (!outcome) continue;
      if (outcome.faults) faults = { ...faults, ...outcome.faults };
      delayMs += outcome.delayMs ?? 0;
      end = outcome.reset ? 'reset' : outcome.fail;
      if (end) break;
    }
    const next: WithBody = widen(ctx, { faults, scenarios: acted });
    const finish = () => (end ? new Answer(next, end) : next);
    return delayMs > 0 ? sleep(delayMs).then(finish) : finish();
  };
}
