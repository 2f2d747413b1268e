import type { Report } from '../report.js';

const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One self-contained page: totals, the operation × status × scenario matrix, every outcome. */
export function htmlReport(r: Report): string {
  const statuses = [...new Set(r.coverage.flatMap((c) => [...c.documented, ...Object.keys(c.seen)]))].sort();
  const matrix = r.coverage
    .map((c) => {
      const cells = statuses.map((s) => {
        const seen = c.seen[s];
        const doc = c.documented.includes(s);
        const n = seen ? Object.values(seen).reduce((a, b) => a + b, 0) : 0;
        const cls = !doc && n ? 'bad' : doc && n ? 'hit' : doc ? 'miss' : 'none';
        const title = seen ? Object.entries(seen).map(([k, v]) => `${k}: ${v}`).join(', ') : doc ? 'documented, not seen' : '';
        return `<td class="${cls}" title="${esc(title)}">${n ? `${n}${Object.keys(seen!).some((k) => k !== 'normal') ? '*' : ''}` : doc ? '·' : ''}</td>`;
      });
      return `<tr><th>${esc(c.method)} ${esc(c.path)}<br><small>${esc(c.operationId)}</small></th>${cells.join('')}</tr>`;
    })
    .join('\n');
  const rows = r.outcomes
    .map(
      (o) => `<tr class="${o.status}"><td>${esc(o.status)}</td><td>${esc(o.tier)}</td><td>${esc(o.check)}</td><td>${esc(o.operation)}</td><td>${esc(o.message)}${
        o.curl ? `<details><summary>request / response</summary><pre>${esc(o.curl)}\n\n${esc(o.exchange?.response ? `${o.exchange.response.status}\n${o.exchange.response.text.slice(0, 4000)}` : o.exchange?.error)}</pre></details>` : ''
      }</td></tr>`,
    )
    .join('\n');
  const tiers = Object.entries(r.byTier).map(([t, c]) => `<li><b>${esc(t)}</b>: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>connkit verify ${esc(r.api)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.matrix td{text-align:center;min-width:2.5rem}.hit{background:#cfc}.miss{background:#fec}.bad{background:#f99}.none{background:#f6f6f6}
tr.failed td:first-child{color:#b00;font-weight:bold}tr.skipped td:first-child{color:#888}tr.passed td:first-child{color:#070}
pre{white-space:pre-wrap;max-width:70rem;background:#f6f6f6;padding:.5rem}
</style></head><body>
<h1>connkit verify: ${esc(r.api)}</h1>
<p>Target <code>${esc(r.target)}</code>, seed ${r.seed}, ${r.requests} requests, ${(r.durationMs / 1000).toFixed(1)} s, started ${esc(r.startedAt)}.</p>
<p id="totals"><b>${r.totals.passed} passed, ${r.totals.failed} failed, ${r.totals.skipped} skipped</b></p><ul>${tiers}</ul>
<h2>Coverage: operation × status × scenario</h2>
<p>Green: documented and seen (count; * = seen under a fault scenario). Orange: documented, not seen. Red: seen, not documented.</p>
<table class="matrix"><tr><th>operation</th>${statuses.map((s) => `<th>${esc(s)}</th>`).join('')}</tr>
${matrix}
</table>
<h2>Checks</h2>
<table><tr><th>verdict</th><th>tier</th><th>check</th><th>operation</th><th>detail</th></tr>
${rows}
</table>
</body></html>
`;
}
