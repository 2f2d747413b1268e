import type { components } from '../generated/control.js';
import type { SpecIndex } from '../contract/index.js';
import type { JournalEntry } from './journal.js';
import type { ApiModule } from './module.js';
import { documentedErrorTypes } from './error-types.js';

/** The report as specs/control.yaml describes it (GET /__control/coverage). */
export type CoverageReport = components['schemas']['Coverage'];
export type ApiCoverage = CoverageReport['apis'][number];
export type OperationCoverage = ApiCoverage['operations'][number];
export type Ratio = components['schemas']['CoverageRatio'];

/** A scenario as coverage needs it: its name and the APIs it applies to. */
export interface ScenarioRef {
  name: string;
  apis: readonly string[];
}

/** The documented response an answer falls under: its own code, then its class (`4XX`), then `default`. */
function documentedAs(status: number, documented: readonly string[]): string | undefined {
  const code = String(status);
  if (documented.includes(code)) return code;
  const range = `${code[0]}XX`;
  if (status > 0 && documented.includes(range)) return range;
  return status > 0 && documented.includes('default') ? 'default' : undefined;
}

/** What coverage asks of a vendor module: how to read the error types from an answer's body. */
export type ErrorTypeReaders = ReadonlyMap<string, Pick<ApiModule, 'errorTypes'>>;

/** The error types an error answer carries, by its vendor's hook (none for a body that is not JSON or was cut). */
function errorTypesOf(e: JournalEntry, readers: ErrorTypeReaders): string[] {
  const read = e.api ? readers.get(e.api)?.errorTypes : undefined;
  const text = e.response?.body;
  if (!read || e.status < 400 || !text || e.response?.truncated) return [];
  try {
    return read(JSON.parse(text));
  } catch {
    return [];
  }
}

const ratio = (counts: number[]): Ratio => ({ covered: counts.filter((n) => n > 0).length, of: counts.length });

/**
 * Of each API served, what the journaled requests reached: operations, documented statuses,
 * documented error types (read by each vendor's `errorTypes` hook) and scenarios, with the spec as the denominator (so what was never met shows as a zero).
 */
export function computeCoverage(
  entries: Iterable<JournalEntry>,
  served: readonly SpecIndex[],
  scenarios: readonly ScenarioRef[],
  readers: ErrorTypeReaders,
): CoverageReport {
  const byOp = new Map<string, Map<number, number>>();
  const byErrorType = new Map<string, Map<string, number>>();
  const byScenario = new Map<string, number>();
  let requests = 0;
  for (const e of entries) {
    requests++;
    if (!e.api) continue;
    if (e.operationId) {
      const key = `${e.api} ${e.operationId}`;
      const statuses = byOp.get(key) ?? new Map<number, number>();
      statuses.set(e.status, (statuses.get(e.status) ?? 0) + 1);
      byOp.set(key, statuses);
    }
    for (const type of errorTypesOf(e, readers)) {
      const types = byErrorType.get(e.api) ?? new Map<string, number>();
      types.set(type, (types.get(type) ?? 0) + 1);
      byErrorType.set(e.api, types);
    }
    for (const s of e.scenarios ?? []) byScenario.set(`${e.api} ${s}`, (byScenario.get(`${e.api} ${s}`) ?? 0) + 1);
  }
  const apis = served.map((index): ApiCoverage => {
    const operations = index.operations.map((op): OperationCoverage => {
      const seen = byOp.get(`${index.name} ${op.id}`) ?? new Map<number, number>();
      const documented = [...op.responses.keys()];
      const counts = new Map(documented.map((d) => [d, 0]));
      const undocumented: number[] = [];
      for (const [status, n] of seen) {
        const as = documentedAs(status, documented);
        if (as === undefined) undocumented.push(status);
        else counts.set(as, (counts.get(as) ?? 0) + n);
      }
      return {
        operationId: op.id,
        method: op.method.toUpperCase(),
        path: op.path,
        requests: [...seen.values()].reduce((a, b) => a + b, 0),
        statuses: [...counts].map(([status, n]) => ({ status, requests: n })),
        undocumented: undocumented.sort((a, b) => a - b),
      };
    });
    const applicable = scenarios
      .filter((s) => s.apis.includes(index.name))
      .map((s) => ({ name: s.name, requests: byScenario.get(`${index.name} ${s.name}`) ?? 0 }));
    const met = byErrorType.get(index.name) ?? new Map<string, number>();
    const documentedTypes = documentedErrorTypes(index);
    const errorTypes = documentedTypes.map((type) => ({ type, requests: met.get(type) ?? 0 }));
    return {
      api: index.name,
      title: index.title,
      operations,
      scenarios: applicable,
      errorTypes,
      undocumentedErrorTypes: [...met.keys()].filter((t) => !documentedTypes.includes(t)).sort(),
      totals: {
        errorTypes: ratio(errorTypes.map((t) => t.requests)),
        operations: ratio(operations.map((o) => o.requests)),
        statuses: ratio(operations.flatMap((o) => o.statuses.map((s) => s.requests))),
        scenarios: ratio(applicable.map((s) => s.requests)),
      },
    };
  });
  return { requests, apis };
}
