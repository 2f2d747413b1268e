import type { Report } from '../report.js';
import { consoleReport } from './console.js';
import { htmlReport } from './html.js';
import { junitReport } from './junit.js';

export const reporterNames = ['console', 'json', 'junit', 'html'] as const;
export type ReporterName = (typeof reporterNames)[number];

/** File reporters: name → [file extension, render]. The console one prints instead. */
export const fileReporters: Record<Exclude<ReporterName, 'console'>, [string, (r: Report) => string]> = {
  json: ['json', (r) => JSON.stringify(r, null, 2)],
  junit: ['xml', junitReport],
  html: ['html', htmlReport],
};

export { consoleReport };
