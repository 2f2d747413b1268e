import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Report } from '../report.js';
import { tiers, type Outcome } from '../types.js';
import { got } from './text.js';

const style = `
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.matrix td{text-align:center;min-width:2.5rem}.hit{background:#cfc}.miss{background:#fec}.bad{background:#f99}.none{background:#f6f6f6}
tr.failed td:first-child{color:#b00;font-weight:bold}tr.skipped td:first-child{color:#888}tr.passed td:first-child{color:#070}
#fatal{border:2px solid #b00;padding:0 1rem;background:#fee}
#failures{border:2px solid #b00;padding:0 1rem;background:#fff6f6}#failures.none{border-color:#070;background:#f6fff6}
pre{white-space:pre-wrap;word-break:break-all;max-width:70rem;background:#f6f6f6;padding:.5rem;margin:.3rem 0}
.filters label{margin-right:1rem}
`;

// Kept free of the characters XML escapes, so the browser reads it exactly as written.
const filterScript = `
(function () {
  var tier = document.getElementById('f-tier'), result = document.getElementById('f-result'), text = document.getElementById('f-text');
  function apply() {
    var t = tier.value, r = result.value, q = text.value.toLowerCase();
    document.querySelectorAll('#outcomes tbody tr').forEach(function (row) {
      var show = true;
      if (t) show = row.getAttribute('data-tier') === t;
      if (show) if (r) show = row.getAttribute('data-result') === r;
      if (show) if (q) show = row.textContent.toLowerCase().indexOf(q) !== -1;
      row.hidden = !show;
    });
  }
  tier.addEventListener('change', apply);
  result.addEventListener('change', apply);
  text.addEventListener('input', apply);
})();
`;

const bodyShown = 4000;

function exchangeDetail(parent: XMLBuilder, o: Outcome): void {
  const answer = got(o, bodyShown);
  if (answer) parent.ele('pre').txt(`got ${answer}`);
  if (o.exchange?.response?.truncated)
    parent.ele('p').ele('small').txt('The body was cut: the report keeps its first 64 KiB.');
  if (o.curl) parent.ele('pre').txt(o.curl);
}

function select(parent: XMLBuilder, id: string, label: string, options: string[]): void {
  const l = parent.ele('label').txt(`${label} `);
  const s = l.ele('select', { id });
  s.ele('option', { value: '' }).txt('all');
  for (const o of options) s.ele('option', { value: o }).txt(o);
}

/**
 * One self-contained page: the failures first (check, operation, expected vs got, the curl),
 * then the operation × status × scenario matrix and every outcome, filterable. Built as
 * well-formed XHTML by xmlbuilder2: every byte an implementation sent is escaped or replaced.
 */
