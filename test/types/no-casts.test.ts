// Handlers read their request typed from the generated operations: no `as` (or `<T>`) cast
// on the body, parameters, headers or the raw request, in any vendor's handlers or control's.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const vendors = join(packageRoot, 'src', 'sim', 'vendors');
const files = [
  ...readdirSync(vendors, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(vendors, d.name, 'handlers.ts')),
  join(packageRoot, 'src', 'sim', 'control', 'handlers.ts'),
];

/** Names request data goes by in a handler: `ctx.body`, `params.query.x`, a destructured `body`… */
const requestData = /^(?:ctx\.)?(?:body|params|query|headers|header|req|request)\b/;

const isCast = (n: ts.Node): n is ts.AsExpression | ts.TypeAssertion =>
  ts.isAsExpression(n) || ts.isTypeAssertionExpression(n);
/** The value under parentheses, `!` and stacked casts (`x as unknown as T` casts `x`). */
const operand = (e: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || isCast(e) ? operand(e.expression) : e;

/** Every cast (outermost of a stack, `as const` aside) whose operand is request data. */
function requestCastsIn(sf: ts.SourceFile): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if (isCast(node) && !isCast(node.parent)) {
      const isConst = ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(sf) === 'const';
      if (!isConst && requestData.test(operand(node.expression).getText(sf))) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The casts on request data in a file, as `file:line: text`. */
function requestCasts(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  return requestCastsIn(sf).map(
    (n) =>
      `${relative(packageRoot, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${n.getText(sf)}`,
  );
}

describe('handlers read typed requests', () => {
  it('finds the casts it looks for (the detector itself)', () => {
    const sample = ts.createSourceFile(
      'sample.ts',
      'const a = ctx.body as Create; const b = (params.query as unknown as Q).x; const c = <T>body; const d = [1] as const; const e = ctx.state as S; const f = ctx.params.path!.id as P;',
      ts.ScriptTarget.ES2022,
      true,
    );
    expect(requestCastsIn(sample).map((n) => n.getText(sample))).toEqual([
      'ctx.body as Create',
      'params.query as unknown as Q',
      '<T>body',
      'ctx.params.path!.id as P',
    ]);
  });

  it.each(files.map((f) => [relative(packageRoot, f), f]))('%s has no cast on request data', (_, file) => {
    expect(requestCasts(file)).toEqual([]);
  });
});
