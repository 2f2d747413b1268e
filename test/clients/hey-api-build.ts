import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';
import ts from 'typescript';
import { vendorNames } from '../../src/contract/names.js';
import { specDocuments } from '../../src/generated/specs.js';

/**
 * Generates a hey-api client (fetch client, types, SDK) for every vendor spec into `dir`,
 * from the spec documents connkit itself serves (no network), as a consumer would.
 */
export async function generateClients(dir: string): Promise<void> {
  for (const name of vendorNames) {
    const input = specDocuments[name]();
    if (!isRecord(input)) throw new Error(`${name}: the spec document is not an object`);
    await createClient({
      input,
      output: { path: join(dir, name) },
      plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
      logs: { level: 'silent' },
    });
  }
  // The emitted JavaScript is ESM, as the generated imports (`./client/index.js`) are.
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

async function sourcesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

export interface Compiled {
  /** tsc's diagnostics, one line each (empty when the code compiles). */
  diagnostics: string[];
  /** Top-level names each generated file declares, by path relative to the output dir. */
  declared: Map<string, string[]>;
}

function topLevelNames(file: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (
      (ts.isTypeAliasDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isFunctionDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/** Compiles everything under `dir` with strict tsc settings, emitting JavaScript beside it in `outDir`. */
export async function compileClients(dir: string, outDir: string): Promise<Compiled> {
  const files = await sourcesUnder(dir);
  await mkdir(outDir, { recursive: true });
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    // The generated files are sources, so they are checked; the standard library's own .d.ts need not be.
    skipLibCheck: true,
    rootDir: dir,
    outDir,
  });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => {
    const where = d.file ? `${relative(dir, d.file.fileName)}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
  const declared = new Map<string, string[]>();
  for (const file of program.getSourceFiles()) {
    if (files.includes(file.fileName)) declared.set(relative(dir, file.fileName), topLevelNames(file));
  }
  return { diagnostics, declared };
}
