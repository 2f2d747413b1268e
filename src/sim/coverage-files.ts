import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoverageReport } from './coverage.js';
import { coverageHtml, coverageTable } from './coverage-format.js';

/** The report as the three files a CI keeps: coverage.json, coverage.html and coverage.txt (the table). */
export function writeCoverageFiles(report: CoverageReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['coverage.json', `${JSON.stringify(report, null, 2)}\n`],
    ['coverage.html', coverageHtml(report)],
    ['coverage.txt', `${coverageTable(report)}\n`],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
