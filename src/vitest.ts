// connkit/vitest: what a consumer's test run covered of each API, written when the run ends.
import { afterAll } from 'vitest';
import type { CoverageReport } from './sim/coverage.js';
import { writeCoverageFiles } from './sim/coverage-files.js';

export type { CoverageReport } from './sim/coverage.js';

/** An in-process simulator (`createSimulator`, `startSimulator`) or the URL of a running one. */
export type CoverageSource = { coverage(): CoverageReport } | string;

async function reportOf(source: CoverageSource): Promise<CoverageReport> {
  if (typeof source !== 'string') return source.coverage();
  const res = await fetch(`${source.replace(/\/+$/, '')}/__control/coverage`);
  if (!res.ok) throw new Error(`connkit coverage: ${source}/__control/coverage answered ${res.status}`);
  const report = (await res.json()) as CoverageReport;
  return report;
}

/**
 * Call once in a test file or a setup file: after its tests, coverage.json, coverage.html and
 * coverage.txt land in `dir` (default `connkit-coverage`). Give `sim` as a function when it is
 * made in a `beforeAll`.
 */
export function connkitCoverage(sim: CoverageSource | (() => CoverageSource), options: { dir?: string } = {}): void {
  afterAll(async () => {
    const report = await reportOf(typeof sim === 'function' ? sim() : sim);
    writeCoverageFiles(report, options.dir ?? 'connkit-coverage');
  });
}
