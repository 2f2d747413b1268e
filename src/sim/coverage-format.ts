import type { CoverageReport, Ratio } from './coverage.js';

const percent = (r: Ratio) => (r.of === 0 ? '-' : `${Math.round((100 * r.covered) / r.of)}%`);
const fraction = (r: Ratio) => `${r.covered}/${r.of} (${percent(r)})`;

/** For a terminal: per API its totals, then every operation with the statuses it never met. */
export function coverageTable(report: CoverageReport): string {
  const lines = [`connkit coverage of ${report.requests} request(s)`];
  for (const a of report.apis) {
    lines.push(
      '',
      `${a.api}: operations ${fraction(a.totals.operations)}, statuses ${fraction(a.totals.statuses)}, error types ${fraction(a.totals.errorTypes)}, scenarios ${fraction(a.totals.scenarios)}`,
    );
    const width = Math.max(...a.operations.map((o) => o.operationId.length), 9);
    for (const o of a.operations) {
      const missing = o.statuses.filter((s) => s.requests === 0).map((s) => s.status);
      const met = o.statuses.filter((s) => s.requests > 0).map((s) => `${s.status}×${s.requests}`);
      const extra = o.undocumented.length ? `  undocumented: ${o.undocumented.join(' ')}` : '';
      lines.push(
        `  ${o.operationId.padEnd(width)} ${String(o.requests).padStart(5)}  met: ${met.join(' ') || '-'}  never: ${missing.join(' ') || '-'}${extra}`,
      );
    }
    const typesMet = a.errorTypes.filter((t) => t.requests > 0).map((t) => `${t.type}×${t.requests}`);
    const typesNever = a.errorTypes.filter((t) => t.requests === 0).map((t) => t.type);
    if (a.errorTypes.length || a.undocumentedErrorTypes.length)
      lines.push(
        `  error types met: ${typesMet.join(' ') || '-'}  never: ${typesNever.join(' ') || '-'}${a.undocumentedErrorTypes.length ? `  undocumented: ${a.undocumentedErrorTypes.join(' ')}` : ''}`,
      );
    const never = a.scenarios.filter((s) => s.requests === 0).map((s) => s.name);
    if (a.scenarios.length) lines.push(`  scenarios never met: ${never.join(', ') || '-'}`);
  }
  return lines.join('\n');
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One page, no script: per API a matrix of operations × documented statuses, zeros marked. */
export function coverageHtml(report: CoverageReport): string {
  const sections = report.apis.map((a) => {
    const statuses = [...new Set(a.operations.flatMap((o) => o.statuses.map((s) => s.status)))].sort();
    const head = `<tr><th>operation</th><th>requests</th>${statuses.map((s) => `<th>${escape(s)}</th>`).join('')}<th>undocumented</th></tr>`;
    const rows = a.operations.map((o) => {
      const cells = statuses.map((s) => {
        const found = o.statuses.find((x) => x.status === s);
        if (!found) return '<td class="na"></td>';
        return `<td class="${found.requests ? 'met' : 'never'}">${found.requests}</td>`;
      });
      return `<tr><th title="${escape(`${o.method} ${o.path}`)}">${escape(o.operationId)}</th><td>${o.requests}</td>${cells.join('')}<td>${escape(o.undocumented.join(' '))}</td></tr>`;
    });
    const scenarios = a.scenarios
      .map((s) => `<li class="${s.requests ? 'met' : 'never'}">${escape(s.name)}: ${s.requests}</li>`)
      .join('');
    const errorTypes = a.errorTypes
      .map((t) => `<li class="${t.requests ? 'met' : 'never'}">${escape(t.type)}: ${t.requests}</li>`)
      .concat(a.undocumentedErrorTypes.map((t) => `<li class="undocumented">${escape(t)}: undocumented</li>`))
      .join('');
    return `<section><h2>${escape(a.title)} <small>(${escape(a.api)})</small></h2>
<p>operations ${fraction(a.totals.operations)} · statuses ${fraction(a.totals.statuses)} · error types ${fraction(a.totals.errorTypes)} · scenarios ${fraction(a.totals.scenarios)}</p>
<table>${head}${rows.join('')}</table><h3>Error types</h3><ul class="error-types">${errorTypes}</ul><h3>Scenarios</h3><ul>${scenarios}</ul></section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>connkit coverage</title><style>
body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:2px 6px;text-align:right}
th{text-align:left}.met{background:#d7f5dc}.never{background:#fbd9d3}.na{background:#eee}.undocumented{background:#fde9a8}
@media (prefers-color-scheme:dark){body{background:#111;color:#ddd}.met{background:#1e4d2b}.never{background:#5c2018}.na{background:#333}.undocumented{background:#5a4a12}}
</style></head><body><h1>connkit coverage</h1><p>${report.requests} request(s)</p>${sections.join('\n')}</body></html>`;
}
