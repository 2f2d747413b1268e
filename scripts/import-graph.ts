// The import graph of src/ (and conformance/): which file loads which at run time, which
// only for types, the circles among the run-time edges and the imports against the layering.
// Read by scripts/code-stats.ts (figures for people) and test/core/layering.test.ts (the rule).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface Edge {
  from: string;
  to: string;
  /** `import type`, or every binding imported is a type: erased at build time. */
  typeOnly: boolean;
  /** `import()` in a function body: loaded on first use, not when the importer loads. */
  lazy: boolean;
}

export interface Graph {
  files: string[];
  edges: Edge[];
}

export function sourceFiles(root: string, dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, path));
    }
  };
  for (const d of dirs) if (existsSync(join(root, d))) walk(join(root, d));
  return out.sort();
}

function resolveSpecifier(root: string, from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate)) return relative(root, candidate);
  return undefined;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((e) => e.isTypeOnly)
  );
}

export function importGraph(root: string, dirs: string[]): Graph {
  const files = sourceFiles(root, dirs);
  const edges: Edge[] = [];
  for (const from of files) {
    const sf = ts.createSourceFile(from, readFileSync(join(root, from), 'utf8'), ts.ScriptTarget.ES2022, true);
    const add = (spec: string, typeOnly: boolean, lazy: boolean) => {
      const to = resolveSpecifier(root, from, spec);
      if (to) edges.push({ from, to, typeOnly, lazy });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
        add(node.moduleSpecifier.text, isTypeOnlyImport(node), false);
      else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
        add(node.moduleSpecifier.text, isTypeOnlyExport(node), false);
      else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      )
        add(node.arguments[0].text, false, true);
      else if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      )
        add(node.argument.literal.text, true, false);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { files, edges };
}

/**
 * Strongly connected groups of more than one file over the edges that run when a file loads
 * (with `withTypes`, over the type-only imports too: circles the compiler alone sees).
 */
export function runtimeCycles(graph: Graph, withTypes = false): string[][] {
  const next = new Map<string, string[]>();
  for (const e of graph.edges)
    if ((withTypes || !e.typeOnly) && !e.lazy) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const f of graph.files) if (!index.has(f)) connect(f);
  return out;
}

/**
 * The rooms, lowest first: a file may load (at run time) files of its own room or of lower
 * ones. `vendor` is every src/sim/vendors/<v>/ folder: generic simulator code never loads
 * one; the registry (src/sim/vendors/index.ts) is the one file that does, and only the core
 * (its composition root) and the doors load the registry.
 */
export function layerOf(file: string): { name: string; rank: number } {
  const rules: [RegExp, string, number][] = [
    [/^src\/generated\//, 'generated', 0],
    [/^src\/(paths|version|state-dir|default-port|code-cache)\.ts$/, 'base', 0],
    [/^src\/contract\//, 'contract', 1],
    [/^src\/sim\/vendors\/[^/]+\//, 'vendor', 3],
    [/^src\/sim\/vendors\/index\.ts$/, 'registry', 4],
    [/^src\/sim\/core\.ts$/, 'core', 5],
    [/^src\/sim\//, 'sim', 2],
    [/^src\/(server|msw|client|page)\//, 'door', 6],
    [/^conformance\//, 'conformance', 7],
    // The package's entry points and the CLI, which runs verify.
    [/^src\//, 'entry', 8],
  ];
  for (const [re, name, rank] of rules) if (re.test(file)) return { name, rank };
  return { name: 'other', rank: 9 };
}

/** Run-time imports that go up the layering (a lower room loading a higher one). */
export function againstLayering(graph: Graph): Edge[] {
  return graph.edges.filter((e) => {
    if (e.typeOnly) return false;
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    if (from.name === 'vendor' && to.name === 'vendor') return vendorFolder(e.from) !== vendorFolder(e.to);
    return to.rank > from.rank;
  });
}

const vendorFolder = (file: string) => file.split('/')[3];
