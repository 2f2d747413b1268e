// The README's "Use it in your tests" snippets, as a user would paste them: each is type-checked
// against connkit's entry points (package.json `exports`, mapped to their sources), the Node ones
// run here, the browser one runs in chromium against the built browser bundle.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { typecheck } from '../helpers/typecheck.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { buildBrowserBundle, runPage } from '../msw/browser-harness.js';

const section = (() => {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Use it in your tests\n');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
})();
const snippets = [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m, i) => ({
  n: i + 1,
  code: m[1],
  browser: m[1].includes("'msw/browser'"),
}));

/** `connkit…` specifiers → source files, read from package.json `exports` by their declarations (dist/src/x.d.ts → src/x.ts; the runtime files may be bundles). */
function sourceOf(specifier: string): string {
  const { exports } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const sub = specifier === 'connkit' ? '.' : `.${specifier.slice('connkit'.length)}`;
  const key = Object.keys(exports).find((k) => k === sub || (k.endsWith('/*') && sub.startsWith(k.slice(0, -1))));
  if (!key) throw new Error(`package.json exports nothing for ${specifier}`);
  const target: string = exports[key].types.replace('*', sub.slice(key.length - 1));
  const source = join(packageRoot, target.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts'));
  if (!existsSync(source)) throw new Error(`${specifier} → ${target}: no source ${source}`);
  return source;
}
const connkitImports = (code: string) => [
  ...new Set([...code.matchAll(/from '(connkit(?:\/[^']*)?)'/g)].map((m) => m[1])),
];

let dir: string;
beforeAll(async () => {
  dir = join(packageRoot, 'test', 'readme', `.snippets-${process.pid}`);
  await mkdir(dir, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('README: Use it in your tests', () => {
  it('has the five snippets (server, in-process, MSW Node, MSW browser, typed client), each asserting', () => {
    expect(snippets).toHaveLength(5);
    expect(snippets.filter((s) => s.browser)).toHaveLength(1);
    for (const s of snippets) expect(s.code, `snippet ${s.n}`).toMatch(/\bassert\.|throw new Error/);
    // Fixtures are typed as present for the APIs served: a snippet needs no non-null `!`.
    for (const s of snippets) expect(s.code, `snippet ${s.n}`).not.toMatch(/[\w)\]]!(?=[.;[,)])/);
  });

  it('type-checks every snippet as written', () => {
    const files = new Map(snippets.map((s) => [join(packageRoot, 'test', 'readme', `__snippet${s.n}.ts`), s.code]));
    const specifiers = [...new Set(snippets.flatMap((s) => connkitImports(s.code)))];
    const found = typecheck(files, {
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      paths: Object.fromEntries(specifiers.map((sp) => [sp, [sourceOf(sp)]])),
    });
    const problems = [...found].flatMap(([f, ds]) =>
      ds.map(
        (d) =>
          `${relative(packageRoot, f)}:${d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  for (const s of snippets.filter((x) => !x.browser))
    it(`runs snippet ${s.n} in Node: ${s.code
      .split('\n')
      .find((l) => l.includes("from 'connkit"))
      ?.trim()}`, async () => {
      const file = join(dir, `snippet-${s.n}.ts`);
      let code = s.code;
      for (const sp of connkitImports(code))
        code = code.replaceAll(`'${sp}'`, `'${relative(dir, sourceOf(sp)).replace(/\.ts$/, '.js')}'`);
      await writeFile(file, code);
      await import(pathToFileURL(file).href);
    });

  it.runIf(existsSync('/usr/bin/chromium'))(
    'runs the browser snippet in chromium, on the built browser bundle',
    async () => {
      const s = snippets.find((x) => x.browser)!;
      const out = await mkdtemp(join(tmpdir(), 'connkit-readme-'));
      try {
        const bundle = await buildBrowserBundle(out);
        const file = join(dir, `snippet-${s.n}.ts`);
        await writeFile(file, `${s.code}\nObject.assign(window, { __connkitDone: true });\n`);
        const swap: Record<string, string> = {};
        for (const sp of connkitImports(s.code)) swap[sp] = sp === 'connkit' ? bundle : sourceOf(sp);
        const { result, swapped } = await runPage(file, { swap });
        expect(result).toBe(true);
        expect(swapped).toContain(bundle);
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    },
  );
});
