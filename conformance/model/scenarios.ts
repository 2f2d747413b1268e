import fc from 'fast-check';
import type { ScenarioDef } from '../../src/sim/scenarios/catalog.js';

/** A fault scenario a run turns on in the target (control API) and in the model, with the same parameters. */
export interface ScenarioPick {
  name: string;
  params: Record<string, number>;
}

/** Past this a parameter is a delay in milliseconds: the run takes the shortest one that still delays. */
const delayCeilingMs = 60_000;
const shortDelayMs = 10;

/**
 * One parameter as the run sets it, so that the model and the target act alike: a share of
 * requests (not an integer) is all of them (a share draws dice the two sides roll apart), a
 * delay is short, a count that defaults to "at once" is drawn within the run's length (so it
 * acts midway: a rate limit spent step by step), anything else keeps its default.
 */
function paramArbitrary(p: ScenarioDef['params'][string], maxSteps: number): fc.Arbitrary<number> {
  if (!p.integer && typeof p.max === 'number' && p.max <= 1) return fc.constant(p.max);
  if (typeof p.max === 'number' && p.max >= delayCeilingMs) return fc.constant(Math.min(p.default, shortDelayMs));
  if (p.default === 0 && p.max === undefined) return fc.integer({ min: 1, max: Math.max(1, maxSteps) });
  return fc.constant(p.default);
}

/**
 * Most runs run with no scenario; the rest with one of those the API can show, except one
 * that answers nothing (a dropped connection leaves no answer to compare).
 */
export function scenarioArbitrary(
  catalog: readonly ScenarioDef[],
  maxSteps: number,
): fc.Arbitrary<ScenarioPick | null> {
  const usable = catalog.filter((s) => s.name !== 'connection-reset');
  if (!usable.length) return fc.constant(null);
  const picks = usable.map((s) =>
    fc
      .record(Object.fromEntries(Object.entries(s.params).map(([k, p]) => [k, paramArbitrary(p, maxSteps)])))
      .map((params): ScenarioPick => ({ name: s.name, params })),
  );
  return fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(...picks) });
}
