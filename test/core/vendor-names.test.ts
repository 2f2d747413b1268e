// A vendor is one folder: outside src/sim/vendors/<v>/ (and its conformance adapter and
// flows), no code names a vendor but the registry. Code, not comments: identifiers, string
// and template text, JSX text, as the TypeScript parser reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../scripts/import-graph.js';
import { packageRoot } from '../../src/paths.js';
import { vendorNames } from '../../src/contract/names.js';

const vendor = new RegExp(vendorNames.join('|'), 'i');

/** Where a vendor may be named: its own folder and files, generated code, the registry. */
const exempt = [
  /^src\/generated\//,
  new RegExp(`^src/sim/vendors/(${vendorNames.join('|')})/`),
  new RegExp(`^conformance/(adapters|flows)/(${vendorNames.join('|')})\\.ts$`),
  // The registry: the specs' names (which src/generated/ is written from) and their modules.
  /^src\/contract\/names\.ts$/,
  /^src\/sim\/vendors\/index\.ts$/,
];

/**
 * Files other branches are rewriting that still name vendors (the conformance rewrite, the
 * CLI, the typed clients): allowed, not required, until they move their tables behind the
 * module hooks. The list only shrinks.
 */
const pending = new Set([
  // The verify adapters' own registry (an ApiModule hook once conformance is rewritten).
  'conformance/adapters/index.ts',
  'conformance/checks/contract.ts',
  'conformance/checks/counts.ts',
  'conformance/profile.ts',
  'conformance/provider-states.ts',
  'conformance/types.ts',
  'src/cli.ts',
  'src/cli/parse.ts',
  'src/client/index.ts',
]);

function vendorWords(file: string): string[] {
  const text = readFileSync(join(packageRoot, file), 'utf8');
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.ES2022,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const words =
      ts.isIdentifier(node) || ts.isPrivateIdentifier(node)
        ? node.text
        : ts.isStringLiteralLike(node) ||
            ts.isTemplateHead(node) ||
            ts.isTemplateMiddle(node) ||
            ts.isTemplateTail(node) ||
            ts.isJsxText(node)
          ? node.text
          : undefined;
    if (words !== undefined && vendor.test(words))
      found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${words.slice(0, 60)}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const files = sourceFiles(packageRoot, ['src', 'conformance']).filter((f) => !exempt.some((re) => re.test(f)));

describe('vendor names', () => {
  it('appear in no generic file of src/ or conformance/', () => {
    expect(files.filter((f) => !pending.has(f)).flatMap(vendorWords)).toEqual([]);
  });

  it('are found where they are written (the scan reads code, not comments)', () => {
    expect(vendorWords('src/sim/vendors/index.ts').length).toBeGreaterThan(0);
    expect(vendorWords('src/sim/core.ts')).toEqual([]);
  });

  it('pending files exist (a file moved or cleaned leaves the list)', () => {
    for (const f of pending) expect(files, f).toContain(f);
  });
});
