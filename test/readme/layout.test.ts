import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's "Layout" block is the map a newcomer reads first: it must name every room the
// tree has and nothing the tree lacks, so it is checked against the files git tracks.
const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const block = /^## Layout\n[\s\S]*?```\n([\s\S]*?)```/m.exec(readme)?.[1] ?? '';

/** Where the descriptions start: the column most entry lines agree on. */
function descriptionColumn(lines: string[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const m = /^\S.*?\s{2,}(?=\S)/.exec(line);
    if (m) counts.set(m[0].length, (counts.get(m[0].length) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The paths an entry names: its first column, split on a comma or two spaces. */
function entries(): string[] {
  const lines = block.split('\n').filter((l) => l && !l.startsWith(' '));
  const column = descriptionColumn(lines);
  // A path longer than the column runs into it: then the path is what comes before the gap.
  return lines.flatMap((line) =>
    (line.length > column && line[column - 1] !== ' ' ? line.split(/\s{2,}/)[0] : line.slice(0, column))
      .split(/,\s*|\s{2,}/)
      .map((p) => p.trim())
      .filter(Boolean),
  );
}

/** `src/sim/vendors/<v>/` stands for every folder there. */
function expand(path: string): string[] {
  const at = path.indexOf('<');
  if (at < 0) return [path];
  const parent = path.slice(0, at);
  const rest = path.slice(path.indexOf('>') + 1);
  return readdirSync(join(root, parent))
    .filter((d) => statSync(join(root, parent, d)).isDirectory())
    .map((d) => parent + d + rest);
}

const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const folders = (prefix: string) => [
  ...new Set(
    tracked
      .filter((f) => f.startsWith(prefix) && f.slice(prefix.length).includes('/'))
      .map((f) => prefix + f.slice(prefix.length).split('/')[0] + '/'),
  ),
];

describe('README layout', () => {
  const named = entries();

  it('has a layout block', () => {
    expect(named.length).toBeGreaterThan(5);
  });

  it.each(named)('%s exists', (entry) => {
    for (const p of expand(entry)) expect(existsSync(join(root, p)), p).toBe(true);
  });

  it('names every folder at the top, in src/ and in src/sim/', () => {
    const covered = (folder: string) =>
      named.some((e) => folder.startsWith(e.replace(/<[^>]+>.*$/, '')) || e.startsWith(folder));
    const rooms = [...folders(''), ...folders('src/'), ...folders('src/sim/')].filter((f) => !f.startsWith('.'));
    expect(rooms.filter((f) => !covered(f))).toEqual([]);
  });
});
