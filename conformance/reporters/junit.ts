import { create } from 'xmlbuilder2';
import type { Report } from '../report.js';
import { got } from './text.js';

/** JUnit XML: a suite per tier, a testcase per check × operation. xmlbuilder2 escapes, and replaces what XML cannot hold. */
export function junitReport(r: Report): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  const root = doc.ele('testsuites', {
    name: `connkit verify ${r.api}`,
    tests: r.outcomes.length,
    failures: r.totals.failed,
    skipped: r.totals.skipped,
    time: (r.durationMs / 1000).toFixed(3),
  });
  for (const [tier, c] of Object.entries(r.byTier)) {
    const cases = r.outcomes.filter((o) => o.tier === tier);
    const suite = root.ele('testsuite', {
      name: `${r.api}.${tier}`,
      tests: cases.length,
      failures: c.failed,
      skipped: c.skipped,
    });
    for (const o of cases) {
      const tc = suite.ele('testcase', {
        classname: `${r.api}.${o.check}`,
        name: o.operation ?? o.check,
        time: ((o.exchange?.durationMs ?? 0) / 1000).toFixed(3),
      });
      if (o.status === 'skipped') tc.ele('skipped', { message: o.message ?? '' });
      if (o.status === 'failed')
        tc.ele('failure', { message: o.message ?? '' }).txt(
          [o.message, got(o, 1000) && `got ${got(o, 1000)}`, o.curl].filter(Boolean).join('\n'),
        );
    }
  }
  // Checks a run stopped at --max-failures never started: skipped testcases, so CI lists them.
  if (r.stopped) {
    const suite = root.ele('testsuite', {
      name: `${r.api}.not-run`,
      tests: r.stopped.notRun.length,
      failures: 0,
      skipped: r.stopped.notRun.length,
    });
    for (const name of r.stopped.notRun)
      suite
        .ele('testcase', { classname: `${r.api}.${name}`, name })
        .ele('skipped', { message: `not run: stopped after ${r.stopped.maxFailures} failures (--max-failures)` });
  }
  // A run that ended early is one errored testcase, so CI shows it beside the failures.
  if (r.fatal)
    root
      .ele('testsuite', { name: `${r.api}.run`, tests: 1, failures: 0, errors: 1 })
      .ele('testcase', { classname: `${r.api}.verify`, name: 'run' })
      .ele('error', { message: r.fatal })
      .txt(r.fatal);
  return `${doc.end({ prettyPrint: true })}\n`;
}
