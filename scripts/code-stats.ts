// Figures of the code's habits and shape, to compare before and after a change:
// `npx tsx scripts/code-stats.ts` prints, per folder, the `as` casts (`as const` aside), the
// `!` non-null assertions, the explicit `any`, `eslint-disable` comments and lines over 120
// characters; then the import graph of src/: files, edges, rooms, run-time circles and the
// imports against the layering (scripts/import-graph.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { againstLayering, importGraph, layerOf, runtimeCycles, sourceFiles } from './import-graph.js';

const root = join(import.meta.dirname, '..');

interface Counts {
  files: number;
  as: number;
  nonNull: number;
  any: number;
  eslintDisable: number;
  longLines: number;
}

function countFile(file: string): Counts {
  const text = readFileSync(join(root, file), 'utf8');
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.ES2022,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const c: Counts = { files: 1, as: 0, nonNull: 0, any: 0, eslintDisable: 0, longLines: 0 };
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const isConst = ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(sf) === 'const';
      if (!isConst) c.as++;
    } else if (ts.isNonNullExpression(node)) c.nonNull++;
    else if (node.kind === ts.SyntaxKind.AnyKeyword) c.any++;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  c.eslintDisable = (text.match(/eslint-disable/g) ?? []).length;
  c.longLines = text.split('\n').filter((l) => l.length > 120).length;
  return c;
}

/** src/<folder> (generated aside: it is written by openapi-typescript), and conformance. */
const folderOf = (file: string) =>
  file.startsWith('src/')
    ? file
        .split('/')
        .slice(0, file.split('/').length > 2 ? 2 : 1)
        .join('/')
    : file.split('/')[0];

const files = sourceFiles(root, ['src', 'conformance']).filter((f) => !f.startsWith('src/generated/'));
const byFolder = new Map<string, Counts>();
for (const f of files) {
  const key = folderOf(f);
  const c = countFile(f);
  const t = byFolder.get(key) ?? { files: 0, as: 0, nonNull: 0, any: 0, eslintDisable: 0, longLines: 0 };
  for (const k of Object.keys(c) as (keyof Counts)[]) t[k] += c[k];
  byFolder.set(key, t);
}
const total: Counts = { files: 0, as: 0, nonNull: 0, any: 0, eslintDisable: 0, longLines: 0 };
const row = (name: string, c: Counts) =>
  `${name.padEnd(18)} ${[c.files, c.as, c.nonNull, c.any, c.eslintDisable, c.longLines].map((n) => String(n).padStart(6)).join(' ')}`;
console.log(
  `${'folder'.padEnd(18)} ${['files', 'as', '!', 'any', 'eslint', '>120'].map((s) => s.padStart(6)).join(' ')}`,
);
for (const [name, c] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(row(name, c));
  for (const k of Object.keys(c) as (keyof Counts)[]) total[k] += c[k];
}
console.log(row('total', total));

const graph = importGraph(root, ['src']);
const runtime = graph.edges.filter((e) => !e.typeOnly && !e.lazy);
const rooms = new Map<string, number>();
for (const f of graph.files) rooms.set(layerOf(f).name, (rooms.get(layerOf(f).name) ?? 0) + 1);
const cycles = runtimeCycles(graph);
const against = againstLayering(graph);
console.log(
  `\nimport graph of src/: ${graph.files.length} files, ${graph.edges.length} imports (${runtime.length} at load, ${graph.edges.filter((e) => e.lazy).length} lazy, ${graph.edges.filter((e) => e.typeOnly).length} type-only)`,
);
console.log(`rooms: ${[...rooms].map(([n, c]) => `${n} ${c}`).join(', ')}`);
console.log(`run-time circles: ${cycles.length}${cycles.map((c) => `\n  ${c.length} files: ${c.join(' ')}`).join('')}`);
const typeCycles = runtimeCycles(graph, true);
console.log(
  `circles counting type-only imports: ${typeCycles.length}${typeCycles.map((c) => ` (${c.length} files)`).join('')}`,
);
console.log(
  `imports against the layering: ${against.length}${against.map((e) => `\n  ${e.from} → ${e.to}${e.lazy ? ' (lazy)' : ''}`).join('')}`,
);
