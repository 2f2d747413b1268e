import ts from 'typescript';

const base: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
};

/**
 * Type-checks source held in memory (path → text; nothing is written to the tree) in one
 * program, resolving the rest from disk; returns each file's syntactic and semantic diagnostics.
 */
export function typecheck(files: Map<string, string>, options: ts.CompilerOptions = {}): Map<string, ts.Diagnostic[]> {
  const all = { ...base, ...options };
  const host = ts.createCompilerHost(all);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (f) => files.has(f) || fileExists(f);
  host.readFile = (f) => files.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) =>
    files.has(f) ? ts.createSourceFile(f, files.get(f)!, lang) : getSourceFile(f, lang, ...rest);
  const program = ts.createProgram([...files.keys()], all, host);
  return new Map(
    [...files.keys()].map((f) => {
      const sf = program.getSourceFile(f)!;
      return [f, [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]];
    }),
  );
}
