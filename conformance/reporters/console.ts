import type { Report } from '../report.js';
import { got, oneLine, printable, where } from './text.js';

/** The summary a person reads: totals per tier, every failure in full, and at the end one line per failure. */
export function consoleReport(r: Report): string {
  const lines = [
    printable(
      `connkit verify ${r.api} → ${r.target} (seed ${r.seed}, ${r.requests} requests, ${(r.durationMs / 1000).toFixed(1)} s)`,
    ),
    '',
  ];
  for (const [tier, c] of Object.entries(r.byTier))
    lines.push(
      `  ${tier.padEnd(9)} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(4)} failed ${String(c.skipped).padStart(4)} skipped`,
    );
  const failures = r.outcomes.filter((o) => o.status === 'failed');
  const skipped = r.outcomes.filter((o) => o.status === 'skipped');
  if (skipped.length) {
    lines.push('', 'Skipped:');
    for (const s of skipped) lines.push(`  - ${oneLine(`${where(s)}: ${s.message ?? ''}`, 400)}`);
  }
  if (failures.length) lines.push('', 'Failures:');
  for (const f of failures) {
    lines.push('', `✗ ${oneLine(`${where(f)}: ${f.message ?? ''}`, 2000)}`);
    const answer = got(f, 300);
    if (answer) lines.push(`    got ${oneLine(answer, 400)}`);
    if (f.curl) lines.push(`    ${oneLine(f.curl, 2000)}`);
  }
  if (r.fatal) lines.push('', oneLine(`✗ the run ended early: ${r.fatal}`, 2000));
  if (r.stopped)
    lines.push(
      '',
      oneLine(
        `stopped after ${r.stopped.maxFailures} failure${r.stopped.maxFailures === 1 ? '' : 's'} (--max-failures): not run ${r.stopped.notRun.join(', ')}`,
        2000,
      ),
    );
  lines.push(
    '',
    `${r.totals.passed} passed, ${r.totals.failed} failed, ${r.totals.skipped} skipped${r.fatal ? ', then a fatal error' : ''}`,
  );
  for (const f of failures) lines.push(`FAILED ${oneLine(`${where(f)}: ${f.message ?? ''}`, 200)}`);
  if (r.fatal) lines.push(`FATAL ${oneLine(r.fatal, 200)}`);
  return lines.join('\n');
}
