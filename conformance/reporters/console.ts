import type { Report } from '../report.js';

/** The summary a person reads: totals per tier, then every failure with a curl to replay it. */
export function consoleReport(r: Report): string {
  const lines = [`connkit verify ${r.api} → ${r.target} (seed ${r.seed}, ${r.requests} requests, ${(r.durationMs / 1000).toFixed(1)} s)`, ''];
  for (const [tier, c] of Object.entries(r.byTier)) lines.push(`  ${tier.padEnd(9)} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(4)} failed ${String(c.skipped).padStart(4)} skipped`);
  const failures = r.outcomes.filter((o) => o.status === 'failed');
  if (failures.length) lines.push('', 'Failures:');
  for (const f of failures) {
    lines.push('', `✗ ${f.check}${f.operation ? ` [${f.operation}]` : ''}: ${f.message}`);
    if (f.exchange?.response) lines.push(`    got ${f.exchange.response.status}: ${f.exchange.response.text.slice(0, 300)}`);
    if (f.curl) lines.push(`    ${f.curl}`);
  }
  const skipped = r.outcomes.filter((o) => o.status === 'skipped');
  if (skipped.length) {
    lines.push('', 'Skipped:');
    for (const s of skipped) lines.push(`  - ${s.check}${s.operation ? ` [${s.operation}]` : ''}: ${s.message}`);
  }
  lines.push('', `${r.totals.passed} passed, ${r.totals.failed} failed, ${r.totals.skipped} skipped`);
  return lines.join('\n');
}