export function htmlReport(r: Report): string {
  const doc = create({ encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).dtd({ name: 'html' });
  const html = doc.ele('html', { xmlns: 'http://www.w3.org/1999/xhtml', lang: 'en' });
  const head = html.ele('head');
  head.ele('meta', { charset: 'utf-8' });
  head.ele('title').txt(`connkit verify ${r.api}`);
  head.ele('style').txt(style);
  const body = html.ele('body');
  body.ele('h1').txt(`connkit verify: ${r.api}`);
  body
    .ele('p')
    .txt(
      `Target ${r.target}, seed ${r.seed}, ${r.requests} requests, ${(r.durationMs / 1000).toFixed(1)} s, started ${r.startedAt}.`,
    );
  body
    .ele('p', { id: 'totals' })
    .ele('b')
    .txt(`${r.totals.passed} passed, ${r.totals.failed} failed, ${r.totals.skipped} skipped`);

  if (r.fatal) {
    const fatal = body.ele('section', { id: 'fatal' });
    fatal.ele('h2').txt('The run ended early');
    fatal.ele('pre').txt(r.fatal);
  }
  if (r.stopped)
    body
      .ele('p', { id: 'stopped' })
      .txt(
        `Stopped after ${r.stopped.maxFailures} failures (--max-failures); not run: ${r.stopped.notRun.join(', ')}.`,
      );
  const failures = r.outcomes.filter((o) => o.status === 'failed');
  const fs = body.ele('section', { id: 'failures', class: failures.length ? 'some' : 'none' });
  fs.ele('h2').txt(failures.length ? `Failures (${failures.length})` : 'No failures');
  if (failures.length) {
    const t = fs.ele('table');
    const hr = t.ele('thead').ele('tr');
    for (const h of ['check', 'operation', 'expected vs got', 'replay']) hr.ele('th').txt(h);
    const tb = t.ele('tbody');
    for (const o of failures) {
      const tr = tb.ele('tr', { class: 'failed' });
      tr.ele('td').txt(o.check);
      tr.ele('td').txt(o.operation ?? '');
      const detail = tr.ele('td');
      detail.ele('div').txt(o.message ?? '');
      const answer = got(o, bodyShown);
      if (answer) detail.ele('pre').txt(`got ${answer}`);
      if (o.exchange?.response?.truncated)
        detail.ele('small').txt('The body was cut: the report keeps its first 64 KiB.');
      tr.ele('td')
        .ele('pre')
        .txt(o.curl ?? '');
    }
  }

  const ul = body.ele('ul');
  for (const [t, c] of Object.entries(r.byTier))
    ul.ele('li').txt(`${t}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);

  body.ele('h2').txt('Coverage: operation × status × scenario');
  body
    .ele('p')
    .txt(
      'Green: documented and seen (count; * = seen under a fault scenario). Orange: documented, not seen. Red: seen, not documented.',
    );
  const statuses = [...new Set(r.coverage.flatMap((c) => [...c.documented, ...Object.keys(c.seen)]))].sort();
  const matrix = body.ele('table', { class: 'matrix' });
  const mh = matrix.ele('tr');
  mh.ele('th').txt('operation');
  for (const s of statuses) mh.ele('th').txt(s);
  for (const c of r.coverage) {
    const tr = matrix.ele('tr');
    const th = tr.ele('th').txt(`${c.method} ${c.path}`);
    th.ele('br');
    th.ele('small').txt(c.operationId);
    for (const s of statuses) {
      const seen = c.seen[s];
      const doc = c.documented.includes(s);
      const n = seen ? Object.values(seen).reduce((a, b) => a + b, 0) : 0;
      const cls = !doc && n ? 'bad' : doc && n ? 'hit' : doc ? 'miss' : 'none';
      const title = seen
        ? Object.entries(seen)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')
        : doc
          ? 'documented, not seen'
          : '';
      tr.ele('td', { class: cls, title }).txt(
        n ? `${n}${Object.keys(seen).some((k) => k !== 'normal') ? '*' : ''}` : doc ? '·' : '',
      );
    }
  }

  body.ele('h2').txt('Checks');
  const filters = body.ele('p', { class: 'filters' });
  select(filters, 'f-tier', 'tier', tiers);
  select(filters, 'f-result', 'result', ['failed', 'skipped', 'passed']);
  filters
    .ele('label')
    .txt('text ')
    .ele('input', { id: 'f-text', type: 'search', placeholder: 'check, operation, message…' });
  const table = body.ele('table', { id: 'outcomes' });
  const th = table.ele('thead').ele('tr');
  for (const h of ['verdict', 'tier', 'check', 'operation', 'detail']) th.ele('th').txt(h);
  const tbody = table.ele('tbody');
  for (const o of r.outcomes) {
    const tr = tbody.ele('tr', { class: o.status, 'data-tier': o.tier, 'data-result': o.status });
    tr.ele('td').txt(o.status);
    tr.ele('td').txt(o.tier);
    tr.ele('td').txt(o.check);
    tr.ele('td').txt(o.operation ?? '');
    const detail = tr.ele('td');
    detail.ele('div').txt(o.status === 'skipped' ? `skipped: ${o.message ?? ''}` : (o.message ?? ''));
    if (o.exchange) {
      const d = detail.ele('details');
      d.ele('summary').txt('request / response');
      exchangeDetail(d, o);
    }
  }
  body.ele('script').txt(filterScript);
  return `${doc.end({ headless: true, prettyPrint: false })}\n`;
}
