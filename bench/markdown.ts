// npx tsx bench/markdown.ts [results.json]: the README's performance tables from
// bench/results.json (or the file named), so the figures printed there are the ones the run measured.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './proc.js';
import type { EndpointResult, Results } from './results.js';

const file = process.argv[2] ?? join(root, 'bench', 'results.json');
// results.json is git-ignored: on a fresh clone there is nothing to render yet, which is a
// step the user skipped, not a crash.
if (!existsSync(file)) {
  console.error(
    `no bench results at ${relative(process.cwd(), file) || file}: run the bench first (npm run bench), then npx tsx bench/markdown.ts`,
  );
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8')) as Results;
const m = r.machine;
const out: string[] = [
  `**Machine:** ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, load average at start ${m.loadAverage.join(' ')}.`,
  `Command: \`${r.command}\`, ${r.at.slice(0, 16).replace('T', ' ')} UTC, ${r.connkit.version} ${r.connkit.commit}.`,
  '',
];

const ratio = (e: EndpointResult, prefix: string) => {
  const x = e.ratios.find((q) => q.name.startsWith(prefix));
  return x ? `×${x.value}${Math.abs(Math.log(x.sizeRatio)) > Math.log(1.5) ? ` (sizes ×${x.sizeRatio})` : ''}` : '–';
};

if (r.throughput) {
  out.push(
    '| headline read | connkit req/s (default size) | × Prism static, equal size | × Mockoon, equal size | % of bare node:http | p99 ms |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const e of r.throughput) {
    const own = e.rows.find((x) => x.id === 'connkit');
    if (!own) continue;
    const bare = e.ratios.find((x) => x.name.startsWith('connkit / bare'));
    out.push(
      `| ${e.label} | ${own.load.rps} | ${ratio(e, 'connkit / prism-static (equal')} | ${ratio(e, 'connkit / mockoon (equal')} | ${bare ? `${Math.round(bare.value * 1000) / 10} %` : '–'} | ${own.load.p99} |`,
    );
  }
  out.push(
    '',
    '| endpoint | row | bytes per answer | req/s | MB/s | p99 ms | load average |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const e of [...r.throughput, ...(r.writes ? [r.writes] : [])])
    for (const row of e.rows)
      out.push(
        `| ${e.label} | ${row.label} | ${row.bodyBytes} | ${row.load.rps} | ${row.load.mbPerSec} | ${row.load.p99} | ${row.loadAverage ?? '–'} |`,
      );
  out.push('');
}

out.push('| target | goal | measured |', '| --- | --- | --- |');
for (const t of r.targets)
  out.push(
    `| ${t.name} | ${t.kind === 'min' ? '≥' : '≤'} ${t.goal}${t.unit} | ${t.value}${t.unit} ${t.met ? '✓' : `✗ ${t.shortfall}`}${t.note ? ` (${t.note})` : ''} |`,
  );
console.log(out.join('\n'));
