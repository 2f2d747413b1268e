import type { Ratio, Results, Row, Target } from './results.js';

export const rowLine = (r: Row): string =>
  `  ${r.label.padEnd(66)} ${String(r.bodyBytes).padStart(6)} B ${String(r.load.rps).padStart(7)} req/s ${r.load.mbPerSec.toFixed(2).padStart(6)} MB/s  p99 ${String(r.load.p99).padStart(4)} ms  load ${r.loadAverage.toFixed(1).padStart(4)}` +
  (r.load.non2xx || r.load.errors ? `  non-2xx ${r.load.non2xx} errors ${r.load.errors}` : '') +
  (r.load.requests === 0 ? '  NO ANSWER within the run' : '');

export const ratioLine = (r: Ratio): string => `  ${r.name.padEnd(66)} ×${r.value}  (answer size ×${r.sizeRatio})`;

export const targetLine = (t: Target): string =>
  `  ${t.met ? '✓ met      ' : '✗ shortfall'} ${t.name}: ${t.value}${t.unit} (goal ${t.kind === 'min' ? '≥' : '≤'} ${t.goal}${t.unit})` +
  (t.shortfall ? ` — ${t.shortfall}` : '') +
  (t.note ? ` [${t.note}]` : '');

/** The summary printed at the end: machine, peers, every row and ratio, every target. */
export function summary(r: Results): string[] {
  const lines = [
    '',
    '═'.repeat(100),
    `${r.command}  ·  ${r.at}  ·  ${r.connkit.version} ${r.connkit.commit}`,
    `machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGB} GB, ${r.machine.platform}, Node ${r.machine.node}, load average at start ${r.machine.loadAverage.join(' ')}`,
    `load: ${r.loadGenerator.tool}, ${r.loadGenerator.connections} connections, ${r.loadGenerator.durationSeconds} s per row after a warm-up of ${r.loadGenerator.warmUp}; ${r.loadGenerator.where}`,
    'peers:',
    ...r.peers.map((p) => `  ${p.label.padEnd(40)} ${p.version.padEnd(28)} ${p.flags.join(' ')}`),
  ];
  for (const e of [...(r.throughput ?? []), ...(r.writes ? [r.writes] : [])])
    lines.push('', `${e.label}`, ...e.rows.map(rowLine), ...e.ratios.map(ratioLine));
  lines.push('', 'targets', ...r.targets.map(targetLine));
  if (r.profiles.length)
    lines.push('', 'CPU profiles (open in Chrome DevTools → Performance, or speedscope); the most self time:');
  for (const p of r.profiles)
    lines.push(
      `  ${p.file}`,
      ...p.top.map((t) => `    ${t.percent.toFixed(1).padStart(5)} %  ${String(t.selfMs).padStart(7)} ms  ${t.fn}`),
    );
  return lines;
}
