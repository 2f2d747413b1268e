import type { Report } from '../report.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JUnit XML: a suite per tier, a testcase per check × operation. */
export function junitReport(r: Report): string {
  const suites = Object.keys(r.byTier).map((tier) => {
    const cases = r.outcomes.filter((o) => o.tier === tier);
    const body = cases
      .map((o) => {
        const name = esc(o.operation ?? o.check);
        const open = `    <testcase classname="${esc(`${r.api}.${o.check}`)}" name="${name}" time="${((o.exchange?.durationMs ?? 0) / 1000).toFixed(3)}"`;
        if (o.status === 'passed') return `${open}/>`;
        if (o.status === 'skipped') return `${open}>\n      <skipped message="${esc(o.message ?? '')}"/>\n    </testcase>`;
        const detail = [o.message, o.exchange?.response ? `got ${o.exchange.response.status}: ${o.exchange.response.text.slice(0, 1000)}` : o.exchange?.error, o.curl].filter(Boolean).join('\n');
        return `${open}>\n      <failure message="${esc(o.message ?? '')}">${esc(detail)}</failure>\n    </testcase>`;
      })
      .join('\n');
    const c = r.byTier[tier as keyof typeof r.byTier];
    return `  <testsuite name="${esc(`${r.api}.${tier}`)}" tests="${cases.length}" failures="${c.failed}" skipped="${c.skipped}">\n${body}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="connkit verify ${esc(r.api)}" tests="${r.outcomes.length}" failures="${r.totals.failed}" skipped="${r.totals.skipped}" time="${(r.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
