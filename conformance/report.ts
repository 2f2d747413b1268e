import type { SpecIndex } from '../src/contract/index.js';
import type { VendorName } from '../src/contract/names.js';
import type { RunResult } from './runner.js';
import { tiers, type Outcome, type Tier } from './types.js';

export interface Coverage {
  operationId: string;
  method: string;
  path: string;
  documented: string[];
  /** status → scenario ("normal" or a fault scenario) → answers seen. */
  seen: Record<string, Record<string, number>>;
}

export interface Report {
  tool: 'connkit verify';
  api: VendorName;
  target: string;
  seed: number;
  startedAt: string;
  durationMs: number;
  totals: { passed: number; failed: number; skipped: number };
  byTier: Record<Tier, { passed: number; failed: number; skipped: number }>;
  requests: number;
  outcomes: Outcome[];
  coverage: Coverage[];
  /** Why the run ended before its end (the error), when it did: what ran up to then is all there is. */
  fatal?: string;
  /** The run stopped at `--max-failures`: these checks (and `model`, the model tier) never ran. */
  stopped?: { maxFailures: number; notRun: string[] };
}

export function buildReport(
  api: VendorName,
  target: string,
  seed: number,
  startedAt: Date,
  index: SpecIndex,
  run: RunResult,
  fatal?: string,
  maxFailures?: number,
): Report {
  const count = (list: Outcome[]) => ({
    passed: list.filter((o) => o.status === 'passed').length,
    failed: list.filter((o) => o.status === 'failed').length,
    skipped: list.filter((o) => o.status === 'skipped').length,
  });
  const coverage = index.operations.map((op) => {
    const seen: Coverage['seen'] = {};
    for (const ex of run.exchanges) {
      if (ex.operationId !== op.id) continue;
      const status = ex.response ? String(ex.response.status) : 'no answer';
      const scenario = ex.scenario ?? 'normal';
      (seen[status] ??= {})[scenario] = (seen[status][scenario] ?? 0) + 1;
    }
    return {
      operationId: op.id,
      method: op.method.toUpperCase(),
      path: op.path,
      documented: [...op.responses.keys()],
      seen,
    };
  });
  return {
    tool: 'connkit verify',
    api,
    target,
    seed,
    startedAt: startedAt.toISOString(),
    durationMs: run.durationMs,
    totals: count(run.outcomes),
    byTier: Object.fromEntries(
      tiers.map((t) => [t, count(run.outcomes.filter((o) => o.tier === t))]),
    ) as Report['byTier'],
    requests: run.exchanges.length,
    // A cut body's parsed form would carry the whole body into the JSON report.
    outcomes: run.outcomes.map((o) =>
      o.exchange?.response?.truncated
        ? { ...o, exchange: { ...o.exchange, response: { ...o.exchange.response, body: undefined } } }
        : o,
    ),
    coverage,
    ...(fatal === undefined ? {} : { fatal }),
    ...(maxFailures !== undefined && run.notRun?.length ? { stopped: { maxFailures, notRun: run.notRun } } : {}),
  };
}
