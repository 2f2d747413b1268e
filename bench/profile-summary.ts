import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './proc.js';

/** The parts of a V8 .cpuprofile (node --cpu-prof) a self-time summary needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

const where = (url: string) => {
  if (!url) return '';
  const path = url.startsWith('file://') ? relative(root, fileURLToPath(url)) : url;
  return path.replace(/^node_modules\//, '');
};

/**
 * The functions with the most self time in a profile (idle and GC included, named as V8 names
 * them): a first reading of where a step's time went, before opening the profile itself.
 */
export function topSelf(file: string, n: number): { fn: string; selfMs: number; percent: number }[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${where(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({
      fn,
      selfMs: Math.round(us / 1000),
      percent: Math.round((us / Math.max(1, total)) * 1000) / 10,
    }));
}
